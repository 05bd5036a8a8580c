import type { ComponentChildren } from 'preact'
import { formatIsoDate, formatNumber } from '../../../platform/i18n/format.ts'
import { DataTable, StatusTag, SummaryList } from '../../../platform/views/data-display.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import { Paragraphs } from '../../../platform/views/text-blocks.tsx'
import type { ItemFollowUp } from '../follow-up.service.ts'
import { periodByKey } from '../periods.ts'
import { weightedProgress } from '../progress.ts'
import type { Plan, PlanItem } from '../plans.repo.ts'
import { ITEM_KINDS_OF } from '../plans.rules.ts'
import { FOLLOWED_UP_KINDS, type PlanItemKind } from '../plans.tables.ts'
import { isImportKind } from '../import-columns.ts'
import { EntryStatusTag, ExampleTag, ExportLinks, PeriodStateTag, partyCrumbs, targetText, usePeriodName } from './parts.tsx'

export interface PlanPageProps {
  plan: Plan
  items: PlanItem[]
  links: { itemId: string; linkedItemId: string }[]
  /** Linked rows of other plans (a strategy's goals). */
  outside: PlanItem[]
  names: Map<string, string>
  followUp: Map<string, ItemFollowUp>
  reportable: Set<string>
  canEdit: boolean
  /** Content other features add to a row (the methods a measure applies, what others did about a problem). */
  extras?: Map<string, ComponentChildren[]>
}

const STATUS_COLOUR = { draft: 'grey', adopted: 'green', published: 'green' } as const

/** A plan with its rows in the columns its kind uses (Brå's for an åtgärdsplan), and how each is followed up. */
export function PlanPage(p: PlanPageProps) {
  const { t, locale } = usePage()
  const { plan } = p
  const ownerName = p.names.get(plan.organisationId) ?? ''
  const partnerName = plan.partnerOrganisationId ? p.names.get(plan.partnerOrganisationId) : undefined
  const num = (n: number) => formatNumber(n, locale)
  const all = [...p.items, ...p.outside]
  const byId = new Map(all.map((i) => [i.id, i]))
  const linked = (item: PlanItem) => p.links.filter((l) => l.itemId === item.id).flatMap((l) => byId.get(l.linkedItemId) ?? [])
  const label = (i: PlanItem) => t(`plans.itemLabel.${i.kind}`, { n: i.position, title: i.title })
  const of = (kind: PlanItemKind) => p.items.filter((i) => i.kind === kind)
  const followedUp = p.items.filter((i) => FOLLOWED_UP_KINDS.includes(i.kind))
  const overall = weightedProgress(followedUp.map((i) => ({ weight: i.weight, progress: p.followUp.get(i.id)?.progress ?? null })))

  const who = (i: PlanItem) => [i.responsibleOrganisationId && p.names.get(i.responsibleOrganisationId), i.responsiblePerson].filter(Boolean).join(', ') || '–'
  const when = (i: PlanItem) => (i.startsOn || i.endsOn ? `${i.startsOn ? formatIsoDate(i.startsOn) : ''}–${i.endsOn ? formatIsoDate(i.endsOn) : ''}` : '–')
  const status = (i: PlanItem): ComponentChildren => <FollowUpCell item={i} f={p.followUp.get(i.id)} reportable={p.reportable.has(i.id)} />

  return (
    <Layout title={plan.title} wide breadcrumbs={[...partyCrumbs(t, { id: plan.organisationId, name: ownerName }), { label: plan.title }]}>
      <span class="caption">{t(`plans.kinds.${plan.kind}`)}</span>
      <h1 class="heading-l">
        {plan.title}
        <ExampleTag show={plan.isExample} />
      </h1>
      {plan.summary && <Paragraphs text={plan.summary} />}
      <SummaryList
        rows={[
          { key: t('plans.fields.owner'), value: partnerName ? t('plans.sharedBy', { owner: ownerName, partner: partnerName }) : ownerName },
          { key: t('plans.fields.period'), value: `${formatIsoDate(plan.periodStart)} – ${formatIsoDate(plan.periodEnd)}` },
          { key: t('plans.fields.status'), value: <StatusTag status={STATUS_COLOUR[plan.status]} label={t(`plans.status.${plan.status}`)} /> },
          ...(plan.adoptedBy || plan.adoptedOn
            ? [
                {
                  key: t('plans.fields.adopted'),
                  value: [plan.adoptedBy, plan.adoptedOn && formatIsoDate(plan.adoptedOn), plan.adoptedParagraph].filter(Boolean).join(', '),
                },
              ]
            : []),
          ...(plan.signatories.length
            ? [
                {
                  key: t('plans.fields.signatories'),
                  value: (
                    <ul class="list">
                      {plan.signatories.map((s) => (
                        <li>{[s.role, s.name, s.signedOn && formatIsoDate(s.signedOn)].filter(Boolean).join(', ')}</li>
                      ))}
                    </ul>
                  ),
                },
              ]
            : []),
          ...(plan.basis ? [{ key: t('plans.fields.basis'), value: <Paragraphs text={plan.basis} /> }] : []),
          { key: t('plans.fields.visibility'), value: t(`plans.visibility.${plan.visibility}`) },
          { key: t('plans.fields.dueDays'), value: t('plans.dueRule', { days: plan.dueDays }) },
        ]}
      />
      {p.canEdit && (
        <p class="button-group">
          <a class="button button--secondary" href={`/plans/${plan.id}/edit`}>
            {t('plans.edit')}
          </a>
          {ITEM_KINDS_OF[plan.kind].map((k) => (
            <a class="button button--secondary" href={`/plans/${plan.id}/items/new?kind=${k}`}>
              {t(`plans.addItem.${k}`)}
            </a>
          ))}
          {isImportKind(plan.kind) && (
            <a class="button button--secondary" href={`/plans/${plan.id}/import`}>
              {t('plans.import.link')}
            </a>
          )}
        </p>
      )}
      <ExportLinks href={`/plans/${plan.id}/export`} label={t('plans.export.planRows')} />
      {plan.status === 'draft' && <p class="inset">{t('plans.draftNoFollowUp')}</p>}

      {followedUp.length > 0 && (
        <p class="body" id="overall-progress">
          {overall.progress === null
            ? t('plans.progress.none')
            : t('plans.progress.overall', { progress: num(overall.progress), used: overall.weightUsed, total: overall.weightTotal })}
        </p>
      )}

      {ITEM_KINDS_OF[plan.kind].includes('goal') && <SimpleList title={t('plans.sections.goal')} items={of('goal')} label={label} />}
      {ITEM_KINDS_OF[plan.kind].includes('focus_area') && <SimpleList title={t('plans.sections.focus_area')} items={of('focus_area')} label={label} />}

      {plan.kind === 'action_plan' && (
        <>
          <h2 class="heading-m">{t('plans.sections.problem')}</h2>
          {of('problem').length === 0 && <p class="body">{t('plans.none.problem')}</p>}
          {of('problem').map((problem) => (
            <section aria-labelledby={`problem-${problem.id}`}>
              <h3 class="heading-s" id={`problem-${problem.id}`}>
                <a href={`/plan-items/${problem.id}`}>{label(problem)}</a>
              </h3>
              {problem.description && <Paragraphs text={problem.description} />}
              <p class="body-s">
                <a href={`/plan-items/${problem.id}/trace`}>{t('plans.trace.link')}</a>
              </p>
              <ul class="list">
                {of('cause')
                  .filter((c) => c.parentId === problem.id)
                  .map((c) => (
                    <li>
                      <a href={`/plan-items/${c.id}`}>{label(c)}</a>
                    </li>
                  ))}
              </ul>
              {p.extras?.get(problem.id)}
            </section>
          ))}
          {of('cause').some((c) => !c.parentId) && (
            <SimpleList title={t('plans.sections.causeWithoutProblem')} items={of('cause').filter((c) => !c.parentId)} label={label} />
          )}
          <DataTable
            caption={t('plans.sections.measure')}
            rows={of('measure')}
            empty={t('plans.none.measure')}
            columns={[
              {
                key: 'cause',
                label: t('plans.columns.cause'),
                render: (i) =>
                  linked(i)
                    .filter((l) => l.kind === 'cause')
                    .map((c) => t('plans.causeNumber', { n: c.position }))
                    .join(', ') || '–',
              },
              {
                key: 'measure',
                label: t('plans.columns.measure'),
                render: (i) => (
                  <>
                    <a href={`/plan-items/${i.id}`}>{label(i)}</a>
                    {p.extras?.get(i.id)}
                  </>
                ),
              },
              { key: 'goal', label: t('plans.columns.operativeGoal'), render: (i) => i.operativeGoal || '–' },
              { key: 'when', label: t('plans.columns.when'), render: when },
              { key: 'who', label: t('plans.columns.who'), render: who },
              {
                key: 'type',
                label: t('plans.columns.type'),
                render: (i) =>
                  [i.measureType && t(`plans.measureType.${i.measureType}`), i.measureNature && t(`plans.measureNature.${i.measureNature}`)]
                    .filter(Boolean)
                    .join(', ') || '–',
              },
              {
                key: 'followUp',
                label: t('plans.columns.followUp'),
                render: (i) => (
                  <>
                    {i.followUpMethod && <p class="body-s">{i.followUpMethod}</p>}
                    {status(i)}
                  </>
                ),
              },
            ]}
          />
        </>
      )}

      {ITEM_KINDS_OF[plan.kind].includes('activity') && (
        <DataTable
          caption={t('plans.sections.activity')}
          rows={of('activity')}
          empty={t('plans.none.activity')}
          columns={[
            { key: 'activity', label: t('plans.columns.activity'), render: (i) => <a href={`/plan-items/${i.id}`}>{label(i)}</a> },
            {
              key: 'goal',
              label: t('plans.columns.goals'),
              render: (i) => [...linked(i), ...(i.parentId && byId.get(i.parentId) ? [byId.get(i.parentId) as PlanItem] : [])].map(label).join('; ') || '–',
            },
            { key: 'operative', label: t('plans.columns.operativeGoal'), render: (i) => i.operativeGoal || '–' },
            { key: 'who', label: t('plans.columns.who'), render: who },
            { key: 'when', label: t('plans.columns.when'), render: when },
            { key: 'weight', label: t('plans.columns.weight'), numeric: true, render: (i) => String(i.weight) },
            {
              key: 'progress',
              label: t('plans.columns.progress'),
              numeric: true,
              render: (i) => {
                const v = p.followUp.get(i.id)?.progress
                return v === null || v === undefined ? '–' : `${num(v)} %`
              },
            },
            { key: 'status', label: t('plans.columns.followUp'), render: status },
          ]}
        />
      )}

      {plan.kind === 'citizen_promise' && (
        <>
          <h2 class="heading-m">{t('plans.sections.promise')}</h2>
          {of('promise').length === 0 && <p class="body">{t('plans.none.promise')}</p>}
          <ol class="promise-list">
            {of('promise').map((i) => {
              const f = p.followUp.get(i.id)
              const target = targetText(t, i, num)
              return (
                <li class="promise">
                  <h3 class="heading-s">
                    <a href={`/plan-items/${i.id}`}>{t(`plans.promisor.${i.promisor ?? 'joint'}`, { title: i.title })}</a>
                  </h3>
                  {i.places && <p class="body-s">{t('plans.placesLine', { places: i.places })}</p>}
                  {linked(i).length > 0 && (
                    <p class="body-s">
                      {t('plans.measuresLine', {
                        measures: linked(i)
                          .map((m) => m.title)
                          .join('; '),
                      })}
                    </p>
                  )}
                  {target && (
                    <p class="body">
                      <strong>
                        {t('plans.promisedDelivered', { target, delivered: f?.delivered === null || f?.delivered === undefined ? '–' : num(f.delivered) })}
                      </strong>
                    </p>
                  )}
                  {status(i)}
                </li>
              )
            })}
          </ol>
        </>
      )}

      <h2 class="heading-m">{t('plans.summaries.title')}</h2>
      <p class="body">
        <a href={`/plans/${plan.id}/summaries`}>{t('plans.summaries.planLink')}</a>
      </p>
    </Layout>
  )
}

function SimpleList({ title, items, label }: { title: string; items: PlanItem[]; label: (i: PlanItem) => string }) {
  const { t } = usePage()
  return (
    <>
      <h2 class="heading-m">{title}</h2>
      {items.length === 0 ? (
        <p class="body">{t('plans.none.generic')}</p>
      ) : (
        <ul class="list">
          {items.map((i) => (
            <li>
              <a href={`/plan-items/${i.id}`}>{label(i)}</a>
            </li>
          ))}
        </ul>
      )}
    </>
  )
}

/** The latest status, the period to report next and the link to report it. */
export function FollowUpCell({ item, f, reportable }: { item: PlanItem; f?: ItemFollowUp; reportable: boolean }) {
  const { t } = usePage()
  const name = usePeriodName()
  if (!f) return <span>–</span>
  return (
    <div class="follow-up-cell">
      {f.latest ? (
        <p class="body-s">
          <EntryStatusTag status={f.latest.status} /> {t('plans.latestFor', { period: name(periodByKey(f.latest.periodKey)!) })}
        </p>
      ) : (
        <p class="body-s">{t('plans.noEntries')}</p>
      )}
      {f.missing.length > 0 && (
        <p class="body-s">
          <PeriodStateTag state={f.missing.at(-1)!.state} /> {t('plans.missingCount', { count: f.missing.length })}
        </p>
      )}
      {reportable && f.next && (
        <a href={`/plan-items/${item.id}/follow-up/${f.next.period.key}`}>
          {t('plans.reportFor', { period: name(f.next.period) })}
          <span class="visually-hidden"> – {item.title}</span>
        </a>
      )}
    </div>
  )
}
