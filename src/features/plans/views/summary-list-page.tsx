import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import type { Summary } from '../follow-up.repo.ts'
import type { Period } from '../periods.ts'
import type { Plan, PlanItem } from '../plans.repo.ts'
import { planCrumbs, usePeriodName } from './parts.tsx'
import { SummaryBody, useRevisionText } from './summary-parts.tsx'

interface Props {
  plan: Plan
  ownerName: string
  periods: Period[]
  summaries: Summary[]
  items: PlanItem[]
  canEdit: boolean
}

/** A plan's tertial and half-year summaries: per period its revisions, newest first, and the way to write the next. */
export function SummaryListPage({ plan, ownerName, periods, summaries, items, canEdit }: Props) {
  const { t } = usePage()
  const name = usePeriodName()
  const revisionText = useRevisionText()
  const byId = new Map(items.map((i) => [i.id, i]))
  const title = t('plans.summaries.title')
  return (
    <Layout title={`${title} – ${plan.title}`} breadcrumbs={[...planCrumbs(t, plan, ownerName), { label: title }]}>
      <span class="caption">{plan.title}</span>
      <h1 class="heading-l">{title}</h1>
      <p class="body">{t('plans.summaries.intro')}</p>
      {plan.visibility === 'public' && plan.kind === 'citizen_promise' && plan.status !== 'draft' && (
        <p class="body">
          <a href={`/public/medborgarloften/${plan.id}`}>{t('plans.summaries.publicLink')}</a>
        </p>
      )}
      {periods.length === 0 && <p class="body">{t('plans.summaries.noPeriods')}</p>}
      {periods.map((period) => {
        const revisions = summaries.filter((s) => s.periodKey === period.key)
        const latest = revisions[0]
        const action = latest?.status === 'draft' ? 'plans.summaries.continueDraft' : latest ? 'plans.summaries.newRevision' : 'plans.summaries.write'
        return (
          <section aria-labelledby={`period-${period.key}`} class="summary-period">
            <h2 class="heading-m" id={`period-${period.key}`}>
              {name(period)}
            </h2>
            {revisions.length === 0 && <p class="body-s">{t('plans.summaries.none')}</p>}
            {canEdit && (
              <p class="body">
                <a href={`/plans/${plan.id}/summaries/${period.key}`}>
                  {t(action, { revision: (latest?.revision ?? 0) + 1 })}
                  <span class="visually-hidden"> – {name(period)}</span>
                </a>
              </p>
            )}
            {revisions.map((s) => (
              <details class="details" id={`summary-${s.id}`}>
                <summary>{revisionText(s)}</summary>
                <SummaryBody summary={s} items={byId} />
              </details>
            ))}
          </section>
        )
      })}
    </Layout>
  )
}
