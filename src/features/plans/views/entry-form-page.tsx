import { formatDateTime, formatIsoDate, formatNumber } from '../../../platform/i18n/format.ts'
import { type FieldError, errorFor } from '../../../platform/views/error-summary.tsx'
import { Button, Form, Radios, TextArea, TextField } from '../../../platform/views/form-controls.tsx'
import { SummaryList } from '../../../platform/views/data-display.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import type { Entry } from '../follow-up.repo.ts'
import { ENTRY_STATUSES } from '../follow-up.tables.ts'
import type { Period } from '../periods.ts'
import type { Plan, PlanItem } from '../plans.repo.ts'
import { EntryStatusTag, type Values, planCrumbs, str, targetText, usePeriodName } from './parts.tsx'

const decimal = (n: number | null) => (n === null ? '' : String(n).replace('.', ','))

export const entryValues = (e: Entry | undefined): Values =>
  e
    ? {
        status: e.status,
        narrative: e.narrative,
        outputValue: decimal(e.outputValue),
        outputUnit: e.outputUnit ?? '',
        hours: e.minutesSpent === null ? '' : decimal(Math.round((e.minutesSpent / 60) * 100) / 100),
        progressPercent: e.progressPercent === null ? '' : String(e.progressPercent),
        version: String(e.version),
      }
    : {}

interface Props {
  plan: Plan
  ownerName: string
  item: PlanItem
  period: Period
  due: string
  values: Values
  errors?: FieldError[]
  /** When the save was overtaken: what is stored now, shown beside what the user wrote. */
  conflict?: Entry
}

/** A period's follow-up: four fields (status, what was done, output, hours), so that it takes a minute. */
export function EntryFormPage({ plan, ownerName, item, period, due, values, errors, conflict }: Props) {
  const { t, locale } = usePage()
  const name = usePeriodName()
  const num = (n: number) => formatNumber(n, locale)
  const title = t('plans.entry.title', { period: name(period) })
  const field = (n: string) => ({ name: n, value: str(values[n]), error: errorFor(errors, n) })
  const target = targetText(t, item, num)
  return (
    <Layout
      title={title}
      errors={errors}
      breadcrumbs={[...planCrumbs(t, plan, ownerName), { href: `/plan-items/${item.id}`, label: item.title }, { label: title }]}
    >
      <span class="caption">{item.kind === 'promise' ? t(`plans.promisor.${item.promisor ?? 'joint'}`, { title: item.title }) : item.title}</span>
      <h1 class="heading-l">{title}</h1>
      <p class="body">{t('plans.entry.due', { due: formatIsoDate(due) })}</p>
      {target && <p class="body">{t('plans.entry.target', { target })}</p>}
      {conflict && (
        <section class="conflict" aria-labelledby="conflict-heading">
          <h2 class="heading-m" id="conflict-heading">
            {t('plans.entry.conflictTitle')}
          </h2>
          <p class="body">{t('plans.entry.conflictLead', { name: conflict.authorName, at: formatDateTime(conflict.updatedAt, locale) })}</p>
          <SummaryList
            rows={[
              { key: t('plans.entry.status'), value: <EntryStatusTag status={conflict.status} /> },
              { key: t('plans.entry.narrative'), value: conflict.narrative || '–' },
              { key: t('plans.entry.output'), value: conflict.outputValue === null ? '–' : `${num(conflict.outputValue)} ${conflict.outputUnit ?? ''}`.trim() },
              { key: t('plans.entry.hours'), value: conflict.minutesSpent === null ? '–' : num(conflict.minutesSpent / 60) },
            ]}
          />
          <p class="body">{t('plans.entry.conflictHelp')}</p>
          <p>
            <a href={`/plan-items/${item.id}/follow-up/${period.key}`}>{t('plans.entry.conflictDiscard')}</a>
          </p>
        </section>
      )}
      <Form action={`/plan-items/${item.id}/follow-up/${period.key}`}>
        {str(values.version) && <input type="hidden" name="version" value={str(values.version)} />}
        <Radios {...field('status')} label={t('plans.entry.status')} options={ENTRY_STATUSES.map((s) => ({ value: s, label: t(`followUp.status.${s}`) }))} />
        <TextArea {...field('narrative')} label={t('plans.entry.narrativeOptional')} hint={t('plans.entry.narrativeHint')} rows={4} />
        <TextField
          {...field('outputValue')}
          label={item.targetUnit ? t('plans.entry.outputIn', { unit: item.targetUnit }) : t('plans.entry.outputOptional')}
          hint={t('plans.entry.outputHint')}
          width="narrow"
          inputmode="decimal"
        />
        {!item.targetUnit && <TextField {...field('outputUnit')} label={t('plans.entry.outputUnitOptional')} hint={t('plans.entry.outputUnitHint')} />}
        <TextField {...field('hours')} label={t('plans.entry.hoursOptional')} hint={t('plans.entry.hoursHint')} width="narrow" inputmode="decimal" />
        {item.kind === 'activity' && (
          <TextField
            {...field('progressPercent')}
            label={t('plans.entry.progressOptional')}
            hint={t('plans.entry.progressHint')}
            width="narrow"
            inputmode="numeric"
          />
        )}
        <div class="button-group">
          <Button>{t(conflict ? 'plans.entry.saveAnyway' : 'plans.entry.save')}</Button>
          <a href={`/plan-items/${item.id}`}>{t('collaborations.edit.cancel')}</a>
        </div>
      </Form>
    </Layout>
  )
}
