import { Button, Form, TextField } from '../../../platform/views/form-controls.tsx'
import { type FieldError, errorFor } from '../../../platform/views/error-summary.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'

export function PasswordPage({ errors, forced }: { errors?: FieldError[]; forced: boolean }) {
  const { t } = usePage()
  return (
    <Layout
      title={t('accounts.password.title')}
      errors={errors}
      breadcrumbs={[{ href: '/', label: t('platform.nav.home') }, { label: t('accounts.password.title') }]}
    >
      <h1 class="heading-l">{t('accounts.password.title')}</h1>
      {forced && <p class="inset">{t('accounts.password.forced')}</p>}
      <Form action="/account/password">
        <TextField
          name="currentPassword"
          type="password"
          label={t('accounts.fields.currentPassword')}
          autocomplete="current-password"
          error={errorFor(errors, 'currentPassword')}
          width="medium"
        />
        <TextField
          name="newPassword"
          type="password"
          label={t('accounts.fields.newPassword')}
          hint={t('accounts.password.hint')}
          autocomplete="new-password"
          error={errorFor(errors, 'newPassword')}
          width="medium"
        />
        <TextField
          name="confirmPassword"
          type="password"
          label={t('accounts.fields.confirmPassword')}
          autocomplete="new-password"
          error={errorFor(errors, 'confirmPassword')}
          width="medium"
        />
        <Button>{t('accounts.password.submit')}</Button>
      </Form>
    </Layout>
  )
}
