import { DataTable } from '../../../platform/views/data-display.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import type { MeasureSummary } from '../../plans/index.ts'
import type { OthersMethod } from '../others.service.ts'
import { HowItWent, LatestStatus } from './measure-status.tsx'
import { EffectTag } from './parts.tsx'

/** Measures of other parties' plans that apply a method, each linking to the measure. */
export function OthersTable({ measures, caption }: { measures: MeasureSummary[]; caption: string }) {
  const { t } = usePage()
  return (
    <DataTable
      caption={caption}
      rows={measures}
      columns={[
        { key: 'org', label: t('methods.page.municipality'), render: (m) => m.organisationName },
        { key: 'title', label: t('methods.page.measure'), render: (m) => <a href={`/plan-items/${m.id}`}>{m.title}</a> },
        { key: 'plan', label: t('methods.page.plan'), render: (m) => <a href={`/plans/${m.planId}`}>{m.planTitle}</a> },
        { key: 'latest', label: t('methods.page.latest'), render: (m) => <LatestStatus m={m} /> },
        { key: 'how', label: t('methods.others.how'), render: (m) => <HowItWent m={m} /> },
      ]}
    />
  )
}

/**
 * "Vad har andra gjort?" under a problem or cause of an åtgärdsplan (issue 10 §3): the curated methods
 * our rule matches, and how the measures that apply them went in other municipalities.
 */
export function OthersDidSection({ kind, methods }: { kind: 'problem' | 'cause'; methods: OthersMethod[] }) {
  const { t } = usePage()
  return (
    <section aria-labelledby="others">
      <h2 class="heading-m" id="others">
        {t('methods.others.title')}
      </h2>
      <p class="hint">{t(kind === 'problem' ? 'methods.others.ruleProblem' : 'methods.others.ruleCause')}</p>
      {methods.length === 0 ? (
        <p class="body">
          {t('methods.others.none')} <a href="/methods">{t('methods.measure.library')}</a>
        </p>
      ) : (
        methods.map(({ method, labels, measures }) => (
          <>
            <h3 class="heading-s">
              <a href={`/methods/${method.id}`}>{method.name}</a> <EffectTag level={method.effectLevel} />
            </h3>
            <p class="body-s">{t('methods.others.matched', { labels: labels.join(', ') })}</p>
            {measures.length === 0 ? (
              <p class="body">{t('methods.others.noMeasures')}</p>
            ) : (
              <OthersTable measures={measures} caption={t('methods.others.caption', { name: method.name })} />
            )}
          </>
        ))
      )}
    </section>
  )
}

/** On the plan page, under a problem: how many methods match, pointing to the section on the problem's page. */
export function OthersPointer({ problemId, count }: { problemId: string; count: number }) {
  const { t } = usePage()
  return (
    <p class="body-s">
      <a href={`/plan-items/${problemId}#others`}>{t('methods.others.pointer', { count })}</a>
    </p>
  )
}
