import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, before, describe, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { sql } from 'drizzle-orm'
import { openTestDatabase } from '../../test-support/test-database.ts'
import { type Database, openDatabase } from '../db/connection.ts'
import { migrate } from '../db/migrator.ts'
import { queryRows } from '../db/query-rows.ts'
import { sha256 } from '../http/signing.ts'
import { anchorAuditChain } from './anchor.ts'
import { audit, canonicalEvent } from './audit.ts'

/**
 * Issue 7 B13: tampering with the audit trail — a changed column, a deleted row, a deleted tail, a
 * recomputed chain — is each detected, and `npm run cli -- verify-audit` exits non-zero. The tamperer
 * is the table's owner (a database administrator): the trigger does not stop them, so the chain and
 * the anchors written outside the database must. PGlite folders by default, the server with
 * TEST_DATABASE_URL.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tillsammans-tamper-'))
const serverUrl = process.env.TEST_DATABASE_URL
let baseFolder: string

interface Scenario {
  database: Database
  /** The CLI's environment for this database. */
  env: Record<string, string>
  anchors: string
  /** Lets the CLI open the database (PGlite: one process at a time) and cleans up afterwards. */
  release(): Promise<void>
  cleanup(): Promise<void>
}

/** Ten events in ten transactions, and an anchor after the eighth, as the scheduled job would write. */
async function writeHistory(database: Database, anchors: string) {
  for (let i = 1; i <= 10; i++) {
    await database.db.transaction((tx) =>
      audit(tx, { actor: { label: 'test' } }, { action: 'thing.created', entityType: 'thing', entityId: String(i), after: { name: `sak ${i}` } }),
    )
    if (i === 8) await anchorAuditChain(database.db, anchors)
  }
}

async function scenario(name: string): Promise<Scenario> {
  const anchors = path.join(tmp, `${name}.anchors.jsonl`)
  if (serverUrl) {
    const t = await openTestDatabase()
    await writeHistory(t.database, anchors)
    const [{ db }] = await queryRows<{ db: string }>(t.database.db, sql`select current_database() as db`)
    const u = new URL(serverUrl)
    u.pathname = `/${db}`
    return { database: t.database, env: { DATABASE_URL: u.toString() }, anchors, release: async () => {}, cleanup: () => t.drop() }
  }
  const folder = path.join(tmp, name)
  fs.cpSync(baseFolder, folder, { recursive: true })
  const database = await openDatabase({ dataDir: folder })
  await writeHistory(database, anchors)
  let open = true
  const release = async () => {
    if (open) await database.close()
    open = false
  }
  return { database, env: { TILLSAMMANS_DATA_DIR: folder }, anchors, release, cleanup: release }
}

function verifyAudit(s: Scenario): Promise<{ code: number; out: string }> {
  const inherited = { ...process.env }
  for (const key of ['DATABASE_URL', 'TILLSAMMANS_DATA_DIR', 'NODE_TEST_CONTEXT', 'INIT_CWD']) delete inherited[key]
  return new Promise((resolve) =>
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/cli.ts', 'verify-audit'],
      {
        cwd: ROOT,
        env: { ...inherited, ...s.env, TILLSAMMANS_AUDIT_ANCHOR_FILE: s.anchors, LANG: 'sv_SE.UTF-8', TILLSAMMANS_DEMO: 'false', LOG_LEVEL: 'silent' },
        timeout: 120000,
      },
      (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, out: stdout + stderr }),
    ),
  )
}

/** As the owner: the append-only trigger is switched off for the change, as an administrator could. */
async function asOwner(database: Database, statement: ReturnType<typeof sql>) {
  await database.db.execute(sql`alter table audit_events disable trigger audit_events_no_update_delete`)
  try {
    await database.db.execute(statement)
  } finally {
    await database.db.execute(sql`alter table audit_events enable trigger audit_events_no_update_delete`)
  }
}

const seqOf = async (database: Database, entityId: string) =>
  Number((await queryRows<{ seq: string }>(database.db, sql`select seq::text from audit_events where entity_id = ${entityId}`))[0].seq)

before(async () => {
  if (serverUrl) return
  baseFolder = path.join(tmp, 'base')
  const base = await openDatabase({ dataDir: baseFolder })
  await migrate(base)
  await base.close()
})
after(() => fs.rmSync(tmp, { recursive: true, force: true }))

describe('audit tampering', () => {
  test('an untouched trail verifies, against its anchors too, and the CLI exits 0', async () => {
    const s = await scenario('untouched')
    await s.release()
    const r = await verifyAudit(s)
    assert.equal(r.code, 0, r.out)
    assert.match(r.out, /OK: \d+ händelser/)
    assert.match(r.out, /OK: 1 ankare stämmer/)
    await s.cleanup()
  })

  test('a changed column is detected at that event', async () => {
    const s = await scenario('column')
    const seq = await seqOf(s.database, '3')
    await asOwner(s.database, sql`update audit_events set after = '{"name":"förfalskad"}' where seq = ${seq}`)
    await s.release()
    const r = await verifyAudit(s)
    assert.equal(r.code, 1, r.out)
    assert.match(r.out, new RegExp(`BROKEN at seq ${seq}: columns differ from the hashed payload`))
    await s.cleanup()
  })

  test('a deleted row is detected at the event after it', async () => {
    const s = await scenario('row')
    const seq = await seqOf(s.database, '4')
    const next = await seqOf(s.database, '5')
    await asOwner(s.database, sql`delete from audit_events where seq = ${seq}`)
    await s.release()
    const r = await verifyAudit(s)
    assert.equal(r.code, 1, r.out)
    assert.match(r.out, new RegExp(`BROKEN at seq ${next}: prev_hash does not match`))
    await s.cleanup()
  })

  test('a deleted tail leaves a chain that verifies, and is caught by the anchor', async () => {
    const s = await scenario('tail')
    await asOwner(s.database, sql`delete from audit_events where seq >= ${await seqOf(s.database, '7')}`)
    await s.release()
    const r = await verifyAudit(s)
    assert.equal(r.code, 1, r.out)
    assert.match(r.out, /OK: \d+ händelser/, 'the shortened chain itself is consistent')
    assert.match(r.out, /BROKEN at anchor seq \d+ \(.+\): the anchored event is missing/)
    await s.cleanup()
  })

  test('a chain recomputed after a change verifies by itself, and is caught by the anchor', async () => {
    const s = await scenario('recomputed')
    const from = await seqOf(s.database, '2')
    const rows = await queryRows<{
      seq: string
      actor_user_id: string | null
      actor_label: string
      organisation_id: string | null
      action: string
      entity_type: string
      entity_id: string | null
      before: unknown
      after: unknown
      request_id: string | null
      payload: string
    }>(
      s.database.db,
      sql`select seq::text as seq, actor_user_id, actor_label, organisation_id, action, entity_type, entity_id, before, after, request_id, payload from audit_events order by audit_events.seq`,
    )
    let [{ hash: prev }] = await queryRows<{ hash: string }>(s.database.db, sql`select hash from audit_events where seq < ${from} order by seq desc limit 1`)
    for (const r of rows.filter((r) => Number(r.seq) >= from)) {
      const after = Number(r.seq) === from ? { name: 'förfalskad' } : r.after
      const payload = canonicalEvent({
        actor: { id: r.actor_user_id, label: r.actor_label },
        organisationId: r.organisation_id,
        action: r.action,
        entity: { type: r.entity_type, id: r.entity_id },
        before: r.before,
        after,
        occurredAt: JSON.parse(r.payload).occurredAt,
        requestId: r.request_id,
      })
      const hash = sha256(prev + payload)
      await asOwner(
        s.database,
        sql`update audit_events set after = ${JSON.stringify(after)}::jsonb, payload = ${payload}, prev_hash = ${prev}, hash = ${hash} where seq = ${Number(r.seq)}`,
      )
      prev = hash
    }
    await s.release()
    const r = await verifyAudit(s)
    assert.equal(r.code, 1, r.out)
    assert.match(r.out, /OK: \d+ händelser/, 'the rewritten chain is consistent in itself')
    assert.match(r.out, /BROKEN at anchor seq \d+ \(.+\): the anchored event has another hash/)
    await s.cleanup()
  })

  test('an anchor file that is not anchors makes the check fail', async () => {
    const s = await scenario('badfile')
    fs.appendFileSync(s.anchors, 'inte ett ankare\n')
    await s.release()
    const r = await verifyAudit(s)
    assert.equal(r.code, 1, r.out)
    assert.match(r.out, /BROKEN anchor file: .*:2 is not JSON/)
    await s.cleanup()
  })
})
