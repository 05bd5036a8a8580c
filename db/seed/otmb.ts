/**
 * Reference load of Östergötland tillsammans mot brott (ÖTMB, domain.md §1): the collaboration, its
 * parties, the Styrgrupp, Beredningsgrupp and Nätverket Regbrå, the commitment rules, and version 1
 * of the programme declaration with an invitation row per party. Demo mode adds three example working
 * groups, labelled as examples.
 *
 * Runs on every start, after the reference data: everything is insert-if-missing, so a coordinator's
 * later edits (a renamed body, a changed purpose, a party that left) are never overwritten, and a
 * second run writes nothing and audits nothing.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import { audit } from '../../src/platform/audit/audit.ts'
import type { Db } from '../../src/platform/db/types.ts'
import type { Deps } from '../../src/platform/deps.ts'
import { type BodyKind, bodies, bodyConvenors } from '../../src/features/bodies/bodies.tables.ts'
import { collaborationParties, collaborations } from '../../src/features/collaborations/collaborations.tables.ts'
import { complianceRules } from '../../src/features/compliance/compliance.tables.ts'
import { declarationVersions, partySignatures } from '../../src/features/declarations/declarations.tables.ts'
import { organisations } from '../../src/features/organisations/organisations.tables.ts'
import { stockholmToday } from '../../src/platform/db/today.ts'

export const OTMB_CODE = 'otmb'
const OWNER = 'lansstyrelsen-05'
const START = '2022-01-01'

const PURPOSE = `Länsstyrelsen Östergötland och Polisen har tagit fram en programförklaring för länsövergripande brottsförebyggande och trygghetsskapande samverkan. Under perioden 2022–2027 arbetar parterna tillsammans utifrån en gemensam länsövergripande strategi och en verksamhetsplan för att förebygga brott och öka tryggheten i hela Östergötland.

Varje part godkänner programförklaringen genom ett eget beslut – i en kommun av kommunstyrelsen. Samverkan kostar inget utöver arbetstid: den tid som representanterna lägger är den resurs som redovisas.`

const DECLARATION_TEXT = `Parterna i Östergötland tillsammans mot brott (ÖTMB) åtar sig att under perioden 2022–2027 samverka för att förebygga brott och öka tryggheten i länet, med en gemensam länsövergripande strategi som grund och en verksamhetsplan för att genomföra den.

Varje part har en representant på ledningsnivå i styrgruppen. Varje kommun som undertecknar har minst en tjänsteperson i minst en arbetsgrupp under perioden. Samverkan medför inga kostnader utöver arbetstid.`

const MUNICIPALITIES = ['0509', '0512', '0513', '0560', '0561', '0562', '0563', '0580', '0581', '0582', '0583', '0584', '0586'].map((c) => `kommun-${c}`)
/** The police party is the local polisområde (where the police's users sit), convening with Länsstyrelsen. */
const CONVENORS = [OWNER, 'polisomrade-ostergotland']
export const OTMB_PARTY_CODES = [...CONVENORS, ...MUNICIPALITIES, 'region-ostergotland', 'kriminalvarden', 'rtog', 'liu']

interface BodySeed {
  kind: BodyKind
  name: string
  theme?: string
  mandate: string
  activeFrom?: string
  /** Kind of the body it reports to (the reference bodies are one of each kind). */
  reportsTo?: BodyKind
}

/**
 * Regbrå has existed since 2010; Länsstyrelsen Östergötland has convened it since 2017, when the
 * länsstyrelser got their coordinating task in "Tillsammans mot brott" (issue 6 B7). Who convened it
 * before 2017 is not in the source: that period is shown as unknown, not guessed.
 */
const REGBRA_SINCE = '2010-01-01'
const REGBRA_CONVENOR_SINCE = '2017-01-01'
const REGBRA_MANDATE =
  'Regionalt nätverk för brottsförebyggande arbete med kommunerna, polisen och Linköpings universitet, sedan 2010. Länsstyrelsen Östergötland är sammankallande sedan 2017, då länsstyrelserna fick ett samordnande uppdrag inom regeringens brottsförebyggande program Tillsammans mot brott.'
/** What earlier versions of this seed wrote (Regbrå "since 2017"): corrected while the body is untouched. */
const OLD_REGBRA_SINCE = '2017-01-01'

// Keyed by kind: one styrgrupp, one beredningsgrupp and one network per collaboration, so a body the
// coordinator has renamed is still found and never re-created.
const REFERENCE_BODIES: BodySeed[] = [
  {
    kind: 'steering',
    name: 'Styrgrupp',
    activeFrom: START,
    mandate:
      'Styrgruppen på chefsnivå visar riktning, ger mandat och ser till att överenskommelserna hålls och utvecklas. Varje part har en representant på ledningsnivå.',
  },
  {
    kind: 'preparation',
    name: 'Beredningsgrupp',
    activeFrom: START,
    reportsTo: 'steering',
    mandate: 'Bereder ärenden till styrgruppen och gör tillsammans med Länsstyrelsen och Polisen uppföljningen och utvärderingen av samverkan.',
  },
  {
    kind: 'network',
    name: 'Nätverket Regbrå',
    activeFrom: REGBRA_SINCE,
    mandate: REGBRA_MANDATE,
  },
]

/**
 * Regbrå's beredningsgrupp ("Nätverket Regbrå och dess beredningsgrupp" in the tjänsteskrivelse). Its
 * start and convenor are not in the source, so none are recorded.
 */
const REGBRA_PREPARATION: BodySeed = {
  kind: 'preparation',
  name: 'Regbrås beredningsgrupp',
  mandate: 'Bereder frågor inför nätverket Regbrå.',
}

// Demo mode only: invented working groups so the structure and the commitments have something to show.
const EXAMPLE_BODIES: BodySeed[] = [
  { name: 'Arbetsgrupp Trygghet i offentlig miljö (exempel)', theme: 'Trygghet i offentlig miljö' },
  { name: 'Arbetsgrupp Unga i riskmiljöer (exempel)', theme: 'Unga i riskmiljöer' },
  { name: 'Arbetsgrupp Våld i nära relationer (exempel)', theme: 'Våld i nära relationer' },
].map((b) => ({
  ...b,
  kind: 'working_group' as const,
  reportsTo: 'preparation' as const,
  mandate: `Exempel: tar fram en gemensam lägesbild om ${b.theme.toLowerCase()} och föreslår åtgärder för beredningsgruppen. Jämställdhetsperspektivet finns med i varje analys.`,
}))

/**
 * ÖTMB's commitment rules, each quoting the sentence of the programförklaring (as the tjänsteskrivelse
 * renders it) that it rests on. Attendance at the styrgrupp is not in the declaration: it exists as a
 * local rule, switched off.
 */
const RULES: Omit<typeof complianceRules.$inferInsert, 'collaborationId'>[] = [
  {
    kind: 'working_group_official',
    partyKinds: ['municipality'],
    deadlineMode: 'period_end',
    sourceQuote: 'Kommunen förbinder sig i och med undertecknandet också att en tjänsteperson medverkar i minst en arbetsgrupp under denna period.',
  },
  {
    kind: 'steering_chief',
    partyKinds: ['municipality'],
    deadlineMode: 'immediate',
    sourceQuote:
      'Programförklaringen medför i sig inte någon kostnad för kommunen utöver den arbetstid som åtgår för utsedd representant på chefsnivå att delta i styrgruppsmöten …',
  },
  { kind: 'steering_attendance', enabled: false, deadlineMode: 'immediate', params: { thresholdPercent: 50, months: 12 } },
]

export interface OtmbResult {
  collaborationId: string
  written: number
}

async function organisationIds(tx: Db, codes: string[]): Promise<Map<string, string>> {
  const rows = await tx.select({ id: organisations.id, code: organisations.code }).from(organisations).where(inArray(organisations.code, codes))
  const ids = new Map(rows.map((r) => [r.code, r.id]))
  const missing = codes.filter((c) => !ids.has(c))
  if (missing.length) throw new Error(`ÖTMB needs organisations ${missing.join(', ')}; load the reference data first`)
  return ids
}

/**
 * Regbrå's history and its beredningsgrupp, written once: when the network body is created in this
 * run, or when an earlier seed's untouched Regbrå ("since 2017", version 1) is found and corrected.
 * Never again after that, so a coordinator's later changes (a removed period, a renamed group) stay.
 */
async function completeRegbra(
  tx: Db,
  networkId: string,
  existedBefore: boolean,
  ownerId: string,
  insertBody: (b: BodySeed, parentId: string) => Promise<string>,
): Promise<number> {
  if (existedBefore) {
    const corrected = await tx
      .update(bodies)
      .set({ activeFrom: REGBRA_SINCE, mandate: REGBRA_MANDATE, updatedAt: new Date(), version: sql`${bodies.version} + 1` })
      .where(and(eq(bodies.id, networkId), eq(bodies.activeFrom, OLD_REGBRA_SINCE), eq(bodies.version, 1)))
      .returning({ id: bodies.id })
    if (corrected.length === 0) return 0
  }
  const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(bodyConvenors).where(eq(bodyConvenors.bodyId, networkId))
  if (n === 0) await tx.insert(bodyConvenors).values({ bodyId: networkId, organisationId: ownerId, validFrom: REGBRA_CONVENOR_SINCE })
  const [child] = await tx.select({ id: bodies.id }).from(bodies).where(eq(bodies.parentBodyId, networkId)).limit(1)
  if (!child) await insertBody(REGBRA_PREPARATION, networkId)
  return existedBefore ? 2 : 1
}

export async function loadOtmb(deps: Deps): Promise<OtmbResult> {
  return deps.db.transaction(async (tx) => {
    // Two instances starting together would both find a body missing; one at a time, then.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('seed_otmb'))`)
    const orgs = await organisationIds(tx, OTMB_PARTY_CODES)
    const ownerId = orgs.get(OWNER)!
    let written = 0

    const created = await tx
      .insert(collaborations)
      .values({
        code: OTMB_CODE,
        name: 'Östergötland tillsammans mot brott',
        shortName: 'ÖTMB',
        countyCode: '05',
        periodStart: START,
        periodEnd: '2027-12-31',
        purpose: PURPOSE,
        organisationId: ownerId,
        visibility: 'public',
      })
      .onConflictDoNothing({ target: collaborations.code })
      .returning({ id: collaborations.id })
    written += created.length
    const [{ id: collaborationId }] = created.length
      ? created
      : await tx.select({ id: collaborations.id }).from(collaborations).where(eq(collaborations.code, OTMB_CODE))

    written += (
      await tx
        .insert(collaborationParties)
        .values(OTMB_PARTY_CODES.map((code) => ({ collaborationId, organisationId: orgs.get(code)!, isConvenor: CONVENORS.includes(code) })))
        .onConflictDoNothing()
        .returning({ id: collaborationParties.id })
    ).length

    const existing = await tx
      .select({ id: bodies.id, kind: bodies.kind, name: bodies.name, parentBodyId: bodies.parentBodyId })
      .from(bodies)
      .where(eq(bodies.collaborationId, collaborationId))
      .orderBy(asc(bodies.createdAt), asc(bodies.id))
    // Regbrå's own beredningsgrupp is not the collaboration's: the one of a kind is the one not under the network.
    const networkId = () => existing.find((b) => b.kind === 'network')?.id
    const idOfKind = (kind: BodyKind) => existing.find((b) => b.kind === kind && (!b.parentBodyId || b.parentBodyId !== networkId()))?.id ?? null
    const insertBody = async (b: BodySeed, isExample: boolean, parentBodyId?: string) => {
      const [row] = await tx
        .insert(bodies)
        .values({
          collaborationId,
          kind: b.kind,
          name: b.name,
          theme: b.theme ?? null,
          mandate: b.mandate,
          parentBodyId: parentBodyId ?? (b.reportsTo ? idOfKind(b.reportsTo) : null),
          activeFrom: b.activeFrom ?? null,
          isExample,
          organisationId: ownerId,
          visibility: 'public',
        })
        .returning({ id: bodies.id, kind: bodies.kind, name: bodies.name, parentBodyId: bodies.parentBodyId })
      existing.push(row)
      written++
      return row.id
    }
    const hadNetwork = !!networkId()
    for (const b of REFERENCE_BODIES) if (!idOfKind(b.kind)) await insertBody(b, false)
    written += await completeRegbra(tx, networkId()!, hadNetwork, ownerId, async (b, parentId) => insertBody(b, false, parentId))
    if (deps.config.demo) for (const b of EXAMPLE_BODIES) if (!existing.some((e) => e.name === b.name)) await insertBody(b, true)

    written += (
      await tx
        .insert(complianceRules)
        .values(RULES.map((r) => ({ collaborationId, ...r })))
        .onConflictDoNothing()
        .returning({ id: complianceRules.id })
    ).length

    written += (
      await tx
        .insert(declarationVersions)
        .values({ collaborationId, versionNo: 1, title: 'Programförklaring Östergötland tillsammans mot brott 2022–2027', bodyText: DECLARATION_TEXT })
        .onConflictDoNothing()
        .returning({ id: declarationVersions.id })
    ).length
    const [version] = await tx
      .select({ id: declarationVersions.id })
      .from(declarationVersions)
      .where(and(eq(declarationVersions.collaborationId, collaborationId), eq(declarationVersions.versionNo, 1)))

    // Invitations for the reference parties that are still parties (one that has left is not invited).
    const current = await tx
      .select({ organisationId: collaborationParties.organisationId })
      .from(collaborationParties)
      .where(
        and(
          eq(collaborationParties.collaborationId, collaborationId),
          inArray(collaborationParties.organisationId, [...orgs.values()]),
          sql`(${collaborationParties.leftOn} is null or ${collaborationParties.leftOn} > ${stockholmToday})`,
        ),
      )
    if (current.length) {
      written += (
        await tx
          .insert(partySignatures)
          .values(current.map((p) => ({ declarationVersionId: version.id, organisationId: p.organisationId, status: 'invited' as const })))
          .onConflictDoNothing()
          .returning({ id: partySignatures.id })
      ).length
    }

    if (written > 0) {
      await audit(
        tx,
        { actor: { label: 'system:seed' } },
        {
          action: 'reference.otmb_loaded',
          entityType: 'collaboration',
          entityId: collaborationId,
          organisationId: ownerId,
          after: { code: OTMB_CODE, written, demo: deps.config.demo },
        },
      )
    }
    return { collaborationId, written }
  })
}
