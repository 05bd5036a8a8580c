import type { ComponentChildren } from 'preact'
import { formatDateTime, formatIsoDate, formatNumber } from '../../../platform/i18n/format.ts'
import { DataTable, SummaryList } from '../../../platform/views/data-display.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import { Paragraphs } from '../../../platform/views/text-blocks.tsx'
import type { PeriodRow } from '../follow-up.service.ts'
import type { Plan, PlanItem } from '../plans.repo.ts'
import { FOLLOWED_UP_KINDS } from '../plans.tables.ts'
import { EntryStatusTag, ExportLinks, PeriodStateTag, planCrumbs, targetText, usePeriodName } from './parts.tsx'

interface Props {
  plan: Plan
  item: PlanItem
  names: Map<string, string>
  linked: PlanItem[]
  rows: PeriodRow[]
  canEdit: boolean
  canReport: boolean
  /** Sections other features add (the methods a measure applies; what others did about a problem). */
  extras?: ComponentChildren[]
}

/** One row of a plan with every period of its follow-up: what was reported, what is due and overdue. */
export function ItemPage({ plan, item, names, linked, rows, canEdit, canReport, extras }: Props) {
  const { t, locale } = usePage()
  const name = usePeriodName()
  const num = (n: number) => formatNumber(n, locale)
  const title = t(`plans.itemLabel.${item.kind}`, { n: item.position, title: item.title })
  const followedUp = FOLLOWED_UP_KINDS.includes(item.kind)
  const target = targetText(t, item, num)
  return (
    <Layout title={title} wide breadcrumbs={[...planCrumbs(t, plan, names.get(plan.organisationId) ?? ''), { label: title }]}>
      <span class="caption">{t(`plans.itemKinds.${item.kind}`)}</span>
      <h1 class="heading-l">{item.kind === 'promise' ? t(`plans.promisor.${item.promisor ?? 'joint'}`, { title: item.title }) : title}</h1>
      {item.description && <Paragraphs text={item.description} />}
      <SummaryList
        rows={[
          ...(linked.length
            ? [
                {
                  key: t(`plans.linkLabel.${item.kind}`),
                  value: linked.map((l) => t(`plans.itemLabel.${l.kind}`, { n: l.position, title: l.title })).join('; '),
                },
              ]
            : []),
          ...(item.places ? [{ key: t('plans.fields.places'), value: item.places }] : []),
          ...(item.operativeGoal ? [{ key: t('plans.columns.operativeGoal'), value: item.operativeGoal }] : []),
          ...(item.startsOn || item.endsOn
            ? [
                {
                  key: t('plans.columns.when'),
                  value: `${item.startsOn ? formatIsoDate(item.startsOn) : ''} – ${item.endsOn ? formatIsoDate(item.endsOn) : ''}`,
                },
              ]
            : []),
          ...(item.responsibleOrganisationId || item.responsiblePerson
            ? [
                {
                  key: t('plans.columns.who'),
                  value: [item.responsibleOrganisationId && names.get(item.responsibleOrganisationId), item.responsiblePerson].filter(Boolean).join(', '),
                },
              ]
            : []),
          ...(item.followUpMethod ? [{ key: t('plans.fields.followUpMethod'), value: item.followUpMethod }] : []),
          ...(target ? [{ key: t('plans.fields.target'), value: target }] : []),
          ...(followedUp
            ? [
                { key: t('plans.fields.cadence'), value: t(`plans.cadence.${item.cadence}`) },
                { key: t('plans.columns.weight'), value: String(item.weight) },
              ]
            : []),
        ]}
      />
      {item.kind === 'problem' && (
        <p class="body">
          <a href={`/plan-items/${item.id}/trace`}>{t('plans.trace.link')}</a>
        </p>
      )}
      {canEdit && (
        <p>
          <a class="button button--secondary" href={`/plan-items/${item.id}/edit`}>
            {t('plans.itemForm.edit')}
          </a>
        </p>
      )}
      {followedUp && (
        <>
          {plan.status === 'draft' && <p class="inset">{t('plans.draftNoFollowUp')}</p>}
          <ExportLinks href={`/plan-items/${item.id}/export`} label={t('plans.export.history')} />
          <DataTable
            caption={t('plans.history.caption')}
            rows={rows}
            empty={t('plans.history.empty')}
            columns={[
              { key: 'period', label: t('plans.history.period'), render: (r) => name(r.period) },
              { key: 'state', label: t('plans.history.state'), render: (r) => <PeriodStateTag state={r.state} /> },
              { key: 'status', label: t('plans.history.status'), render: (r) => (r.entry ? <EntryStatusTag status={r.entry.status} /> : '–') },
              { key: 'narrative', label: t('plans.history.narrative'), render: (r) => r.entry?.narrative || '–' },
              {
                key: 'output',
                label: t('plans.history.output'),
                render: (r) =>
                  r.entry?.outputValue === null || r.entry?.outputValue === undefined ? '–' : `${num(r.entry.outputValue)} ${r.entry.outputUnit ?? ''}`.trim(),
              },
              {
                key: 'hours',
                label: t('plans.history.hours'),
                numeric: true,
                render: (r) => (r.entry?.minutesSpent == null ? '–' : num(r.entry.minutesSpent / 60)),
              },
              {
                key: 'author',
                label: t('plans.history.author'),
                render: (r) =>
                  r.entry ? `${r.entry.authorName}, ${formatDateTime(r.entry.submittedAt, locale)}` : t('plans.history.due', { due: formatIsoDate(r.due) }),
              },
              {
                key: 'action',
                label: t('plans.history.action'),
                render: (r) =>
                  canReport && r.state !== 'future' ? (
                    <a href={`/plan-items/${item.id}/follow-up/${r.period.key}`}>
                      {t(r.entry ? 'plans.history.change' : 'plans.history.report')}
                      <span class="visually-hidden"> – {name(r.period)}</span>
                    </a>
                  ) : (
                    ''
                  ),
              },
            ]}
          />
        </>
      )}
      {extras}
    </Layout>
  )
}
