import { csvText, toCsv } from '../../platform/csv/csv.ts'
import type { Deps } from '../../platform/deps.ts'
import type { Actor } from '../../platform/http/actor.ts'
import type { Translate } from '../../platform/i18n/i18n.ts'
import { compareSv } from '../../platform/i18n/collate.ts'
import { canManageCollaboration } from '../collaborations/index.ts'
import * as declarationsRepo from './declarations.repo.ts'
import type { BoardQuery } from './declarations.schemas.ts'
import { loadCollaboration } from './declarations.service.ts'
import { type BoardRow, boardRows } from './signatures.repo.ts'
import { STATUS_ORDER } from './signatures.workflow.ts'

const dateKey = { invited: 'invitedOn', decided: 'decisionDate', signed: 'signedOn' } as const

/** Sorting for the board; empty dates go last whichever the direction, then Swedish name order. */
export function sortBoard(rows: BoardRow[], sort: BoardQuery['sort'], dir: BoardQuery['dir']): BoardRow[] {
  const sign = dir === 'desc' ? -1 : 1
  const byName = (a: BoardRow, b: BoardRow) => compareSv(a.name, b.name)
  return [...rows].sort((a, b) => {
    if (sort === 'party') return sign * byName(a, b)
    if (sort === 'status') {
      const d = (a.status ? STATUS_ORDER[a.status] : -1) - (b.status ? STATUS_ORDER[b.status] : -1)
      return sign * d || byName(a, b)
    }
    const av = a[dateKey[sort]]
    const bv = b[dateKey[sort]]
    if (av === bv) return byName(a, b)
    if (!av) return 1
    if (!bv) return -1
    return sign * (av < bv ? -1 : 1)
  })
}

/**
 * The status board: every party × its record on the newest version, filtered and sorted as asked.
 * Partners only (loadCollaboration refuses others).
 */
export async function loadBoard(deps: Deps, actor: Actor | undefined, collaborationId: unknown, q: BoardQuery) {
  const { collaboration, scope } = await loadCollaboration(deps, actor, collaborationId)
  const version = await declarationsRepo.latestVersion(deps.db, collaboration.id)
  const all = await boardRows(deps.db, collaboration.id, version?.id ?? null)
  const rows = sortBoard(
    all.filter((r) => (!q.status || r.status === q.status) && (!q.kind || r.kind === q.kind)),
    q.sort,
    q.dir,
  )
  const counts = new Map<string, number>()
  for (const r of all) counts.set(r.status ?? 'none', (counts.get(r.status ?? 'none') ?? 0) + 1)
  return { collaboration, version, rows, total: all.length, counts, canManage: canManageCollaboration(actor, scope) }
}

/** The board as Swedish Excel reads it (BOM, `;`, CRLF), with the status as words, not codes. */
export function boardCsv(rows: BoardRow[], t: Translate): string {
  const header = ['party', 'kind', 'status', 'invitedOn', 'caseNumber', 'decisionBody', 'decisionDate', 'decisionParagraph', 'signerName', 'signedOn'].map(
    (k) => t(`declarations.csv.${k}`),
  )
  return toCsv(
    header,
    rows.map((r) => [
      r.name,
      t(`organisations.kinds.${r.kind}`),
      r.status ? t(`declarations.status.${r.status}`) : t('declarations.status.none'),
      r.invitedOn,
      csvText(r.caseNumber),
      r.decisionBody,
      r.decisionDate,
      csvText(r.decisionParagraph),
      r.signerName,
      r.signedOn,
    ]),
  )
}
