import fs from 'node:fs'
import path from 'node:path'
import { desc, inArray } from 'drizzle-orm'
import type { Db } from '../db/types.ts'
import { auditEvents } from './audit.tables.ts'

/**
 * Anchors: the chain's head written outside the database. Whoever can rewrite the audit table (a
 * database administrator, the table's owner) can delete the newest rows or recompute every hash so
 * the chain still verifies; an anchor kept elsewhere (a log, a file on another disk, a WORM bucket
 * the file is shipped to) says what the head was at a time, and `verify-audit` holds the table to it.
 */
export interface Anchor {
  /** When the anchor was taken (ISO 8601, UTC). */
  time: string
  /** The newest event's sequence number, and its hash. */
  seq: number
  hash: string
}

/** The chain's head now, or undefined while the trail is empty. */
export async function chainHead(db: Db): Promise<Anchor | undefined> {
  const [row] = await db.select({ seq: auditEvents.seq, hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1)
  return row ? { time: new Date().toISOString(), seq: row.seq, hash: row.hash } : undefined
}

/** Appends one anchor as a JSON line; the file and its folder are created when missing. */
export function appendAnchor(file: string, anchor: Anchor): void {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.appendFileSync(file, `${JSON.stringify(anchor)}\n`)
}

export class AnchorFileError extends Error {}

/** Reads an anchor file (JSON lines). A line that is not an anchor is an error: the file is evidence. */
export function readAnchors(file: string): Anchor[] {
  if (!fs.existsSync(file)) throw new AnchorFileError(`${file} does not exist`)
  const anchors: Anchor[] = []
  fs.readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim()) return
      let a: Partial<Anchor>
      try {
        a = JSON.parse(line)
      } catch {
        throw new AnchorFileError(`${file}:${i + 1} is not JSON`)
      }
      if (typeof a.time !== 'string' || !Number.isSafeInteger(a.seq) || typeof a.hash !== 'string' || !/^[0-9a-f]{64}$/.test(a.hash)) {
        throw new AnchorFileError(`${file}:${i + 1} is not an anchor {time, seq, hash}`)
      }
      anchors.push(a as Anchor)
    })
  return anchors
}

export type AnchorResult = { ok: true; checked: number } | { ok: false; checked: number; anchor: Anchor; reason: string }

/**
 * Holds the table to the anchors: the event each anchor names must still exist with the same hash.
 * Deleting the newest rows removes an anchored event; recomputing the chain changes its hash. (Run
 * with verifyAuditChain, which checks that every row links to the one before.)
 */
export async function verifyAnchors(db: Db, anchors: Anchor[], batchSize = 1000): Promise<AnchorResult> {
  let checked = 0
  for (let i = 0; i < anchors.length; i += batchSize) {
    const batch = anchors.slice(i, i + batchSize)
    const rows = await db
      .select({ seq: auditEvents.seq, hash: auditEvents.hash })
      .from(auditEvents)
      .where(
        inArray(
          auditEvents.seq,
          batch.map((a) => a.seq),
        ),
      )
    const hashes = new Map(rows.map((r) => [r.seq, r.hash]))
    for (const anchor of batch) {
      const hash = hashes.get(anchor.seq)
      if (hash === undefined) return { ok: false, checked, anchor, reason: 'the anchored event is missing (rows deleted)' }
      if (hash !== anchor.hash) return { ok: false, checked, anchor, reason: 'the anchored event has another hash (chain rewritten)' }
      checked++
    }
  }
  return { ok: true, checked }
}

/** Takes an anchor now: returned for the log, and appended to `file` when one is configured. */
export async function anchorAuditChain(db: Db, file: string | undefined): Promise<Anchor | undefined> {
  const head = await chainHead(db)
  if (head && file) appendAnchor(file, head)
  return head
}
