import { formatDate, formatNumber } from '../../../platform/i18n/format.ts'
import { DataTable } from '../../../platform/views/data-display.tsx'
import { Button, Select } from '../../../platform/views/form-controls.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import type { SupportActivityRow } from '../support-activities.repo.ts'
import type { MunicipalityOption, SupportSummaryRow } from '../support-activities.service.ts'
import { SUPPORT_KINDS } from '../support-activities.tables.ts'
import { formatDuration } from './parts.tsx'

interface Props {
  board: { id: string; name: string }
  canWrite: boolean
  /** A municipality's users see their own municipality's activities only. */
  restricted: boolean
  municipalities: MunicipalityOption[]
  municipalityId?: string
  year: number
  years: number[]
  rows: SupportActivityRow[]
  summary: SupportSummaryRow[]
}

/** Länsstyrelsen's support to the municipalities (förordning 2016:1258), one year at a time. */
export function ListPage(p: Props) {
  const { t, locale } = usePage()
  const title = t('supportActivities.list.title', { name: p.board.name })
  const years = [...new Set([p.year, new Date().getFullYear(), ...p.years])].sort((a, b) => b - a)
  const where = (r: { municipalityName: string | null }) => r.municipalityName ?? t('supportActivities.countyWide')
  const num = (n: number | null) => (n === null ? '–' : formatNumber(n, locale))
  const chosen = p.municipalities.find((m) => m.id === p.municipalityId)
  return (
    <Layout title={title} wide breadcrumbs={[{ href: '/', label: t('platform.nav.home') }, { label: title }]}>
      <h1 class="heading-l">{title}</h1>
      <p class="body">{t(p.restricted ? 'supportActivities.list.leadMunicipality' : 'supportActivities.list.lead')}</p>
      {p.canWrite && (
        <p class="button-group">
          <a class="button button--secondary" href={`/support-activities/new?board=${p.board.id}`}>
            {t('supportActivities.list.new')}
          </a>
        </p>
      )}
      <form method="get" action="/support-activities" class="filters" novalidate>
        <input type="hidden" name="board" value={p.board.id} />
        <Select
          name="year"
          label={t('supportActivities.filter.year')}
          value={String(p.year)}
          options={years.map((y) => ({ value: String(y), label: String(y) }))}
        />
        {!p.restricted && (
          <Select
            name="municipality"
            label={t('supportActivities.filter.municipality')}
            value={p.municipalityId ?? ''}
            placeholder={t('supportActivities.filter.all')}
            options={p.municipalities.map((m) => ({ value: m.id, label: m.name }))}
          />
        )}
        <Button variant="secondary">{t('supportActivities.filter.show')}</Button>
      </form>

      <h2 class="heading-m">{t('supportActivities.summary.heading', { year: p.year })}</h2>
      <DataTable
        caption={t('supportActivities.summary.caption', { year: p.year, name: chosen?.name ?? p.board.name })}
        rows={p.summary}
        empty={t('supportActivities.list.empty')}
        columns={[
          { key: 'municipality', label: t('supportActivities.fields.municipality'), render: (s) => where(s) },
          ...SUPPORT_KINDS.map((k) => ({
            key: k,
            label: t(`supportActivities.kindsPlural.${k}`),
            numeric: true,
            render: (s: SupportSummaryRow) => num(s.byKind[k]),
          })),
          { key: 'count', label: t('supportActivities.summary.count'), numeric: true, render: (s) => num(s.count) },
          { key: 'minutes', label: t('supportActivities.summary.time'), numeric: true, render: (s) => formatDuration(t, s.minutes) },
        ]}
      />

      <h2 class="heading-m">{t('supportActivities.list.heading', { year: p.year })}</h2>
      <DataTable
        caption={t('supportActivities.list.caption', { year: p.year, name: chosen?.name ?? p.board.name })}
        rows={p.rows}
        empty={t('supportActivities.list.empty')}
        columns={[
          { key: 'heldOn', label: t('supportActivities.fields.heldOn'), render: (r) => formatDate(r.heldOn, locale) },
          { key: 'kind', label: t('supportActivities.fields.kind'), render: (r) => t(`supportActivities.kinds.${r.kind}`) },
          {
            key: 'title',
            label: t('supportActivities.fields.title'),
            render: (r) => (p.canWrite ? <a href={`/support-activities/${r.id}/edit`}>{r.title}</a> : r.title),
          },
          { key: 'municipality', label: t('supportActivities.fields.municipality'), render: (r) => where(r) },
          { key: 'time', label: t('supportActivities.fields.time'), numeric: true, render: (r) => formatDuration(t, r.minutes) },
          { key: 'participants', label: t('supportActivities.fields.participants'), numeric: true, render: (r) => num(r.participants) },
        ]}
      />
      <p class="body">
        <a href={`/support-activities.csv?board=${p.board.id}&year=${p.year}${p.municipalityId ? `&municipality=${p.municipalityId}` : ''}`}>
          {t('supportActivities.list.csv')}
        </a>{' '}
        ·{' '}
        <a href={`/support-activities.xlsx?board=${p.board.id}&year=${p.year}${p.municipalityId ? `&municipality=${p.municipalityId}` : ''}`}>
          {t('supportActivities.list.xlsx')}
        </a>
      </p>
    </Layout>
  )
}
