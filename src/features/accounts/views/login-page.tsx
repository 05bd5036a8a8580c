import { Button, Form, TextField } from '../../../platform/views/form-controls.tsx'
import { type FieldError, errorFor } from '../../../platform/views/error-summary.tsx'
import { DataTable } from '../../../platform/views/data-display.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'

export interface DemoAccount {
  email: string
  roleKey: string
  organisation: string
}

export function LoginPage({
  values = {},
  errors,
  returnTo,
  demoAccounts,
  demoPassword,
  oidc,
}: {
  values?: Record<string, string | string[]>
  errors?: FieldError[]
  returnTo?: string
  demoAccounts?: DemoAccount[]
  demoPassword?: string
  oidc: boolean
}) {
  const { t } = usePage()
  return (
    <Layout title={t('accounts.login.title')} errors={errors}>
      <h1 class="heading-l">{t('accounts.login.title')}</h1>
      <Form action="/login">
        {returnTo && <input type="hidden" name="return" value={returnTo} />}
        <TextField
          name="email"
          type="email"
          label={t('accounts.fields.email')}
          autocomplete="username"
          spellcheck={false}
          value={values.email as string}
          error={errorFor(errors, 'email')}
          width="medium"
        />
        <TextField
          name="password"
          type="password"
          label={t('accounts.fields.password')}
          autocomplete="current-password"
          error={errorFor(errors, 'password')}
          width="medium"
        />
        <Button>{t('accounts.login.submit')}</Button>
      </Form>
      {oidc && (
        <p class="body">
          <a href="/login/oidc" class="button button--secondary">
            {t('accounts.login.oidc')}
          </a>
        </p>
      )}
      <p class="body-s">{t('accounts.login.noAccount')}</p>
      {demoAccounts && demoAccounts.length > 0 && (
        <section aria-labelledby="demo-accounts" class="inset">
          <h2 class="heading-m" id="demo-accounts">
            {t('accounts.login.demoTitle')}
          </h2>
          <p class="body">{t('accounts.login.demoIntro', { password: demoPassword ?? '' })}</p>
          <DataTable
            caption={t('accounts.login.demoCaption')}
            columns={[
              { key: 'email', label: t('accounts.fields.email'), render: (a: DemoAccount) => <code>{a.email}</code> },
              { key: 'role', label: t('accounts.fields.role'), render: (a: DemoAccount) => t(a.roleKey) },
              { key: 'org', label: t('accounts.fields.organisation'), render: (a: DemoAccount) => a.organisation },
            ]}
            rows={demoAccounts}
          />
        </section>
      )}
    </Layout>
  )
}
