/**
 * Demo mode: the library of methods and measures (issue 10 §3). Five well-known methods curated by
 * Länsstyrelsen Östergötland and one proposal from Motala, each marked as an example. The texts are
 * short summaries written for the demo, modest in what they claim: no effect sizes, mixed evidence said
 * to be mixed, and the source given as a place to read more rather than a particular report. Norrköping
 * uses EST (in the areas of ../shared/domain.md §4), Linköping trygghetsvandring, Motala nattvandring;
 * some measures of the example åtgärdsplaner (demo-plans.ts) are linked to the methods they apply, in
 * enough municipalities that Linköping's åtgärdsplan shows what others did about its causes.
 *
 * Insert-if-missing by slug, contact and link: a second run writes nothing.
 */
import { and, eq, like, sql } from 'drizzle-orm'
import { audit } from '../../src/platform/audit/audit.ts'
import type { Db } from '../../src/platform/db/types.ts'
import type { Deps } from '../../src/platform/deps.ts'
import { methodContacts, methods, planItemMethods } from '../../src/features/methods/methods.tables.ts'
import { findOrganisationByCode } from '../../src/features/organisations/index.ts'
import { planItems, plans } from '../../src/features/plans/plans.tables.ts'

type NewMethod = Omit<typeof methods.$inferInsert, 'organisationId'> & { by: string }

const SUMMARY_NOTE = 'Sammanfattning skriven för demonstrationen; läs källan för metodens fullständiga beskrivning.'
const BRA = { source: 'Brå:s kunskapsbank (sammanfattning)', sourceUrl: 'https://bra.se' }

export const DEMO_METHODS: NewMethod[] = [
  {
    slug: 'est',
    by: 'lansstyrelsen-05',
    name: 'EST – Effektiv samordning för trygghet',
    summary:
      'Ett arbetssätt för att samla in och analysera lokal information om platser varje vecka. Kommunens personal, bostadsbolag, väktare och polis rapporterar iakttagelser om platser, aldrig om enskilda personer. Samordnare sammanställer en veckovis lägesbild med prioriterade platser, så att insatserna kan riktas dit de behövs mest.',
    problemTypes: ['otrygghet i offentlig miljö', 'skadegörelse', 'ordningsstörningar', 'samlingsplatser'],
    causeSides: ['place'],
    effectLevel: 'unknown',
    effectText: `Metoden ger en aktuell och gemensam lägesbild och underlag för att rikta insatser. Vilken effekt arbetssättet i sig har på brottsligheten och otryggheten är inte utvärderat med jämförelsegrupp; effekten beror på de insatser som följer av lägesbilden. ${SUMMARY_NOTE}`,
    ...BRA,
  },
  {
    slug: 'ctc',
    by: 'lansstyrelsen-05',
    name: 'CTC – Communities That Care',
    summary:
      'Ett långsiktigt, kommunövergripande arbetssätt för att förebygga problembeteenden bland unga. Kommunen kartlägger risk- och skyddsfaktorer bland unga, oftast med en skolenkät, prioriterar några av dem och väljer beprövade program som påverkar just dessa faktorer.',
    problemTypes: ['ungdomsbrottslighet', 'alkohol och narkotika bland unga', 'ungdomar i riskmiljöer'],
    causeSides: ['offender'],
    effectLevel: 'mixed',
    effectText: `Metoden är utvecklad i USA, där en större randomiserad studie har visat färre unga som börjar med alkohol, tobak och brott i de kommuner som arbetade med CTC. Erfarenheterna från Sverige är färre och resultaten mer blandade, bland annat beroende på hur troget arbetssättet genomförts. ${SUMMARY_NOTE}`,
    ...BRA,
  },
  {
    slug: 'trygghetsvandring',
    by: 'lansstyrelsen-05',
    name: 'Trygghetsvandring',
    summary:
      'Boende, kommun, fastighetsägare och polis går tillsammans genom ett område, oftast kvällstid, och noterar platser som upplevs otrygga: belysning, skymd sikt, nedskräpning, skadegörelse. Iakttagelserna blir förslag till åtgärder som ansvariga följer upp och återkopplar till de boende.',
    problemTypes: ['otrygghet i offentlig miljö', 'dålig belysning', 'skadegörelse', 'nedskräpning'],
    causeSides: ['place', 'victim'],
    effectLevel: 'unknown',
    effectText: `Vandringen är i första hand ett sätt att samla kunskap om platser och att involvera de boende. Effekten på trygghet och brott beror på vilka åtgärder som genomförs efteråt; vandringen i sig är inte utvärderad med jämförelsegrupp. Tänk på att kvinnor och män, unga och äldre, ofta upplever olika platser som otrygga. ${SUMMARY_NOTE}`,
    ...BRA,
  },
  {
    slug: 'grannsamverkan',
    by: 'lansstyrelsen-05',
    name: 'Grannsamverkan',
    summary:
      'Grannar i ett bostadsområde håller uppsikt över varandras bostäder, delar information och uppmärksammar polisen på misstänkta händelser, ofta med en kontaktperson per gata eller trappuppgång. Polisen och kommunen stöder med utbildning och information.',
    problemTypes: ['bostadsinbrott', 'stölder i bostadsområden'],
    causeSides: ['place', 'victim'],
    effectLevel: 'promising',
    effectText: `En systematisk forskningsöversikt har funnit att grannsamverkan i många fall samvarierar med minskad brottslighet, men flera av de ingående studierna har svag design och det är svårt att skilja grannsamverkans del från andra insatser. ${SUMMARY_NOTE}`,
    ...BRA,
  },
  {
    slug: 'sspf',
    by: 'lansstyrelsen-05',
    name: 'SSPF – samverkan skola, socialtjänst, polis och fritid',
    summary:
      'En lokal samverkan kring enskilda unga som riskerar att hamna i kriminalitet eller missbruk. Skola, socialtjänst, polis och fritidsverksamhet träffas regelbundet, och med vårdnadshavarnas samtycke görs en gemensam plan för den unge.',
    problemTypes: ['ungdomar i riskmiljöer', 'ungdomsbrottslighet', 'narkotika bland unga'],
    causeSides: ['offender'],
    effectLevel: 'unknown',
    effectText: `Arbetssättet används i många kommuner och uppfattas av de inblandade som ett stöd för samordning. Det finns få utvärderingar av effekten på de ungas brottslighet, och arbetet ser olika ut från kommun till kommun. ${SUMMARY_NOTE}`,
    ...BRA,
  },
  {
    slug: 'nattvandring',
    by: 'kommun-0583',
    name: 'Nattvandring',
    summary:
      'Vuxna, ofta föräldrar, går i grupp på kvällar och nätter där unga rör sig, särskilt helger och vid skolavslutningar. De finns till hands, pratar med unga och larmar vid behov.',
    problemTypes: ['otrygghet i offentlig miljö', 'samlingsplatser för unga', 'alkohol och narkotika bland unga'],
    causeSides: ['offender', 'place'],
    effectLevel: 'unknown',
    effectText: 'Exempel på förslag från en kommun: vi upplever att fler vuxna ute gör stråken lugnare, men vi har inte mätt effekten.',
    source: 'Motala kommuns egna erfarenheter (exempel)',
    sourceUrl: null,
    status: 'proposed',
  },
]

/** Who uses what: a role, never a person's name. */
const CONTACTS: { slug: string; code: string; contact: string; sinceYear?: number }[] = [
  { slug: 'est', code: 'kommun-0581', contact: 'EST-samordnare (exempel) – Marielund, Hageby, Navestad, Klockaretorpet och city' },
  { slug: 'trygghetsvandring', code: 'kommun-0580', contact: 'Trygghetssamordnare (exempel)' },
  { slug: 'nattvandring', code: 'kommun-0583', contact: 'Brottsförebyggande samordnare (exempel)' },
  { slug: 'trygghetsvandring', code: 'kommun-0586', contact: 'Trygghetsstrateg (exempel)' },
  { slug: 'est', code: 'kommun-0582', contact: 'Säkerhetssamordnare (exempel)' },
  { slug: 'sspf', code: 'kommun-0586', contact: 'SSPF-samordnare (exempel)' },
]

/** Measures of the example åtgärdsplaner (demo-plans.ts), found by their title's start. */
const LINKS: { slug: string; code: string; titleStart: string }[] = [
  { slug: 'trygghetsvandring', code: 'kommun-0580', titleStart: 'Förbättra belysningen längs gångstråken' },
  { slug: 'trygghetsvandring', code: 'kommun-0581', titleStart: 'Förbättra belysningen längs gångstråken' },
  { slug: 'est', code: 'kommun-0581', titleStart: 'Riktade insatser mot narkotika' },
  { slug: 'nattvandring', code: 'kommun-0583', titleStart: 'Fältassistenter och föreningar ute' },
  // So that Linköping's åtgärdsplan shows "Vad har andra gjort?" filled: its causes name dålig belysning
  // and samlingsplatser, and these municipalities' measures apply the methods with those problem types.
  { slug: 'trygghetsvandring', code: 'kommun-0586', titleStart: 'Förbättra belysningen längs gångstråken' },
  { slug: 'trygghetsvandring', code: 'kommun-0562', titleStart: 'Förbättra belysningen längs gångstråken' },
  { slug: 'est', code: 'kommun-0582', titleStart: 'Riktade insatser mot narkotika' },
  { slug: 'sspf', code: 'kommun-0586', titleStart: 'Fältassistenter och föreningar ute' },
]

async function exampleMeasure(db: Db, organisationId: string, titleStart: string) {
  const [m] = await db
    .select({ id: planItems.id })
    .from(planItems)
    .innerJoin(plans, eq(plans.id, planItems.planId))
    .where(
      and(
        eq(plans.organisationId, organisationId),
        eq(plans.kind, 'action_plan'),
        eq(plans.isExample, true),
        eq(planItems.kind, 'measure'),
        like(planItems.title, `${titleStart}%`),
      ),
    )
    .limit(1)
  return m?.id
}

export async function loadDemoMethods(deps: Deps): Promise<number> {
  const orgs = new Map<string, string>()
  for (const code of new Set([...DEMO_METHODS.map((m) => m.by), ...CONTACTS.map((c) => c.code), ...LINKS.map((l) => l.code)])) {
    const o = await findOrganisationByCode(deps.db, code)
    if (!o) throw new Error(`Demo methods need organisation ${code}; load the reference data first`)
    orgs.set(code, o.id)
  }
  return deps.db.transaction(async (tx) => {
    // Two instances may seed one empty database at once: the second waits here and then finds the rows.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('seed_demo_methods'))`)
    let written = 0
    const ids = new Map<string, string>()
    for (const { by, ...spec } of DEMO_METHODS) {
      const [existing] = await tx.select({ id: methods.id }).from(methods).where(eq(methods.slug, spec.slug))
      if (existing) {
        ids.set(spec.slug, existing.id)
        continue
      }
      const [m] = await tx
        .insert(methods)
        .values({ status: 'curated', ...spec, organisationId: orgs.get(by)!, isExample: true })
        .returning()
      ids.set(spec.slug, m.id)
      written++
      await audit(
        tx,
        { actor: { label: 'system:demo' } },
        {
          action: m.status === 'curated' ? 'method.created' : 'method.proposed',
          entityType: 'method',
          entityId: m.id,
          organisationId: m.organisationId,
          after: m,
        },
      )
    }
    for (const c of CONTACTS) {
      const methodId = ids.get(c.slug)!
      const rows = await tx
        .insert(methodContacts)
        .values({ methodId, organisationId: orgs.get(c.code)!, contact: c.contact, sinceYear: c.sinceYear ?? null })
        .onConflictDoNothing()
        .returning()
      written += rows.length
    }
    for (const l of LINKS) {
      const planItemId = await exampleMeasure(tx, orgs.get(l.code)!, l.titleStart)
      if (!planItemId) continue
      const rows = await tx
        .insert(planItemMethods)
        .values({ methodId: ids.get(l.slug)!, planItemId })
        .onConflictDoNothing()
        .returning()
      written += rows.length
    }
    return written
  })
}
