import { formatDateTime, formatNumber } from '../../../platform/i18n/format.ts'
import { type Column, DataTable, SummaryList } from '../../../platform/views/data-display.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import type { FollowUpCounts } from '../dashboard.repo.ts'
import type { DashboardParty } from '../dashboard.service.ts'
import { ENTRY_STATUSES } from '../follow-up.tables.ts'
import { ENTRY_COLOUR } from './parts.tsx'

type Bucket = keyof FollowUpCounts['byStatus']
const BUCKETS: Bucket[] = [...ENTRY_STATUSES, 'not_reported']

// The tag colours of the statuses (parts.tsx), as fills; "not reported" is an outlined bar.
const FILL: Record<'green' | 'yellow' | 'red' | 'grey', string> = { green: '#00703c', yellow: '#ffdd00', red: '#d4351c', grey: '#b1b4b6' }
const fillOf = (b: Bucket) => (b === 'not_reported' ? '#ffffff' : FILL[ENTRY_COLOUR[b]])

interface Props {
  collaboration: { id: string; name: string; shortName: string }
  parties: DashboardParty[]
  total: FollowUpCounts
  today: string
}

/**
 * Items by latest status for all parties together: a bar per status with its number written beside
 * it (never colour alone), drawn on the server as SVG, and the same figures as a table after it.
 */
function StatusChart({ total }: { total: FollowUpCounts }) {
  const { t, locale } = usePage()
  const label = (b: Bucket) => (b === 'not_reported' ? t('plans.dashboard.notReported') : t(`followUp.status.${b}`))
  const max = Math.max(1, ...BUCKETS.map((b) => total.byStatus[b]))
  const [labelW, barW, rowH, barH] = [130, 380, 34, 22]
  const height = BUCKETS.length * rowH + 8
  const title = t('plans.dashboard.chartTitle')
  return (
    <section aria-labelledby="chart-heading">
      <h2 class="heading-m" id="chart-heading">
        {title}
      </h2>
      <svg
        xmlns="http://www.w3.org/2000/svg"
        role="img"
        aria-labelledby="chart-title chart-desc"
        viewBox={`0 0 ${labelW + barW + 90} ${height}`}
        class="status-chart"
      >
        <title id="chart-title">{title}</title>
        <desc id="chart-desc">{t('plans.dashboard.chartDescription', { items: total.items })}</desc>
        {BUCKETS.map((b, i) => {
          const n = total.byStatus[b]
          const w = Math.round((n / max) * barW)
          const y = 4 + i * rowH
          return (
            <g>
              <text x={labelW - 8} y={y + barH / 2 + 5} text-anchor="end" font-size="14" fill="#0b0c0c">
                {label(b)}
              </text>
              <rect x={labelW} y={y} width={Math.max(w, 1)} height={barH} fill={fillOf(b)} stroke="#0b0c0c" stroke-width="1" />
              <text x={labelW + Math.max(w, 1) + 6} y={y + barH / 2 + 5} font-size="14" fill="#0b0c0c">
                {formatNumber(n, locale)}
              </text>
            </g>
          )
        })}
      </svg>
      <DataTable
        caption={t('plans.dashboard.chartTable')}
        rows={BUCKETS}
        columns={[
          { key: 'status', label: t('plans.dashboard.columns.status'), render: label },
          { key: 'count', label: t('plans.dashboard.columns.items'), numeric: true, render: (b) => formatNumber(total.byStatus[b], locale) },
        ]}
      />
    </section>
  )
}

/** The county dashboard (issue 8 §10): how each party's follow-up stands, and the county's together. */
export function DashboardPage({ collaboration, parties, total, today }: Props) {
  const { t, locale } = usePage()
  const title = t('plans.dashboard.title', { collaboration: collaboration.shortName })
  const n = (v: number) => formatNumber(v, locale)
  const columns: Column<DashboardParty>[] = [
    {
      key: 'party',
      label: t('plans.dashboard.columns.party'),
      render: (r) => <a href={`/organisations/${r.party.organisationId}/plans`}>{r.party.name}</a>,
    },
    { key: 'items', label: t('plans.dashboard.columns.items'), numeric: true, render: (r) => n(r.counts.items) },
    ...BUCKETS.map(
      (b): Column<DashboardParty> => ({
        key: b,
        label: b === 'not_reported' ? t('plans.dashboard.notReported') : t(`followUp.status.${b}`),
        numeric: true,
        render: (r) => n(r.counts.byStatus[b]),
      }),
    ),
    { key: 'due', label: t('plans.dashboard.columns.due'), numeric: true, render: (r) => n(r.counts.due) },
    { key: 'overdue', label: t('plans.dashboard.columns.overdue'), numeric: true, render: (r) => n(r.counts.overdue) },
    {
      key: 'lastUpdate',
      label: t('plans.dashboard.columns.lastUpdate'),
      render: (r) => (r.counts.lastUpdate ? formatDateTime(r.counts.lastUpdate, locale) : t('plans.dashboard.never')),
    },
  ]
  const lagging = parties.filter((p) => p.counts.overdue > 0).length
  return (
    <Layout
      title={title}
      wide
      breadcrumbs={[
        { href: '/', label: t('platform.nav.home') },
        { href: '/collaborations', label: t('collaborations.nav') },
        { href: `/collaborations/${collaboration.id}`, label: collaboration.name },
        { label: title },
      ]}
    >
      <h1 class="heading-l">{title}</h1>
      <p class="body">{t('plans.dashboard.lead', { today })}</p>
      <SummaryList
        rows={[
          { key: t('plans.dashboard.summary.items'), value: n(total.items) },
          { key: t('plans.dashboard.summary.due'), value: n(total.due) },
          { key: t('plans.dashboard.summary.overdue'), value: t('plans.dashboard.summary.overdueValue', { overdue: total.overdue, parties: lagging }) },
          {
            key: t('plans.dashboard.summary.lastUpdate'),
            value: total.lastUpdate ? formatDateTime(total.lastUpdate, locale) : t('plans.dashboard.never'),
          },
        ]}
      />
      <StatusChart total={total} />
      <h2 class="heading-m">{t('plans.dashboard.partiesHeading')}</h2>
      <DataTable caption={t('plans.dashboard.partiesCaption', { count: parties.length })} rows={parties} columns={columns} />
      <p class="body-s">{t('plans.dashboard.sharedNote')}</p>
    </Layout>
  )
}
