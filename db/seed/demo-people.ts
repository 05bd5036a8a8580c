/**
 * Demo mode: ÖTMB as it could look today (issue 6 F19) — who signed, and who sits where. Fictitious
 * people only (the source document names real officials; none of them appear here). Deterministic,
 * and insert-if-missing: a restart writes nothing, and a record a demo user has changed is left alone.
 *
 * The story: every party signed at the joint signing on 2022-03-16 except Ydre (declined) and
 * Valdemarsvik (still preparing its decision). Kinda and Boxholm have no one in a working group yet
 * (yellow until the period ends); Åtvidaberg never named a chief for the styrgrupp, past the
 * three-month deadline the coordinator set (red).
 */
import { and, eq, inArray, sql } from 'drizzle-orm'
import { audit } from '../../src/platform/audit/audit.ts'
import type { Db } from '../../src/platform/db/types.ts'
import type { Deps } from '../../src/platform/deps.ts'
import { bodies, people, seats } from '../../src/features/bodies/bodies.tables.ts'
import { collaborations } from '../../src/features/collaborations/collaborations.tables.ts'
import { complianceRules } from '../../src/features/compliance/compliance.tables.ts'
import { declarationVersions, partySignatures } from '../../src/features/declarations/declarations.tables.ts'
import { organisations } from '../../src/features/organisations/organisations.tables.ts'
import { DEMO_SEATS, DEMO_SIGNATURES, JOINT_SIGNING_DAY } from './demo-people.data.ts'
import { OTMB_CODE } from './otmb.ts'

export { JOINT_SIGNING_DAY }

async function ids(tx: Db, collaborationId: string) {
  const orgRows = await tx.select({ id: organisations.id, code: organisations.code }).from(organisations)
  const bodyRows = await tx
    .select({ id: bodies.id, kind: bodies.kind, name: bodies.name, parentBodyId: bodies.parentBodyId })
    .from(bodies)
    .where(eq(bodies.collaborationId, collaborationId))
  const org = new Map(orgRows.map((o) => [o.code, o.id]))
  const networks = new Set(bodyRows.filter((b) => b.kind === 'network').map((b) => b.id))
  // Reference bodies are found by kind (a coordinator may rename them), example groups by name. The
  // collaboration's beredningsgrupp is the one that does not report to Regbrå (which has its own).
  const body = (key: string) =>
    bodyRows.find((b) => (key.startsWith('kind:') ? b.kind === key.slice(5) && !(b.parentBodyId && networks.has(b.parentBodyId)) : b.name === key))?.id
  return { org, body }
}

/** Signatures as the story has them, on records that are still as the reference load left them. */
async function signatures(tx: Db, collaborationId: string, org: Map<string, string>): Promise<number> {
  const [version] = await tx
    .select({ id: declarationVersions.id })
    .from(declarationVersions)
    .where(and(eq(declarationVersions.collaborationId, collaborationId), eq(declarationVersions.versionNo, 1)))
  if (!version) return 0
  let written = 0
  for (const s of DEMO_SIGNATURES) {
    const organisationId = org.get(s.code)
    if (!organisationId) continue
    const updated = await tx
      .update(partySignatures)
      .set({ ...s.values, updatedAt: new Date() })
      .where(
        and(
          eq(partySignatures.declarationVersionId, version.id),
          eq(partySignatures.organisationId, organisationId),
          eq(partySignatures.status, 'invited'),
          eq(partySignatures.version, 1),
        ),
      )
      .returning({ id: partySignatures.id })
    written += updated.length
  }
  return written
}

async function seatsAndPeople(tx: Db, org: Map<string, string>, body: (key: string) => string | undefined): Promise<number> {
  let written = 0
  const existingPeople = await tx.select({ id: people.id, name: people.name, organisationId: people.organisationId }).from(people)
  for (const s of DEMO_SEATS) {
    const organisationId = org.get(s.party)
    const bodyId = body(s.body)
    if (!organisationId || !bodyId) continue
    let person = existingPeople.find((p) => p.name === s.name && p.organisationId === organisationId)
    if (!person) {
      const [created] = await tx
        .insert(people)
        .values({ name: s.name, title: s.title, organisationId, email: s.email ?? null })
        .returning({ id: people.id, name: people.name, organisationId: people.organisationId })
      existingPeople.push(created)
      person = created
      written++
    }
    const [already] = await tx
      .select({ id: seats.id })
      .from(seats)
      .where(and(eq(seats.bodyId, bodyId), eq(seats.personId, person.id), eq(seats.validFrom, s.from)))
    if (already) continue
    await tx.insert(seats).values({
      bodyId,
      personId: person.id,
      organisationId,
      role: s.role ?? 'member',
      level: s.level,
      membership: s.membership ?? 'ordinary',
      validFrom: s.from,
      validTo: s.to ?? null,
      visibility: s.level === 'official' ? 'partners' : 'public',
    })
    written++
  }
  return written
}

/** The coordinator's choice in the story: a chief in the styrgrupp within three months of signing. */
async function chiefDeadline(tx: Db, collaborationId: string): Promise<number> {
  const updated = await tx
    .update(complianceRules)
    .set({ deadlineMode: 'months_after_signature', deadlineMonths: 3, version: sql`${complianceRules.version} + 1`, updatedAt: new Date() })
    .where(and(eq(complianceRules.collaborationId, collaborationId), eq(complianceRules.kind, 'steering_chief'), eq(complianceRules.version, 1)))
    .returning({ id: complianceRules.id })
  return updated.length
}

export async function loadDemoPeople(deps: Deps): Promise<number> {
  return deps.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('seed_demo_people'))`)
    const [c] = await tx
      .select({ id: collaborations.id, organisationId: collaborations.organisationId })
      .from(collaborations)
      .where(eq(collaborations.code, OTMB_CODE))
    if (!c) return 0
    const { org, body } = await ids(tx, c.id)
    const written = (await signatures(tx, c.id, org)) + (await seatsAndPeople(tx, org, body)) + (await chiefDeadline(tx, c.id))
    if (written > 0) {
      await audit(
        tx,
        { actor: { label: 'system:demo' } },
        { action: 'reference.demo_loaded', entityType: 'collaboration', entityId: c.id, organisationId: c.organisationId, after: { written } },
      )
    }
    return written
  })
}

/** Organisation ids of the parties that signed in the story (for other demo seeds). */
export async function signedDemoParties(db: Db): Promise<string[]> {
  const codes = DEMO_SIGNATURES.filter((s) => s.values.status === 'signed').map((s) => s.code)
  const rows = await db.select({ id: organisations.id }).from(organisations).where(inArray(organisations.code, codes))
  return rows.map((r) => r.id)
}
