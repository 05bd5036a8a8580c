/**
 * Demo mode: the municipalities' lägesbilder under Lag 2023:196 (issue 9 §11), invented but
 * plausible and marked as examples. Linköping has an adopted lägesbild for last year (adopted by
 * kommunfullmäktige, reviewed two years later) with three prioritised problems from its åtgärdsplan,
 * each with an orsaksanalys; Norrköping has this year's as a draft; Åtvidaberg's adopted lägesbild is
 * past its review date. The åtgärdsplan of Linköping gets two more problems with their causes, so the
 * lägesbild's problems are the plan's (demo-plans.ts gives every plan one).
 *
 * The adopted ones have their figures frozen at adoption, computed as the service computes them, so
 * the demo's indicators and survey must be loaded first (demo.ts does).
 *
 * Dates follow the seeding day by a fixed rule (as demo-plans.ts), so the story reads the same
 * whenever it is seeded. Insert-if-missing per municipality.
 */
import { and, eq, sql } from 'drizzle-orm'
import { audit } from '../../src/platform/audit/audit.ts'
import type { Db } from '../../src/platform/db/types.ts'
import type { Deps } from '../../src/platform/deps.ts'
import { formatIsoDate } from '../../src/platform/i18n/format.ts'
import { findOrganisationByCode } from '../../src/features/organisations/index.ts'
import { planItemLinks, planItems, plans } from '../../src/features/plans/plans.tables.ts'
import { freezeFigures } from '../../src/features/situation-reports/frozen-figures.ts'
import { nextReviewDue } from '../../src/features/situation-reports/review.ts'
import {
  type MappingFigure,
  type SourceNote,
  situationReportProblems,
  situationReports,
} from '../../src/features/situation-reports/situation-reports.tables.ts'
import { surveys } from '../../src/features/surveys/surveys.tables.ts'
import { DEMO_SURVEY_NAME } from './demo-surveys.ts'

interface Analysis {
  victim: string
  offender: string
  place: string
  chain: string
}

/** Linköping's two extra problems in its åtgärdsplan, each with its causes. */
const EXTRA_PROBLEMS = [
  {
    title: 'Öppen narkotikaförsäljning vid Resecentrum och i innerstaden',
    description: 'Polisen och fältassistenterna ser försäljning kvällstid vid Resecentrum och i parkerna i innerstaden.',
    causes: ['Säljplatser med dålig insyn och belysning', 'Unga rekryteras som langare via sociala medier'],
  },
  {
    title: 'Skadegörelse och bränder vid skolor kvällstid',
    description: 'Anmälningar om skadegörelse och anlagda bränder vid skolorna i Skäggetorp och Ryd ökar.',
    causes: ['Skolgårdarna är öppna och obevakade kvällar och helger', 'Få fritidsaktiviteter för unga på helgerna'],
  },
]

const LINKOPING_ANALYSES: Analysis[] = [
  {
    victim:
      'Kvinnor i alla åldrar uppger att de undviker Skäggetorp centrum och gångstråken mot busshållplatserna kvällstid. Äldre boende känner sig otrygga på väg hem från vårdcentralen.',
    offender: 'En mindre grupp unga vuxna som samlas vid centrum och som enligt polisen också är inblandade i narkotikaförsäljning.',
    place: 'Gång- och cykelvägarna mellan centrum och bostäderna är dåligt belysta och har skymd sikt; centrumtorget saknar ägarskap efter butiksstängning.',
    chain:
      'Butikerna stänger, vuxna lämnar torget, gruppen tar platsen i anspråk. Boende väljer andra vägar eller stannar hemma, vilket minskar insynen ytterligare.',
  },
  {
    victim: 'Unga som erbjuds narkotika, och deras familjer. Resenärer vid Resecentrum som utsätts för hot när de ser försäljningen.',
    offender: 'Säljare i 16–20-årsåldern som rekryteras via sociala medier och leds av äldre personer utanför kommunen.',
    place: 'Cykelgaraget och gångtunneln vid Resecentrum, och två parker i innerstaden, där insynen är dålig efter kl. 20.',
    chain: 'Kontakt och beställning sker i sociala medier; överlämningen sker snabbt på platser med flera flyktvägar och dålig belysning.',
  },
  {
    victim: 'Skolorna och deras elever: förstörda lokaler och inställd undervisning. Fastighetsbolaget bär kostnaderna.',
    offender: 'Främst grupper av yngre tonåringar, ofta från närområdet, enligt skolornas och räddningstjänstens iakttagelser.',
    place: 'Skolgårdar utan belysning och stängsel, där containrar och papperskorgar står intill fasaden.',
    chain:
      'Unga samlas på skolgården när inget annat finns att göra, tänder eld i papperskorgar som sprider sig till fasaden; ingen vuxen ser det förrän det brinner.',
  },
]

const LINKOPING_SOURCES: SourceNote[] = [
  {
    name: 'Brås statistik över anmälda brott (Kommun och län)',
    used: true,
    limitations: 'Visar anmälda brott, inte all brottslighet. Anmälningsbenägenheten skiljer sig mellan brottstyper.',
  },
  { name: 'Medborgarenkäten (syntetiska demodata)', used: true, limitations: 'Låg svarsfrekvens bland unga män; små grupper redovisas inte.' },
  { name: 'Polisens lokala lägesbild för LPO Linköping', used: true, limitations: 'Bygger delvis på underrättelser som inte kan redovisas öppet.' },
  { name: 'Skadedata från räddningstjänsten (IDA)', used: false, limitations: 'Uppgifterna för perioden var inte färdiga när lägesbilden skrevs.' },
  { name: 'Elevhälsans enkät om trygghet i skolan', used: false, limitations: 'Frågorna ändrades under perioden, så åren kan inte jämföras.' },
]

async function demoSurveyFigures(db: Db): Promise<MappingFigure[]> {
  const [s] = await db.select({ id: surveys.id }).from(surveys).where(eq(surveys.name, DEMO_SURVEY_NAME)).limit(1)
  if (!s) return []
  return [
    { kind: 'survey', surveyId: s.id, questionKey: 'gator_torg_kvall', note: 'Kvinnor känner sig betydligt mindre trygga än män på gator och torg kvällstid.' },
    { kind: 'survey', surveyId: s.id, questionKey: 'parker_kvall' },
  ]
}

const hasExampleReport = async (db: Db, organisationId: string) =>
  (
    await db
      .select({ id: situationReports.id })
      .from(situationReports)
      .where(and(eq(situationReports.organisationId, organisationId), eq(situationReports.isExample, true)))
      .limit(1)
  ).length > 0

/** The municipality's example åtgärdsplan (demo-plans.ts). */
async function examplePlan(db: Db, organisationId: string) {
  const [p] = await db
    .select()
    .from(plans)
    .where(and(eq(plans.organisationId, organisationId), eq(plans.kind, 'action_plan'), eq(plans.isExample, true)))
    .limit(1)
  return p
}

/** Linköping's plan gets its two extra problems (once), and the measure for the young a second cause. */
async function ensureLinkopingProblems(tx: Db, planId: string): Promise<string[]> {
  const items = await tx.select().from(planItems).where(eq(planItems.planId, planId))
  const problems = items.filter((i) => i.kind === 'problem').sort((a, b) => a.position - b.position)
  let causePos = Math.max(0, ...items.filter((i) => i.kind === 'cause').map((i) => i.position))
  for (const extra of EXTRA_PROBLEMS) {
    if (problems.some((p) => p.title === extra.title)) continue
    const [p] = await tx
      .insert(planItems)
      .values({ planId, kind: 'problem', position: problems.length + 1, title: extra.title, description: extra.description })
      .returning()
    problems.push(p)
    const causes = await tx
      .insert(planItems)
      .values(extra.causes.map((title) => ({ planId, kind: 'cause' as const, parentId: p.id, position: ++causePos, title })))
      .returning()
    const youth = items.find((i) => i.kind === 'measure' && i.title.startsWith('Fältassistenter'))
    const leisure = causes.find((c) => c.title.startsWith('Få fritidsaktiviteter'))
    if (youth && leisure) await tx.insert(planItemLinks).values({ itemId: youth.id, linkedItemId: leisure.id })
  }
  return problems.map((p) => p.id)
}

async function insertReport(
  deps: Deps,
  tx: Db,
  org: { countyCode: string | null },
  values: typeof situationReports.$inferInsert,
  problems: { id: string; analysis: Analysis }[],
  adoption?: { by: string; on: string; paragraph: string },
) {
  const [report] = await tx
    .insert(situationReports)
    .values({ ...values, isExample: true })
    .returning()
  if (problems.length) {
    await tx.insert(situationReportProblems).values(
      problems.map((p, i) => ({
        reportId: report.id,
        problemItemId: p.id,
        priority: i + 1,
        victimCauses: p.analysis.victim,
        offenderCauses: p.analysis.offender,
        placeCauses: p.analysis.place,
        eventChain: p.analysis.chain,
      })),
    )
  }
  // Adopted as the service adopts: an update of the draft, after which the row is final, with the
  // figures frozen as the service freezes them (public data: the demo's survey is public).
  if (adoption) {
    const adoptedFigures = await freezeFigures({ ...deps, db: tx }, undefined, report.figures, {
      municipalityCode: report.municipalityCode,
      countyCode: org.countyCode,
    })
    await tx
      .update(situationReports)
      .set({
        adoptedFigures,
        status: 'adopted',
        adoptedBy: adoption.by,
        adoptedOn: adoption.on,
        adoptedParagraph: adoption.paragraph,
        nextReviewDue: nextReviewDue(adoption.on, report.reviewIntervalMonths),
      })
      .where(eq(situationReports.id, report.id))
  }
  await audit(
    tx,
    { actor: { label: 'system:demo' } },
    {
      action: 'situation_report.created',
      entityType: 'situation_report',
      entityId: report.id,
      organisationId: report.organisationId,
      after: { ...report, problems: problems.length },
    },
  )
}

export async function loadDemoSituationReports(deps: Deps, today = formatIsoDate(new Date())): Promise<number> {
  const year = Number(today.slice(0, 4))
  const figures = await demoSurveyFigures(deps.db)
  const specs: { code: string; run: (tx: Db, org: { id: string; name: string; municipalityCode: string; countyCode: string | null }) => Promise<void> }[] = [
    {
      code: 'kommun-0580',
      run: async (tx, org) => {
        const plan = await examplePlan(tx, org.id)
        const problemIds = plan ? await ensureLinkopingProblems(tx, plan.id) : []
        await insertReport(
          deps,
          tx,
          org,
          {
            organisationId: org.id,
            municipalityCode: org.municipalityCode,
            title: `Lägesbild ${year - 1}`,
            periodStart: `${year - 1}-01-01`,
            periodEnd: `${year - 1}-12-31`,
            visibility: 'partners',
            figures: [
              { kind: 'indicator', indicatorKey: 'bra_anmalda_brott_totalt' },
              { kind: 'indicator', indicatorKey: 'bra_anmalda_narkotikabrott' },
              ...figures,
            ],
            mappingText:
              'Exempel: de anmälda brotten i Linköping har legat på en jämn nivå de senaste åren, men narkotikabrotten och skadegörelsen har ökat. Otryggheten är störst i Skäggetorp och i innerstaden kvällstid, och kvinnor känner sig genomgående mindre trygga än män, särskilt i parker och på gator och torg sent en kväll.',
            otherInformation:
              'Exempel: trygghetsvandringar i Skäggetorp och Ryd, medborgardialoger hösten före, iakttagelser från fältassistenter, skolor och räddningstjänst, och polisens medborgarlöfte med kommunen.',
            analysis:
              'Exempel: de tre prioriterade problemen hänger ihop. Platser med dålig belysning och lite insyn kvällstid blir samlingsplatser, där både försäljning och skadegörelse sker, och som boende, särskilt kvinnor, undviker. Åtgärdsplanen riktar in sig på platserna och på att fler vuxna ska vara ute.',
            sources: LINKOPING_SOURCES,
          },
          problemIds.slice(0, 3).map((id, i) => ({ id, analysis: LINKOPING_ANALYSES[i] as Analysis })),
          { by: 'Kommunfullmäktige', on: `${year - 1}-11-25`, paragraph: '§ 214' },
        )
      },
    },
    {
      code: 'kommun-0581',
      run: async (tx, org) => {
        const plan = await examplePlan(tx, org.id)
        const [problem] = plan
          ? await tx
              .select()
              .from(planItems)
              .where(and(eq(planItems.planId, plan.id), eq(planItems.kind, 'problem')))
              .limit(1)
          : []
        await insertReport(
          deps,
          tx,
          org,
          {
            organisationId: org.id,
            municipalityCode: org.municipalityCode,
            title: `Lägesbild ${year}`,
            periodStart: `${year}-01-01`,
            periodEnd: `${year}-12-31`,
            visibility: 'partners',
            figures: figures.slice(0, 1),
            mappingText: 'Exempel: utkast. Kartläggningen av anmälda brott i Hageby och centrum pågår.',
            sources: [{ name: 'Brås statistik över anmälda brott', used: true, limitations: 'Visar bara anmälda brott.' }],
          },
          problem
            ? [
                {
                  id: problem.id,
                  analysis: {
                    victim: 'Boende i Hageby, särskilt kvinnor och äldre, kvällstid.',
                    offender: '',
                    place: 'Gångstråken mellan Hageby centrum och spårvagnshållplatsen.',
                    chain: '',
                  },
                },
              ]
            : [],
        )
      },
    },
    {
      code: 'kommun-0561',
      run: async (tx, org) => {
        await insertReport(
          deps,
          tx,
          org,
          {
            organisationId: org.id,
            municipalityCode: org.municipalityCode,
            title: `Lägesbild ${year - 3}`,
            periodStart: `${year - 3}-01-01`,
            periodEnd: `${year - 3}-12-31`,
            visibility: 'partners',
            figures: figures.slice(0, 1),
            mappingText: 'Exempel: få anmälda brott, men oro för narkotika bland unga och skadegörelse i Grebo.',
            otherInformation: 'Exempel: medborgardialog i Grebo och samtal med skolorna.',
            analysis: 'Exempel: en samlad analys utan prioriterade problem. Lägesbilden skulle ha setts över förra året.',
            sources: [{ name: 'Brås statistik över anmälda brott', used: true, limitations: 'Små tal: enstaka händelser ger stora svängningar.' }],
          },
          [],
          { by: 'Kommunstyrelsen', on: `${year - 3}-03-14`, paragraph: '§ 42' },
        )
      },
    },
  ]
  let written = 0
  for (const spec of specs) {
    const org = await findOrganisationByCode(deps.db, spec.code)
    if (!org?.municipalityCode) throw new Error(`Demo data needs ${spec.code}; load the reference data first`)
    written += await deps.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext('seed_demo_situation_reports'))`)
      if (await hasExampleReport(tx, org.id)) return 0
      await spec.run(tx, { id: org.id, name: org.name, municipalityCode: org.municipalityCode!, countyCode: org.countyCode })
      return 1
    })
  }
  return written
}
