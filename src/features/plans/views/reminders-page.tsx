import type { FieldError } from '../../../platform/views/error-summary.tsx'
import { errorFor } from '../../../platform/views/error-summary.tsx'
import { Button, Form, Radios } from '../../../platform/views/form-controls.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'

/** The user's own setting for the daily follow-up digest (issue 8 §11): on unless they switch it off. */
export function RemindersPage({ digest, reports, errors }: { digest: 'on' | 'off'; reports: boolean; errors?: FieldError[] }) {
  const { t } = usePage()
  return (
    <Layout
      title={t('plans.digest.settings.title')}
      errors={errors}
      breadcrumbs={[
        { href: '/', label: t('platform.nav.home') },
        { href: '/account', label: t('accounts.account.title') },
        { label: t('plans.digest.settings.title') },
      ]}
    >
      <h1 class="heading-l">{t('plans.digest.settings.title')}</h1>
      <p class="body">{t('plans.digest.settings.intro')}</p>
      {!reports && <p class="inset">{t('plans.digest.settings.noRole')}</p>}
      <Form action="/account/reminders">
        <Radios
          name="digest"
          label={t('plans.digest.settings.label')}
          value={digest}
          error={errorFor(errors, 'digest')}
          options={[
            { value: 'on', label: t('plans.digest.settings.on') },
            { value: 'off', label: t('plans.digest.settings.off') },
          ]}
        />
        <Button>{t('plans.digest.settings.submit')}</Button>
      </Form>
    </Layout>
  )
}
