import type { Role } from '../../../platform/http/actor.ts'
import { type FieldError, errorFor } from '../../../platform/views/error-summary.tsx'
import { Button, Form, type Option, Radios, Select, TextField } from '../../../platform/views/form-controls.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import { roleOptions, usersCrumbs } from './user-parts.tsx'

export function InvitePage({
  organisations,
  roles,
  values = {},
  errors,
}: {
  organisations: Option[]
  /** Only the roles the signed-in user may hand out. */
  roles: Role[]
  values?: Record<string, string | string[]>
  errors?: FieldError[]
}) {
  const { t } = usePage()
  const title = t('accounts.users.inviteForm.title')
  return (
    <Layout title={title} errors={errors} breadcrumbs={[...usersCrumbs(t), { label: title }]}>
      <h1 class="heading-l">{title}</h1>
      <p class="body">{t('accounts.users.inviteForm.intro')}</p>
      <Form action="/admin/users">
        <TextField
          name="name"
          label={t('accounts.fields.name')}
          value={values.name as string}
          error={errorFor(errors, 'name')}
          autocomplete="off"
          width="medium"
        />
        <TextField
          name="email"
          type="email"
          label={t('accounts.fields.email')}
          hint={t('accounts.users.inviteForm.emailHint')}
          value={values.email as string}
          error={errorFor(errors, 'email')}
          autocomplete="off"
          spellcheck={false}
          width="medium"
        />
        <Select
          name="organisationId"
          label={t('accounts.fields.organisation')}
          hint={t('accounts.users.inviteForm.organisationHint')}
          value={values.organisationId as string}
          error={errorFor(errors, 'organisationId')}
          placeholder={t('accounts.users.inviteForm.chooseOrganisation')}
          options={organisations}
        />
        <Radios
          name="role"
          label={t('accounts.fields.role')}
          hint={t('accounts.users.inviteForm.roleHint')}
          value={values.role as string}
          error={errorFor(errors, 'role')}
          options={roleOptions(t, roles)}
        />
        <Button>{t('accounts.users.inviteForm.submit')}</Button>
      </Form>
      <p class="body">
        <a href="/admin/users">{t('accounts.users.invited.back')}</a>
      </p>
    </Layout>
  )
}
