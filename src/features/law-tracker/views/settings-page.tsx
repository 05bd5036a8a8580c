import { type FieldError, errorFor } from '../../../platform/views/error-summary.tsx'
import { Button, DateField, Form, TextField } from '../../../platform/views/form-controls.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import { trackerCrumbs } from './parts.tsx'

type Values = Record<string, string | string[]>
const str = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)

export const settingsValues = (s: {
  reviewIntervalMonths: number
  warnMonths: number
  actionPlanDeadline: string
  decidingBody: string
  version: number
}): Values => ({
  reviewIntervalMonths: String(s.reviewIntervalMonths),
  warnMonths: String(s.warnMonths),
  actionPlanDeadline: s.actionPlanDeadline,
  decidingBody: s.decidingBody,
  version: String(s.version),
})

/** Länsstyrelsen's settings of the tracker: the law leaves interval and deciding body open. */
export function SettingsPage({ county, values, errors }: { county: { code: string; name: string }; values: Values; errors?: FieldError[] }) {
  const { t } = usePage()
  const title = t('lawTracker.settings.title', { county: county.name })
  return (
    <Layout title={title} errors={errors} breadcrumbs={[...trackerCrumbs(t, county), { label: title }]}>
      <h1 class="heading-l">{title}</h1>
      <p class="body">{t('lawTracker.settings.lead')}</p>
      <Form action={`/law/counties/${county.code}/settings`}>
        <input type="hidden" name="version" value={str(values.version) ?? '0'} />
        <TextField
          name="reviewIntervalMonths"
          label={t('lawTracker.settings.interval')}
          hint={t('lawTracker.settings.intervalHint')}
          value={str(values.reviewIntervalMonths)}
          error={errorFor(errors, 'reviewIntervalMonths')}
          inputmode="numeric"
          width="narrow"
        />
        <TextField
          name="warnMonths"
          label={t('lawTracker.settings.warn')}
          hint={t('lawTracker.settings.warnHint')}
          value={str(values.warnMonths)}
          error={errorFor(errors, 'warnMonths')}
          inputmode="numeric"
          width="narrow"
        />
        <DateField
          name="actionPlanDeadline"
          label={t('lawTracker.settings.deadline')}
          hint={t('lawTracker.settings.deadlineHint')}
          value={str(values.actionPlanDeadline)}
          error={errorFor(errors, 'actionPlanDeadline')}
        />
        <TextField
          name="decidingBody"
          label={t('lawTracker.settings.body')}
          hint={t('lawTracker.settings.bodyHint')}
          value={str(values.decidingBody)}
          error={errorFor(errors, 'decidingBody')}
        />
        <div class="button-group">
          <Button>{t('lawTracker.settings.submit')}</Button>
          <a href={`/law/counties/${county.code}`}>{t('collaborations.edit.cancel')}</a>
        </div>
      </Form>
    </Layout>
  )
}
