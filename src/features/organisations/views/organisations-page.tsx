import { Button } from '../../../platform/views/form-controls.tsx'
import { DataTable } from '../../../platform/views/data-display.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import { Select } from '../../../platform/views/form-controls.tsx'
import { ORGANISATION_KINDS } from '../organisations.tables.ts'
import { SharedFragment } from './shared-fragment.tsx'

interface Row {
  id: string
  name: string
  kind: string
  code: string
  municipalityCode: string | null
  countyName: string | null
}

/** The page around the list: the list itself is the same for everyone and rendered once (see the route). */
export function OrganisationsPage({ listHtml }: { listHtml: string }) {
  const { t } = usePage()
  return (
    <Layout title={t('organisations.title')} breadcrumbs={[{ href: '/', label: t('platform.nav.home') }, { label: t('organisations.title') }]} wide>
      <SharedFragment html={listHtml} />
    </Layout>
  )
}

/** Heading, filters and the table of organisations: depends on the language and the filter only. */
export function OrganisationsList({
  rows,
  counties,
  county,
  kind,
}: {
  rows: Row[]
  counties: { code: string; name: string }[]
  county?: string
  kind?: string
}) {
  const { t } = usePage()
  return (
    <>
      <h1 class="heading-l">{t('organisations.title')}</h1>
      <p class="lead">{t('organisations.intro')}</p>
      <form method="get" action="/organisations" class="filters">
        <Select
          name="county"
          label={t('organisations.fields.county')}
          value={county}
          placeholder={t('organisations.allCounties')}
          options={counties.map((c) => ({ value: c.code, label: `${c.name} (${c.code})` }))}
        />
        <Select
          name="kind"
          label={t('organisations.fields.kind')}
          value={kind}
          placeholder={t('organisations.allKinds')}
          options={ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`organisations.kinds.${k}`) }))}
        />
        <Button variant="secondary">{t('organisations.filter')}</Button>
      </form>
      <DataTable
        caption={t('organisations.caption', { count: rows.length })}
        columns={[
          { key: 'name', label: t('organisations.fields.name'), render: (r: Row) => r.name },
          { key: 'kind', label: t('organisations.fields.kind'), render: (r: Row) => t(`organisations.kinds.${r.kind}`) },
          { key: 'county', label: t('organisations.fields.county'), render: (r: Row) => r.countyName ?? '–' },
          { key: 'code', label: t('organisations.fields.code'), render: (r: Row) => r.municipalityCode ?? '–' },
        ]}
        rows={rows}
      />
    </>
  )
}
