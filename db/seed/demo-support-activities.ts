/**
 * Demo mode: Länsstyrelsen Östergötland's support to the county's municipalities 2023–2026
 * (förordning 2016:1258; issue 10 §5), invented but plausible and marked as examples: the Regbrå
 * network meetings for all municipalities four times a year, trainings in lägesbild work under
 * Lag 2023:196 (in force 1 July 2023), and advice sessions — more of them with the small
 * municipalities (Ydre, Boxholm, Ödeshög, Kinda), which have no full-time crime prevention officer.
 *
 * The history is fixed by year; activities after the seeding day are left out, so nothing lies in
 * the future. Written once: if the länsstyrelse has any example activity, nothing is written.
 */
import { and, eq, sql } from 'drizzle-orm'
import { audit } from '../../src/platform/audit/audit.ts'
import type { Deps } from '../../src/platform/deps.ts'
import { formatIsoDate } from '../../src/platform/i18n/format.ts'
import { findOrganisationByCode } from '../../src/features/organisations/index.ts'
import { type SupportKind, supportActivities } from '../../src/features/support-activities/support-activities.tables.ts'

interface Spec {
  /** MM-DD in the year. */
  on: string
  kind: SupportKind
  title: string
  description?: string
  /** Municipality code (four digits); absent for the whole county. */
  municipality?: string
  minutes: number | null
  participants: number | null
}

const YEARS = [2023, 2024, 2025, 2026] as const

/** Regbrå: the regional network for crime prevention, four times a year, for all municipalities. */
const NETWORK: Spec[] = [
  { on: '02-14', kind: 'meeting', title: 'Regbrå nätverksträff: årets inriktning', minutes: 180, participants: 28 },
  { on: '05-16', kind: 'meeting', title: 'Regbrå nätverksträff: lägesbilder och åtgärdsplaner', minutes: 180, participants: 31 },
  { on: '09-19', kind: 'meeting', title: 'Regbrå nätverksträff: erfarenhetsutbyte', minutes: 180, participants: 26 },
  { on: '11-21', kind: 'meeting', title: 'Regbrå nätverksträff: uppföljning och planering', minutes: 240, participants: 33 },
]

/** Trainings by year: the law's first year is introduction, then lägesbild, orsaksanalys and follow-up. */
const TRAININGS: Record<number, Spec[]> = {
  2023: [
    {
      on: '09-07',
      kind: 'training',
      title: 'Introduktion till lagen om kommuners ansvar för brottsförebyggande arbete (2023:196)',
      description: 'Exempel: lagens krav på lägesbild, åtgärdsplan och samordningsfunktion, för kommunernas samordnare och chefer.',
      minutes: 210,
      participants: 42,
    },
    {
      on: '11-09',
      kind: 'training',
      title: 'Att ta fram en lägesbild: kartläggning och källor',
      description: 'Exempel: vilka källor kommunen har (polisens statistik, NTU, skolenkäter, trygghetsmätningar) och hur de sätts samman.',
      minutes: 180,
      participants: 35,
    },
  ],
  2024: [
    {
      on: '03-12',
      kind: 'training',
      title: 'Lägesbild steg för steg: analys och orsaksanalys',
      description: 'Exempel: från kartläggning till prioriterade problem, med problemtriangeln och orsaksanalys.',
      minutes: 360,
      participants: 38,
    },
    { on: '04-23', kind: 'training', title: 'Lägesbildsarbete för Motala och Vadstena', municipality: '0583', minutes: 180, participants: 14 },
    { on: '10-08', kind: 'training', title: 'Från lägesbild till åtgärdsplan', minutes: 240, participants: 36 },
  ],
  2025: [
    { on: '02-25', kind: 'training', title: 'Revidera lägesbilden: uppföljning och nya källor', minutes: 180, participants: 30 },
    { on: '04-10', kind: 'training', title: 'Lägesbildsarbete i Finspångs kommun', municipality: '0562', minutes: 180, participants: 12 },
    { on: '10-14', kind: 'training', title: 'Utvärdera åtgärder: effekter och mått', minutes: 240, participants: 29 },
  ],
  2026: [
    { on: '03-17', kind: 'training', title: 'Lägesbilden och jämställdhetsanalysen', minutes: 180, participants: 32 },
    { on: '09-29', kind: 'training', title: 'Lägesbildsarbete i Mjölby kommun', municipality: '0586', minutes: 150, participants: 11 },
  ],
}

/** Advice: [municipality code, MM-DD, minutes, participants, topic] per year; the small municipalities more often. */
const ADVICE: Record<number, [string, string, number, number, string][]> = {
  2023: [
    ['0512', '09-26', 90, 2, 'Samordningsfunktionen enligt lagen'],
    ['0560', '10-03', 90, 3, 'Samordningsfunktionen enligt lagen'],
    ['0509', '10-17', 60, 2, 'Kommunens första steg enligt lagen'],
    ['0513', '11-28', 90, 2, 'Kommunens första steg enligt lagen'],
    ['0580', '12-05', 60, 4, 'Lägesbildens underlag'],
  ],
  2024: [
    ['0512', '01-30', 120, 2, 'Kartläggning för lägesbilden'],
    ['0560', '02-06', 120, 3, 'Kartläggning för lägesbilden'],
    ['0512', '04-09', 90, 2, 'Orsaksanalys av prioriterade problem'],
    ['0509', '04-16', 90, 2, 'Kartläggning för lägesbilden'],
    ['0560', '05-21', 90, 2, 'Orsaksanalys av prioriterade problem'],
    ['0513', '06-04', 90, 3, 'Kartläggning för lägesbilden'],
    ['0584', '08-27', 60, 2, 'Lägesbildens analys'],
    ['0512', '09-10', 60, 1, 'Åtgärdsplanens struktur'],
    ['0563', '09-24', 90, 2, 'Lägesbildens analys'],
    ['0560', '10-22', 60, 2, 'Åtgärdsplanens struktur'],
    ['0581', '11-12', 60, 5, 'Samverkansöverenskommelse med polisen'],
    ['0561', '11-26', 90, 2, 'Lägesbildens analys'],
  ],
  2025: [
    ['0512', '01-21', 90, 2, 'Beslut om lägesbild och åtgärdsplan'],
    ['0560', '02-04', 90, 2, 'Beslut om lägesbild och åtgärdsplan'],
    ['0509', '03-04', 60, 2, 'Åtgärdsplanens struktur'],
    ['0513', '03-18', 60, 2, 'Åtgärdsplanens struktur'],
    ['0512', '05-13', 60, 2, 'Uppföljning av åtgärder'],
    ['0582', '05-27', 60, 3, 'Medborgarlöfte med polisen'],
    ['0560', '08-26', 60, 2, 'Uppföljning av åtgärder'],
    ['0584', '09-09', 60, 2, 'Uppföljning av åtgärder'],
    ['0512', '10-21', 90, 2, 'Trygghetsmätning i en liten kommun'],
    ['0563', '11-04', 60, 2, 'Uppföljning av åtgärder'],
    ['0560', '11-18', 60, 3, 'Trygghetsmätning i en liten kommun'],
  ],
  2026: [
    ['0512', '01-27', 90, 2, 'Revidering av lägesbilden'],
    ['0560', '02-10', 90, 2, 'Revidering av lägesbilden'],
    ['0509', '03-24', 60, 2, 'Revidering av lägesbilden'],
    ['0513', '04-14', 60, 2, 'Revidering av lägesbilden'],
    ['0512', '05-19', 60, 1, 'Ny samordnare: introduktion'],
    ['0561', '06-02', 60, 2, 'Åtgärdsplanens uppföljning'],
    ['0560', '09-15', 60, 2, 'Åtgärdsplanens uppföljning'],
    ['0583', '10-06', 60, 3, 'Lägesbild och jämställdhetsanalys'],
    ['0512', '11-10', 60, 2, 'Åtgärdsplanens uppföljning'],
  ],
}

/** Every example activity of the four years, in date order (before the seeding day is chosen). */
export function demoSupportSpecs(): (Spec & { heldOn: string })[] {
  const all: (Spec & { heldOn: string })[] = []
  for (const year of YEARS) {
    for (const s of [...NETWORK, ...TRAININGS[year]]) all.push({ ...s, heldOn: `${year}-${s.on}` })
    for (const [municipality, on, minutes, participants, topic] of ADVICE[year])
      all.push({ on, kind: 'advice', title: `Rådgivning: ${topic}`, municipality, minutes, participants, heldOn: `${year}-${on}` })
  }
  return all.sort((a, b) => a.heldOn.localeCompare(b.heldOn))
}

/** Loads the example history; returns the number of activities written (0 when already there). */
export async function loadDemoSupportActivities(deps: Deps, today = formatIsoDate(new Date())): Promise<number> {
  const board = await findOrganisationByCode(deps.db, 'lansstyrelsen-05')
  if (!board) return 0
  const [existing] = await deps.db
    .select({ id: supportActivities.id })
    .from(supportActivities)
    .where(and(eq(supportActivities.organisationId, board.id), eq(supportActivities.isExample, true)))
    .limit(1)
  if (existing) return 0
  const ids = new Map<string, string>()
  for (const s of demoSupportSpecs()) {
    if (s.municipality && !ids.has(s.municipality)) {
      const m = await findOrganisationByCode(deps.db, `kommun-${s.municipality}`)
      if (m) ids.set(s.municipality, m.id)
    }
  }
  const rows = demoSupportSpecs()
    .filter((s) => s.heldOn <= today && (!s.municipality || ids.has(s.municipality)))
    .map((s) => ({
      organisationId: board.id,
      municipalityId: s.municipality ? ids.get(s.municipality)! : null,
      kind: s.kind,
      heldOn: s.heldOn,
      title: s.title,
      description: s.description ?? '',
      minutes: s.minutes,
      participants: s.participants,
      isExample: true,
    }))
  if (!rows.length) return 0
  return deps.db.transaction(async (tx) => {
    // Two instances may seed one empty database at once: the second waits here and then finds the rows.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('seed_demo_support_activities'))`)
    const [again] = await tx
      .select({ id: supportActivities.id })
      .from(supportActivities)
      .where(and(eq(supportActivities.organisationId, board.id), eq(supportActivities.isExample, true)))
      .limit(1)
    if (again) return 0
    const written = await tx.insert(supportActivities).values(rows).returning({ id: supportActivities.id })
    await audit(
      tx,
      { actor: { label: 'system:demo' } },
      {
        action: 'support_activity.created',
        entityType: 'support_activity',
        organisationId: board.id,
        after: { examples: written.length, from: rows[0].heldOn, to: rows.at(-1)!.heldOn },
      },
    )
    return written.length
  })
}
