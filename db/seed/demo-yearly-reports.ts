/**
 * Demo mode: the collaboration's yearly reports (issue 10 §4–5), invented but plausible and marked
 * as examples. The report for the year before last is adopted by the styrgrupp (its figures frozen
 * as the platform held them at seeding); last year's is out for comments with the beredningsgrupp,
 * with Länsstyrelsen's and Polisen's assessments and two comments; last year's report to Brå is a
 * draft. This year's report is left for the user to draft. Insert-if-missing per report.
 */
import { and, eq, sql } from 'drizzle-orm'
import { audit } from '../../src/platform/audit/audit.ts'
import type { Deps } from '../../src/platform/deps.ts'
import type { Actor } from '../../src/platform/http/actor.ts'
import { formatIsoDate } from '../../src/platform/i18n/format.ts'
import { collaborations } from '../../src/features/collaborations/collaborations.tables.ts'
import { findOrganisationByCode, listCounties } from '../../src/features/organisations/index.ts'
import { assembleReport } from '../../src/features/yearly-reports/report-data.ts'
import type { Snapshot } from '../../src/features/yearly-reports/report-model.ts'
import { reportTitle } from '../../src/features/yearly-reports/yearly-reports.service.ts'
import { yearlyReportComments, yearlyReportSections, yearlyReports } from '../../src/features/yearly-reports/yearly-reports.tables.ts'
import { OTMB_CODE } from './otmb.ts'

const NARRATIVES: Record<string, string> = {
  parties:
    'De flesta parter har undertecknat programförklaringen. Valdemarsvik bereder fortfarande frågan och Ydre har avböjt; Länsstyrelsen håller dörren öppen för båda. Samverkan har gått från uppstart till ett löpande arbete där kommunerna, Polisen och Länsstyrelsen möts regelbundet.',
  participation:
    'Den nedlagda tiden ligger främst i arbetsgrupperna. Flera mindre kommuner har svårt att avsätta tid; Länsstyrelsen erbjuder därför digitalt deltagande och samlar frågor till färre möten.',
  meetings: 'Styrgruppen och beredningsgruppen har mötts enligt plan. Besluten har främst gällt verksamhetsplanen och fördelningen av stöd till kommunerna.',
  law: 'De flesta kommuner har nu en antagen lägesbild. Länsstyrelsen prioriterar stödet till de kommuner som saknar åtgärdsplan eller samordningsfunktion.\n\nPolisen bedömer att de gemensamma lägesbilderna har blivit bättre underlag för medborgarlöftena.',
  indicators:
    'Kvinnor känner sig fortsatt mindre trygga än män i offentlig miljö, och skillnaden är störst i parker kvällstid. Skillnaden är stabil över åren och ska följas i varje kommuns lägesbild.',
  assessment:
    'Samverkan fungerar i allt väsentligt så som programförklaringen beskriver. Arbetet enligt lagen (2023:196) har gett kommunerna en gemensam struktur, men uppföljningen av åtgärderna behöver bli mer regelbunden.',
  recommendations:
    'Länsstyrelsen och Polisen rekommenderar styrgruppen att\n\n1. fortsätta stödet till kommunernas lägesbilder och åtgärdsplaner,\n2. göra den månatliga uppföljningen av medborgarlöftena till rutin i alla lokalpolisområden,\n3. redovisa trygghet uppdelat på kön i varje kommuns lägesbild.',
}

export async function loadDemoYearlyReports(deps: Deps, today = formatIsoDate(new Date())): Promise<number> {
  const [c] = await deps.db.select().from(collaborations).where(eq(collaborations.code, OTMB_CODE))
  const owner = c && (await findOrganisationByCode(deps.db, 'lansstyrelsen-05'))
  if (!c?.countyCode || !owner) return 0
  const county = (await listCounties(deps.db)).find((x) => x.code.trim() === c.countyCode?.trim())
  const subject = {
    id: c.id,
    ownerId: c.organisationId,
    name: c.name,
    countyCode: c.countyCode.trim(),
    countyName: county?.name ?? c.countyCode,
    periodStart: c.periodStart,
    periodEnd: c.periodEnd,
  }
  // The figures are drawn as Länsstyrelsen's coordinators see them.
  const actor: Actor = {
    userId: '00000000-0000-4000-8000-000000000000',
    email: 'demo@tillsammans.invalid',
    name: 'Demo',
    organisationId: owner.id,
    organisationName: owner.name,
    roles: [{ organisationId: owner.id, role: 'coordinator' }],
    via: 'session',
    mustChangePassword: false,
  }
  const year = Number(today.slice(0, 4))
  const linkoping = await findOrganisationByCode(deps.db, 'kommun-0580')
  const norrkoping = await findOrganisationByCode(deps.db, 'kommun-0581')
  let written = 0
  const specs = [
    { kind: 'follow_up' as const, year: year - 2, state: 'adopted' as const, sections: Object.keys(NARRATIVES) },
    { kind: 'follow_up' as const, year: year - 1, state: 'review' as const, sections: ['parties', 'law', 'indicators', 'assessment'] },
    { kind: 'bra' as const, year: year - 1, state: 'draft' as const, sections: [] as string[] },
  ]
  for (const spec of specs) {
    if (spec.year < Number(c.periodStart.slice(0, 4))) continue
    const exists = await deps.db
      .select({ id: yearlyReports.id })
      .from(yearlyReports)
      .where(
        and(eq(yearlyReports.collaborationId, c.id), eq(yearlyReports.kind, spec.kind), eq(yearlyReports.year, spec.year), eq(yearlyReports.scope, 'year')),
      )
    if (exists.length) continue
    const title = reportTitle(spec.kind, 'year', spec.year, subject, owner.name)
    const adoptedOn = `${spec.year + 1}-03-14`
    const model =
      spec.state === 'adopted' ? await assembleReport(deps, actor, { kind: spec.kind, year: spec.year, scope: 'year', title }, subject, adoptedOn) : null
    const created = await deps.db.transaction(async (tx) => {
      // Two instances may seed one empty database at once: the second waits here and then finds the report.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext('seed_demo_yearly_reports'))`)
      const again = await tx
        .select({ id: yearlyReports.id })
        .from(yearlyReports)
        .where(
          and(eq(yearlyReports.collaborationId, c.id), eq(yearlyReports.kind, spec.kind), eq(yearlyReports.year, spec.year), eq(yearlyReports.scope, 'year')),
        )
      if (again.length) return false
      const [report] = await tx
        .insert(yearlyReports)
        .values({
          collaborationId: c.id,
          organisationId: owner.id,
          kind: spec.kind,
          year: spec.year,
          scope: 'year',
          title,
          visibility: spec.kind === 'bra' ? 'organisation' : 'partners',
          status: spec.state === 'adopted' ? 'draft' : spec.state,
          isExample: true,
        })
        .returning()
      if (spec.sections.length) {
        await tx
          .insert(yearlyReportSections)
          .values(spec.sections.map((key) => ({ reportId: report.id, sectionKey: key, narrative: NARRATIVES[key] as string })))
      }
      if (spec.state === 'review' && linkoping && norrkoping) {
        await tx.insert(yearlyReportComments).values([
          {
            reportId: report.id,
            sectionKey: 'indicators',
            organisationId: linkoping.id,
            body: 'Lägg gärna till att Medborgarenkäten visar samma mönster i Linköping: skillnaden mellan kvinnor och män är störst i parker kvällstid.',
          },
          {
            reportId: report.id,
            sectionKey: null,
            organisationId: norrkoping.id,
            body: 'Norrköping ställer sig bakom bedömningen. EST-arbetet i Navestad och Hageby kan gärna nämnas som exempel på platsbaserad samverkan.',
          },
        ])
      }
      if (spec.state === 'adopted' && model) {
        const snapshot: Snapshot = {
          model,
          narratives: spec.sections.map((key) => ({ sectionKey: key, narrative: NARRATIVES[key] as string, version: 1 })),
          comments: [],
        }
        await tx
          .update(yearlyReports)
          .set({ status: 'adopted', adoptedBy: `Styrgruppen för ${c.shortName}`, adoptedOn, adoptedParagraph: '§ 6', visibility: 'public', snapshot })
          .where(eq(yearlyReports.id, report.id))
      }
      await audit(
        tx,
        { actor: { label: 'system:demo' } },
        { action: 'yearly_report.created', entityType: 'yearly_report', entityId: report.id, organisationId: owner.id, after: { title, status: spec.state } },
      )
      return true
    })
    if (created) written++
  }
  return written
}
