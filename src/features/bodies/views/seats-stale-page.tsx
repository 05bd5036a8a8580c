import { type Column, DataTable } from '../../../platform/views/data-display.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'

export interface StaleRow {
  label: string
  yours: string
  current: string
}

/**
 * 409 after a stale edit: nothing was overwritten. The page shows what the user tried to save next
 * to what is saved now, so they can decide whether to make their change again.
 */
export function StalePage({ title, rows, backHref, backLabel }: { title: string; rows: StaleRow[]; backHref: string; backLabel: string }) {
  const { t } = usePage()
  const columns: Column<StaleRow>[] = [
    { key: 'label', label: t('seats.stale.field'), render: (r) => r.label },
    { key: 'yours', label: t('seats.stale.yours'), render: (r) => (r.yours !== r.current ? <strong>{r.yours || '–'}</strong> : r.yours || '–') },
    { key: 'current', label: t('seats.stale.current'), render: (r) => r.current || '–' },
  ]
  return (
    <Layout title={title}>
      <h1 class="heading-l">{title}</h1>
      <p class="body">{t('seats.stale.body')}</p>
      <DataTable caption={t('seats.stale.caption')} columns={columns} rows={rows} />
      <p class="body">
        <a href={backHref} class="button">
          {backLabel}
        </a>
      </p>
    </Layout>
  )
}
