import type { ComponentChildren } from 'preact'
import { formatNumber } from '../../../platform/i18n/format.ts'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import { Paragraphs } from '../../../platform/views/text-blocks.tsx'
import { periodByKey } from '../periods.ts'
import type { Plan, PlanItem } from '../plans.repo.ts'
import type { TraceCause, TracedItem } from '../trace.service.ts'
import { EntryStatusTag, PeriodStateTag, planCrumbs, targetText, usePeriodName } from './parts.tsx'

interface Props {
  plan: Plan
  ownerName: string
  problem: PlanItem
  tree: TraceCause[]
  /** Sections other features add (what others did about the problem). */
  extras?: ComponentChildren[]
}

/** Problem → causes → measures → promises → follow-ups → outputs, on one page (issue 8 §7). */
export function TracePage({ plan, ownerName, problem, tree, extras }: Props) {
  const { t } = usePage()
  const title = t('plans.trace.title', { title: problem.title })
  return (
    <Layout
      title={title}
      breadcrumbs={[...planCrumbs(t, plan, ownerName), { href: `/plan-items/${problem.id}`, label: problem.title }, { label: t('plans.trace.crumb') }]}
    >
      <span class="caption">{t('plans.itemLabel.problem', { n: problem.position, title: '' }).replace(/:\s*$/, '')}</span>
      <h1 class="heading-l">{title}</h1>
      <p class="body">{t('plans.trace.lead')}</p>
      {problem.description && <Paragraphs text={problem.description} />}
      {tree.length === 0 && <p class="inset">{t('plans.trace.noCauses')}</p>}
      <ol class="trace">
        {tree.map(({ cause, measures }) => (
          <li class="trace__cause">
            <h2 class="heading-m">
              <a href={`/plan-items/${cause.id}`}>{t('plans.itemLabel.cause', { n: cause.position, title: cause.title })}</a>
            </h2>
            {measures.length === 0 ? (
              <p class="body">{t('plans.trace.noMeasures')}</p>
            ) : (
              <ul class="trace__list">
                {measures.map((m) => (
                  <li class="trace__measure">
                    <Traced traced={m} />
                    {m.promises.length > 0 && (
                      <ul class="trace__list">
                        {m.promises.map((p) => (
                          <li class="trace__promise">
                            <Traced traced={p} />
                          </li>
                        ))}
                      </ul>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
      {extras}
    </Layout>
  )
}

function Traced({ traced: { item, plan, followUp, entries } }: { traced: TracedItem }) {
  const { t, locale } = usePage()
  const name = usePeriodName()
  const num = (n: number) => formatNumber(n, locale)
  const target = targetText(t, item, num)
  const label =
    item.kind === 'promise'
      ? t(`plans.promisor.${item.promisor ?? 'joint'}`, { title: item.title })
      : t(`plans.itemLabel.${item.kind}`, { n: item.position, title: item.title })
  return (
    <>
      <h3 class="heading-s">
        <a href={`/plan-items/${item.id}`}>{label}</a>
      </h3>
      <p class="body-s">{t('plans.trace.inPlan', { plan: plan.title })}</p>
      {target && <p class="body-s">{t('plans.promisedDelivered', { target, delivered: followUp.delivered === null ? '–' : num(followUp.delivered) })}</p>}
      {!target && followUp.delivered !== null && <p class="body-s">{t('plans.trace.outputs', { output: num(followUp.delivered) })}</p>}
      {followUp.missing.length > 0 && (
        <p class="body-s">
          <PeriodStateTag state={followUp.missing.at(-1)!.state} /> {t('plans.missingCount', { count: followUp.missing.length })}
        </p>
      )}
      {entries.length > 0 ? (
        <ul class="list body-s">
          {entries.map((e) => (
            <li>
              <EntryStatusTag status={e.status} /> {name(periodByKey(e.periodKey)!)}: {e.narrative || '–'}
              {e.outputValue !== null && ` (${num(e.outputValue)} ${e.outputUnit ?? ''})`.replace(' )', ')')}
            </li>
          ))}
        </ul>
      ) : (
        <p class="body-s">{t('plans.noEntries')}</p>
      )}
    </>
  )
}
