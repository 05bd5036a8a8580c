import { type FieldError, errorFor } from '../../../platform/views/error-summary.tsx'
import { Button, Checkboxes, DateField, Form, Select, TextField } from '../../../platform/views/form-controls.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import type { UserOption } from '../api-tokens.repo.ts'

const str = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)

export function NewTokenPage({ users, values = {}, errors }: { users: UserOption[]; values?: Record<string, string | string[]>; errors?: FieldError[] }) {
  const { t } = usePage()
  return (
    <Layout
      title={t('apiTokens.new.title')}
      errors={errors}
      breadcrumbs={[
        { href: '/', label: t('platform.nav.home') },
        { href: '/admin/api-tokens', label: t('apiTokens.title') },
        { label: t('apiTokens.new.title') },
      ]}
    >
      <h1 class="heading-l">{t('apiTokens.new.title')}</h1>
      <Form action="/admin/api-tokens">
        <TextField
          name="name"
          label={t('apiTokens.fields.name')}
          hint={t('apiTokens.fields.nameHint')}
          value={str(values.name)}
          error={errorFor(errors, 'name')}
          width="medium"
        />
        <Select
          name="userId"
          label={t('apiTokens.fields.user')}
          hint={t('apiTokens.fields.userHint')}
          value={str(values.userId)}
          placeholder={t('apiTokens.chooseUser')}
          options={users.map((u) => ({ value: u.id, label: `${u.name} (${u.email}) – ${u.organisationName}` }))}
          error={errorFor(errors, 'userId')}
        />
        <Checkboxes
          name="scopes"
          label={t('apiTokens.fields.scopes')}
          hint={t('apiTokens.fields.scopesHint')}
          // A fresh form suggests read only; a form sent back shows what was ticked.
          values={values.scopes === undefined && !errors ? ['read'] : ([] as string[]).concat(values.scopes ?? [])}
          options={[
            { value: 'read', label: t('apiTokens.scopes.read') },
            { value: 'write', label: t('apiTokens.scopes.write') },
          ]}
          error={errorFor(errors, 'scopes')}
        />
        <DateField
          name="expiresOn"
          label={t('apiTokens.fields.expiresOn')}
          hint={t('apiTokens.fields.expiresOnHint')}
          value={str(values.expiresOn)}
          error={errorFor(errors, 'expiresOn')}
        />
        <div class="button-group">
          <Button>{t('apiTokens.new.submit')}</Button>
          <a href="/admin/api-tokens">{t('apiTokens.new.cancel')}</a>
        </div>
      </Form>
    </Layout>
  )
}
