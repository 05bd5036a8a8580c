import { formatNumber } from '../../../platform/i18n/format.ts'
import { type FieldError, errorFor } from '../../../platform/views/error-summary.tsx'
import { Button, Form, Select, TextArea, TextField } from '../../../platform/views/form-controls.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import { ConfirmForm } from '../../../platform/views/text-blocks.tsx'
import type { Summary } from '../follow-up.repo.ts'
import { ENTRY_STATUSES, type SummaryItem } from '../follow-up.tables.ts'
import type { Period } from '../periods.ts'
import type { Plan, PlanItem } from '../plans.repo.ts'
import { type Values, planCrumbs, str, targetText, usePeriodName } from './parts.tsx'
import { SummaryBody, itemName, useRevisionText } from './summary-parts.tsx'

const decimal = (n: number | null) => (n === null ? '' : String(n).replace('.', ','))

/** The form's values from a draft (stored or automatic). */
export function summaryValues(c: { introduction: string; rows: SummaryItem[]; revision: number; version?: number }): Values {
  const v: Values = { introduction: c.introduction, revision: String(c.revision), ...(c.version ? { version: String(c.version) } : {}) }
  c.rows.forEach((r, n) => {
    v[`itemId_${n}`] = r.itemId
    v[`status_${n}`] = r.status ?? ''
    v[`text_${n}`] = r.text
    v[`output_${n}`] = decimal(r.outputValue)
    v[`unit_${n}`] = r.outputUnit ?? ''
  })
  return v
}

interface Props {
  plan: Plan
  ownerName: string
  period: Period
  items: PlanItem[]
  /** The stored draft of the revision being edited, when there is one: it can be published. */
  draft?: Summary
  /** The published revisions of the period, newest first. */
  published: Summary[]
  values: Values
  errors?: FieldError[]
  /** When a save or publication was overtaken: what is stored now. */
  conflict?: Summary
}

/** A tertial's or half-year's summary: drafted from the entries, edited here, then published (issue 8 §9). */
export function SummaryFormPage({ plan, ownerName, period, items, draft, published, values, errors, conflict }: Props) {
  const { t, locale } = usePage()
  const name = usePeriodName()
  const revisionText = useRevisionText()
  const num = (n: number) => formatNumber(n, locale)
  const byId = new Map(items.map((i) => [i.id, i]))
  const title = t('plans.summaries.formTitle', { period: name(period) })
  const revision = Number(str(values.revision) ?? 1)
  const rowIds = Object.keys(values)
    .filter((k) => /^itemId_\d+$/.test(k))
    .map((k) => Number(k.slice(7)))
    .sort((a, b) => a - b)
  const field = (n: string) => ({ name: n, value: str(values[n]), error: errorFor(errors, n) })
  const base = `/plans/${plan.id}/summaries/${period.key}`
  return (
    <Layout
      title={title}
      errors={errors}
      breadcrumbs={[...planCrumbs(t, plan, ownerName), { href: `/plans/${plan.id}/summaries`, label: t('plans.summaries.title') }, { label: title }]}
    >
      <span class="caption">{plan.title}</span>
      <h1 class="heading-l">{title}</h1>
      <p class="body">
        {published.length > 0 && !draft
          ? t('plans.summaries.newRevisionLead', { revision, published: published[0].revision })
          : t('plans.summaries.draftLead', { revision })}
      </p>
      <p class="body-s">
        <a href={`${base}?redraft=1`}>{t('plans.summaries.redraft')}</a>
      </p>
      {conflict && (
        <section class="conflict" aria-labelledby="conflict-heading">
          <h2 class="heading-m" id="conflict-heading">
            {t('plans.summaries.conflictTitle')}
          </h2>
          <p class="body">{revisionText(conflict)}</p>
          <SummaryBody summary={conflict} items={byId} />
          <p class="body">{t('plans.summaries.conflictHelp')}</p>
          <p>
            <a href={base}>{t('plans.summaries.conflictDiscard')}</a>
          </p>
        </section>
      )}
      <Form action={base}>
        <input type="hidden" name="revision" value={String(revision)} />
        {str(values.version) && <input type="hidden" name="version" value={str(values.version)} />}
        <TextArea {...field('introduction')} label={t('plans.summaries.introduction')} hint={t('plans.summaries.introductionHint')} rows={5} />
        {rowIds.map((n) => {
          const item = byId.get(str(values[`itemId_${n}`]) ?? '')
          if (!item) return null
          const target = targetText(t, item, num)
          return (
            <fieldset class="fieldset" aria-describedby={target ? `target-${n}` : undefined}>
              <legend class="fieldset__legend heading-s">{itemName(t, item)}</legend>
              {target && (
                <p class="hint" id={`target-${n}`}>
                  {t('plans.entry.target', { target })}
                </p>
              )}
              <input type="hidden" name={`itemId_${n}`} value={item.id} />
              <Select
                {...field(`status_${n}`)}
                label={t('plans.summaries.status')}
                placeholder={t('plans.summaries.noStatus')}
                options={ENTRY_STATUSES.map((s) => ({ value: s, label: t(`followUp.status.${s}`) }))}
              />
              <TextArea {...field(`text_${n}`)} label={t('plans.summaries.text')} hint={t('plans.entry.narrativeHint')} rows={4} />
              <TextField
                {...field(`output_${n}`)}
                label={item.targetUnit ? t('plans.entry.outputIn', { unit: item.targetUnit }) : t('plans.entry.outputOptional')}
                hint={t('plans.summaries.outputHint')}
                width="narrow"
                inputmode="decimal"
              />
              {!item.targetUnit && <TextField {...field(`unit_${n}`)} label={t('plans.entry.outputUnitOptional')} hint={t('plans.entry.outputUnitHint')} />}
            </fieldset>
          )
        })}
        <div class="button-group">
          <Button>{t(conflict ? 'plans.summaries.saveAnyway' : 'plans.summaries.save')}</Button>
          <a href={`/plans/${plan.id}/summaries`}>{t('collaborations.edit.cancel')}</a>
        </div>
      </Form>

      <section aria-labelledby="publish-heading">
        <h2 class="heading-m" id="publish-heading">
          {t('plans.summaries.publishTitle')}
        </h2>
        {draft ? (
          <>
            <p class="body">{t('plans.summaries.publishLead', { revision: draft.revision })}</p>
            <ConfirmForm action={`${base}/publish`} confirm={t('plans.summaries.publishConfirm', { revision: draft.revision, period: name(period) })}>
              <input type="hidden" name="revision" value={String(draft.revision)} />
              <input type="hidden" name="version" value={String(draft.version)} />
              <Button variant="warning">{t('plans.summaries.publish', { revision: draft.revision })}</Button>
            </ConfirmForm>
          </>
        ) : (
          <p class="body">{t('plans.summaries.saveBeforePublish')}</p>
        )}
      </section>

      {published.length > 0 && (
        <section aria-labelledby="published-heading">
          <h2 class="heading-m" id="published-heading">
            {t('plans.summaries.publishedTitle')}
          </h2>
          {published.map((s) => (
            <details class="details">
              <summary>{revisionText(s)}</summary>
              <SummaryBody summary={s} items={byId} />
            </details>
          ))}
        </section>
      )}
    </Layout>
  )
}
