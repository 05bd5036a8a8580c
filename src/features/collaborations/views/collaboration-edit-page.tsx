import { SummaryList } from '../../../platform/views/data-display.tsx'
import { type FieldError, errorFor } from '../../../platform/views/error-summary.tsx'
import { Button, DateField, Form, Radios, TextArea, TextField } from '../../../platform/views/form-controls.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import { formatDateTime } from '../../../platform/i18n/format.ts'
import { VISIBILITIES } from '../collaborations.tables.ts'
import type { Collaboration, CollaborationRow } from '../collaborations.repo.ts'
import { collaborationsCrumbs, period } from './parts.tsx'

type Values = Record<string, string | string[]>
const str = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)

export const collaborationValues = (c: Collaboration): Values => ({
  name: c.name,
  shortName: c.shortName,
  periodStart: c.periodStart,
  periodEnd: c.periodEnd,
  purpose: c.purpose,
  visibility: c.visibility,
  version: String(c.version),
})

interface Props {
  collaboration: CollaborationRow
  values: Values
  errors?: FieldError[]
  /** Set when someone else saved first (409): what is stored now, shown beside what the user typed. */
  current?: Collaboration
}

export function CollaborationEditPage({ collaboration: c, values, errors, current }: Props) {
  const { t, locale } = usePage()
  const title = t('collaborations.edit.title', { name: c.shortName })
  return (
    <Layout title={title} errors={errors} breadcrumbs={[...collaborationsCrumbs(t), { href: `/collaborations/${c.id}`, label: c.shortName }, { label: title }]}>
      <h1 class="heading-l">{title}</h1>
      {current && (
        <section aria-labelledby="stale-heading">
          <h2 class="heading-m" id="stale-heading">
            {t('collaborations.stale.title')}
          </h2>
          <p class="warning-text">{t('collaborations.stale.body')}</p>
          <SummaryList
            rows={[
              { key: t('collaborations.fields.name'), value: current.name },
              { key: t('collaborations.fields.shortName'), value: current.shortName },
              { key: t('collaborations.fields.period'), value: period(current.periodStart, current.periodEnd) },
              { key: t('collaborations.fields.purpose'), value: current.purpose || '–' },
              { key: t('collaborations.fields.visibility'), value: t(`collaborations.visibility.${current.visibility}`) },
              { key: t('collaborations.stale.savedAt'), value: formatDateTime(current.updatedAt, locale) },
            ]}
          />
          <h2 class="heading-m">{t('collaborations.stale.yours')}</h2>
        </section>
      )}
      <Form action={`/collaborations/${c.id}/edit`}>
        <input type="hidden" name="version" value={str(values.version)} />
        <TextField name="name" label={t('collaborations.fields.name')} value={str(values.name)} error={errorFor(errors, 'name')} />
        <TextField
          name="shortName"
          label={t('collaborations.fields.shortName')}
          value={str(values.shortName)}
          error={errorFor(errors, 'shortName')}
          width="medium"
        />
        <DateField name="periodStart" label={t('collaborations.fields.periodStart')} value={str(values.periodStart)} error={errorFor(errors, 'periodStart')} />
        <DateField name="periodEnd" label={t('collaborations.fields.periodEnd')} value={str(values.periodEnd)} error={errorFor(errors, 'periodEnd')} />
        <TextArea
          name="purpose"
          label={t('collaborations.fields.purpose')}
          hint={t('collaborations.edit.purposeHint')}
          value={str(values.purpose)}
          error={errorFor(errors, 'purpose')}
          rows={8}
        />
        <Radios
          name="visibility"
          label={t('collaborations.fields.visibility')}
          value={str(values.visibility)}
          options={VISIBILITIES.map((v) => ({ value: v, label: `${t(`collaborations.visibility.${v}`)} – ${t(`collaborations.visibilityHints.${v}`)}` }))}
          error={errorFor(errors, 'visibility')}
        />
        <div class="button-group">
          <Button>{t('collaborations.edit.submit')}</Button>
          <a href={`/collaborations/${c.id}`}>{t('collaborations.edit.cancel')}</a>
        </div>
      </Form>
    </Layout>
  )
}
