import type { Translate } from '../../../platform/i18n/i18n.ts'
import { type Column, StatusTag } from '../../../platform/views/data-display.tsx'
import { formatIsoDate } from '../../../platform/i18n/format.ts'
import { usePage } from '../../../platform/views/page-context.ts'
import type { EntryStatus } from '../follow-up.tables.ts'
import { periodName } from '../period-name.ts'
import type { Period, PeriodState } from '../periods.ts'
import type { Plan } from '../plans.repo.ts'

export type Values = Record<string, string | string[]>
export const str = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)

/** Breadcrumbs down to a party's plans. */
export const partyCrumbs = (t: Translate, organisation: { id: string; name: string }) => [
  { href: '/', label: t('platform.nav.home') },
  { href: '/organisations', label: t('organisations.title') },
  { href: `/organisations/${organisation.id}/plans`, label: t('plans.party.crumb', { name: organisation.name }) },
]

export const planCrumbs = (t: Translate, plan: Plan, ownerName: string) => [
  ...partyCrumbs(t, { id: plan.organisationId, name: ownerName }),
  { href: `/plans/${plan.id}`, label: plan.title },
]

/** Ej påbörjad grey, enligt plan and klar green, risk yellow, avvikelse red — always with the word. */
export const ENTRY_COLOUR: Record<EntryStatus, 'green' | 'yellow' | 'red' | 'grey'> = {
  not_started: 'grey',
  on_track: 'green',
  at_risk: 'yellow',
  deviation: 'red',
  done: 'green',
}

export function EntryStatusTag({ status }: { status: EntryStatus }) {
  const { t } = usePage()
  return <StatusTag status={ENTRY_COLOUR[status]} label={t(`followUp.status.${status}`)} />
}

const STATE_COLOUR: Record<PeriodState, 'green' | 'yellow' | 'red' | 'grey'> = {
  reported: 'green',
  reported_late: 'yellow',
  overdue: 'red',
  due: 'yellow',
  open: 'grey',
  future: 'grey',
}

export function PeriodStateTag({ state }: { state: PeriodState }) {
  const { t } = usePage()
  return <StatusTag status={STATE_COLOUR[state]} label={t(`followUp.state.${state}`)} />
}

export function usePeriodName() {
  const { t } = usePage()
  return (p: Period) => {
    const n = periodName(p)
    return t(n.key, n.params)
  }
}

/** "minst 6 riktade insatser" from a target. */
export function targetText(
  t: Translate,
  item: { targetComparator: string | null; targetValue: number | null; targetUnit: string | null },
  format: (n: number) => string,
) {
  if (item.targetValue === null) return ''
  return t(`plans.target.${item.targetComparator ?? 'at_least'}`, { value: format(item.targetValue), unit: item.targetUnit ?? '' }).trim()
}

export function ExampleTag({ show }: { show: boolean }) {
  const { t } = usePage()
  if (!show) return null
  return (
    <>
      {' '}
      <StatusTag status="yellow" label={t('plans.example')} />
    </>
  )
}

/** "Ladda ner: CSV · Excel" for a list (`href` without the extension; the routes are export.csv and export.xlsx or the like). */
export function ExportLinks({ href, label }: { href: string; label: string }) {
  const { t } = usePage()
  return (
    <p class="body-s">
      {label}: <a href={`${href}.csv`}>{t('plans.export.csv')}</a>
      {' · '}
      <a href={`${href}.xlsx`}>{t('plans.export.xlsx')}</a>
    </p>
  )
}

/** The columns every list of plans shows: its name (linked, marked when an example), kind, period and status. */
export function planListColumns(t: Translate) {
  const title: Column<Plan> = {
    key: 'title',
    label: t('plans.fields.title'),
    render: (p) => (
      <>
        <a href={`/plans/${p.id}`}>{p.title}</a>
        <ExampleTag show={p.isExample} />
      </>
    ),
  }
  const kind: Column<Plan> = { key: 'kind', label: t('plans.fields.kind'), render: (p) => t(`plans.kinds.${p.kind}`) }
  const period: Column<Plan> = {
    key: 'period',
    label: t('plans.fields.period'),
    render: (p) => `${formatIsoDate(p.periodStart)} – ${formatIsoDate(p.periodEnd)}`,
  }
  const status: Column<Plan> = {
    key: 'status',
    label: t('plans.fields.status'),
    render: (p) => <StatusTag status={p.status === 'draft' ? 'grey' : 'green'} label={t(`plans.status.${p.status}`)} />,
  }
  return { title, kind, period, status }
}
