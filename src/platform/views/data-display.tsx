import type { ComponentChildren } from 'preact'
import { usePage } from './page-context.ts'

export interface Column<T> {
  key: string
  label: string
  render: (row: T) => ComponentChildren
  /** Columns that can be sorted get a link; the route does the sorting. */
  sortable?: boolean
  numeric?: boolean
}

export interface SortState {
  key: string
  dir: 'asc' | 'desc'
}

/**
 * A column header from a form field's label: "(valfritt)" / "(optional)" says something about
 * filling in a form, nothing about the values in a column, so it is dropped.
 */
export function columnLabel(label: string): string {
  return label.replace(/\s*\((valfritt|optional)\)\s*$/i, '')
}

/** A table with a caption; sortable headers are links (no JavaScript) with aria-sort on the active one. */
export function DataTable<T>({
  caption,
  columns,
  rows,
  sort,
  sortHref,
  empty,
}: {
  caption: string
  columns: Column<T>[]
  rows: T[]
  sort?: SortState
  sortHref?: (key: string, dir: 'asc' | 'desc') => string
  empty?: string
}) {
  const { t } = usePage()
  return (
    <div class="table-wrap">
      <table class="table">
        <caption class="table__caption">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => {
              const active = sort?.key === c.key
              const nextDir = active && sort?.dir === 'asc' ? 'desc' : 'asc'
              return (
                <th
                  scope="col"
                  class={c.numeric ? 'table__header--numeric' : undefined}
                  aria-sort={active ? (sort!.dir === 'asc' ? 'ascending' : 'descending') : undefined}
                >
                  {c.sortable && sortHref ? (
                    <a href={sortHref(c.key, nextDir)}>
                      {columnLabel(c.label)}
                      <span class="visually-hidden"> {t(nextDir === 'asc' ? 'platform.table.sortAsc' : 'platform.table.sortDesc')}</span>
                      {active && <span aria-hidden="true">{sort!.dir === 'asc' ? ' ▲' : ' ▼'}</span>}
                    </a>
                  ) : (
                    columnLabel(c.label)
                  )}
                </th>
              )
            })}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length}>{empty ?? t('platform.table.empty')}</td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr>
                {columns.map((c) => (
                  <td class={c.numeric ? 'table__cell--numeric' : undefined}>{c.render(row)}</td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  )
}

export function Pagination({ page, pageCount, href }: { page: number; pageCount: number; href: (page: number) => string }) {
  const { t } = usePage()
  if (pageCount <= 1) return null
  return (
    <nav class="pagination" aria-label={t('platform.pagination.label')}>
      <ul>
        {page > 1 && (
          <li>
            <a href={href(page - 1)} rel="prev">
              {t('platform.pagination.previous')}
            </a>
          </li>
        )}
        <li>
          <span aria-current="page">{t('platform.pagination.pageOf', { page, count: pageCount })}</span>
        </li>
        {page < pageCount && (
          <li>
            <a href={href(page + 1)} rel="next">
              {t('platform.pagination.next')}
            </a>
          </li>
        )}
      </ul>
    </nav>
  )
}

/** Status is always text plus a colour, never colour alone. */
export function StatusTag({ status, label }: { status: 'green' | 'yellow' | 'red' | 'grey'; label: string }) {
  return <strong class={`tag tag--${status}`}>{label}</strong>
}

export function SummaryList({ rows }: { rows: { key: string; value: ComponentChildren; action?: { href: string; label: string } }[] }) {
  return (
    <dl class="summary-list">
      {rows.map((r) => (
        <div class="summary-list__row">
          <dt class="summary-list__key">{r.key}</dt>
          <dd class="summary-list__value">{r.value}</dd>
          {r.action && (
            <dd class="summary-list__actions">
              <a href={r.action.href}>{r.action.label}</a>
            </dd>
          )}
        </div>
      ))}
    </dl>
  )
}
