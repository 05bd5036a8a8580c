import { compareSv } from '../../../platform/i18n/collate.ts'
import { DataTable } from '../../../platform/views/data-display.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import type { TimeRow } from '../attendance.repo.ts'
import { formatHours } from '../meetings.time.ts'

interface Props {
  collaboration: { id: string; name: string; shortName: string }
  rows: TimeRow[]
}

interface PartyLine {
  partyId: string
  partyName: string
  byYear: Map<number, number>
  total: number
}

/** Parties × years, in hours with a decimal comma: the time the parties put in, the declaration's only cost. */
export function TimePage({ collaboration, rows }: Props) {
  const { t, locale } = usePage()
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b)
  const lines = new Map<string, PartyLine>()
  for (const r of rows) {
    const line = lines.get(r.partyId) ?? { partyId: r.partyId, partyName: r.partyName, byYear: new Map(), total: 0 }
    line.byYear.set(r.year, (line.byYear.get(r.year) ?? 0) + r.minutes)
    line.total += r.minutes
    lines.set(r.partyId, line)
  }
  const sorted = [...lines.values()].sort((a, b) => compareSv(a.partyName, b.partyName))
  const totals: PartyLine = { partyId: '', partyName: t('meetings.time.total'), byYear: new Map(), total: 0 }
  for (const l of sorted) {
    for (const [y, m] of l.byYear) totals.byYear.set(y, (totals.byYear.get(y) ?? 0) + m)
    totals.total += l.total
  }
  const hours = (m: number | undefined) => (m ? formatHours(m, locale) : '0')
  const title = t('meetings.time.title', { name: collaboration.shortName })
  return (
    <Layout
      title={title}
      wide
      breadcrumbs={[
        { href: '/', label: t('meetings.crumbs.home') },
        { href: `/collaborations/${collaboration.id}`, label: collaboration.shortName },
        { label: t('meetings.time.crumb') },
      ]}
    >
      <h1 class="heading-l">{title}</h1>
      <p class="body">{t('meetings.time.intro')}</p>
      <DataTable
        caption={t('meetings.time.caption')}
        empty={t('meetings.time.empty')}
        rows={sorted.length ? [...sorted, totals] : []}
        columns={[
          { key: 'party', label: t('meetings.time.party'), render: (l) => (l.partyId ? l.partyName : <strong>{l.partyName}</strong>) },
          ...years.map((y) => ({
            key: String(y),
            label: t('meetings.time.year', { year: y }),
            numeric: true,
            render: (l: PartyLine) => hours(l.byYear.get(y)),
          })),
          { key: 'total', label: t('meetings.time.totalHours'), numeric: true, render: (l) => <strong>{hours(l.total)}</strong> },
        ]}
      />
    </Layout>
  )
}
