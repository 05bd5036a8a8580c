import { formatIsoDate } from '../../../platform/i18n/format.ts'
import { DataTable } from '../../../platform/views/data-display.tsx'
import { Button, Form, Select } from '../../../platform/views/form-controls.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import type { CollaborationInfo } from '../declarations.repo.ts'
import type { BoardQuery } from '../declarations.schemas.ts'
import type { BoardRow } from '../signatures.repo.ts'
import { SignatureStatusTag, collaborationCrumbs, kindOptions, statusOptions } from './parts.tsx'

export interface BoardPageProps {
  collaboration: CollaborationInfo
  version?: { id: string; versionNo: number; title: string }
  rows: BoardRow[]
  total: number
  signed: number
  query: BoardQuery
  canManage: boolean
}

/** The board's address for a state: filters survive sorting, defaults stay out of the URL. */
export function boardHref(collaborationId: string, q: BoardQuery, suffix = ''): string {
  const p = new URLSearchParams()
  if (q.status) p.set('status', q.status)
  if (q.kind) p.set('kind', q.kind)
  if (q.sort !== 'party' || q.dir !== 'asc') {
    p.set('sort', q.sort)
    p.set('dir', q.dir)
  }
  const query = p.toString()
  return `/collaborations/${collaborationId}/signatures${suffix}${query ? `?${query}` : ''}`
}

const dated = (d: string | null) => (d ? formatIsoDate(d) : '–')

/** Parties × status on the newest declaration version, with the key dates; filterable, sortable, exportable. */
export function BoardPage({ collaboration: c, version, rows, total, signed, query, canManage }: BoardPageProps) {
  const { t } = usePage()
  const title = t('declarations.board.title')
  const filtered = !!(query.status || query.kind)
  return (
    <Layout title={`${title} – ${c.name}`} breadcrumbs={collaborationCrumbs(t, c, { label: title })} wide>
      <p class="body-s">{c.name}</p>
      <h1 class="heading-l">{title}</h1>
      {version ? (
        <p class="lead">{t('declarations.board.intro', { title: version.title, no: version.versionNo, signed, total })}</p>
      ) : (
        <p class="lead">{t('declarations.board.noVersion')}</p>
      )}
      <p class="body">
        <a href={`/collaborations/${c.id}/declaration`}>{t('declarations.board.declarationLink')}</a>
      </p>
      <p class="body">
        <a href={`/collaborations/${c.id}/joint-events`}>{t('declarations.declaration.jointEventsLink')}</a>
      </p>
      <div class="filters">
        <h2 class="heading-s">{t('declarations.board.filterTitle')}</h2>
        <form method="get" action={`/collaborations/${c.id}/signatures`}>
          <Select
            name="status"
            label={t('declarations.fields.status')}
            value={query.status}
            placeholder={t('declarations.board.allStatuses')}
            options={statusOptions(t)}
          />
          <Select
            name="kind"
            label={t('declarations.fields.kind')}
            value={query.kind}
            placeholder={t('declarations.board.allKinds')}
            options={kindOptions(t)}
          />
          {query.sort !== 'party' && <input type="hidden" name="sort" value={query.sort} />}
          {query.dir !== 'asc' && <input type="hidden" name="dir" value={query.dir} />}
          <Button variant="secondary">{t('declarations.board.filterSubmit')}</Button>
          {filtered && (
            <p class="body">
              <a href={`/collaborations/${c.id}/signatures`}>{t('declarations.board.filterClear')}</a>
            </p>
          )}
        </form>
      </div>
      <p class="body">
        <a href={boardHref(c.id, query, '.csv')} download>
          {t('declarations.board.csv')}
        </a>
      </p>
      <DataTable
        caption={t(filtered ? 'declarations.board.captionFiltered' : 'declarations.board.caption', { count: rows.length, total })}
        sort={{ key: query.sort, dir: query.dir }}
        sortHref={(key, dir) => boardHref(c.id, { ...query, sort: key as BoardQuery['sort'], dir })}
        columns={[
          {
            key: 'party',
            label: t('declarations.fields.party'),
            sortable: true,
            render: (r: BoardRow) => (r.signatureId ? <a href={`/signatures/${r.signatureId}`}>{r.name}</a> : r.name),
          },
          { key: 'kind', label: t('declarations.fields.kind'), render: (r: BoardRow) => t(`organisations.kinds.${r.kind}`) },
          {
            key: 'status',
            label: t('declarations.fields.status'),
            sortable: true,
            render: (r: BoardRow) =>
              r.signatureId || !canManage || !version ? (
                <SignatureStatusTag status={r.status} />
              ) : (
                <>
                  <SignatureStatusTag status={null} />
                  <Form action={`/collaborations/${c.id}/signatures/invitations`}>
                    <input type="hidden" name="organisationId" value={r.organisationId} />
                    <button type="submit" class="link-button">
                      {t('declarations.board.invite')}
                      <span class="visually-hidden"> {r.name}</span>
                    </button>
                  </Form>
                </>
              ),
          },
          { key: 'invited', label: t('declarations.fields.invitedOn'), sortable: true, render: (r: BoardRow) => dated(r.invitedOn) },
          { key: 'decided', label: t('declarations.fields.decisionDate'), sortable: true, render: (r: BoardRow) => dated(r.decisionDate) },
          { key: 'signed', label: t('declarations.fields.signedOn'), sortable: true, render: (r: BoardRow) => dated(r.signedOn) },
        ]}
        rows={rows}
        empty={t('declarations.board.empty')}
      />
    </Layout>
  )
}
