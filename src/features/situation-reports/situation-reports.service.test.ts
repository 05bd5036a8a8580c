import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { and, eq, sql } from 'drizzle-orm'
import { auditEvents } from '../../platform/audit/audit.tables.ts'
import type { Actor, Role } from '../../platform/http/actor.ts'
import { ForbiddenError, NotFoundError, StaleVersionError } from '../../platform/http/errors.ts'
import { buildUser } from '../../test-support/factories.ts'
import { type TestApp, buildTestApp } from '../../test-support/test-app.ts'
import { findOrganisationByCode } from '../organisations/index.ts'
import { PeriodTaken, ReportAdopted, ReportNotAdopted } from './situation-reports.errors.ts'
import * as repo from './situation-reports.repo.ts'
import { situationReportProblems, situationReports } from './situation-reports.tables.ts'
import {
  adoptReport,
  createReport,
  listReports,
  loadReport,
  reportDocument,
  saveProblems,
  startNewVersion,
  updateSections,
} from './situation-reports.service.ts'
import { buildActionPlan } from './situation-reports.test-factories.ts'

let t: TestApp
let lkp: string
let plan: Awaited<ReturnType<typeof buildActionPlan>>
const actors: Record<string, Actor> = {}

const actorOf = async (role: Role, code: string): Promise<Actor> => {
  const u = await buildUser(t.deps, { role, organisationCode: code })
  return {
    userId: u.id,
    email: u.email,
    name: role,
    organisationId: u.organisationId,
    organisationName: code,
    roles: [{ role, organisationId: u.organisationId }],
    via: 'session',
    mustChangePassword: false,
  }
}

before(async () => {
  t = await buildTestApp()
  lkp = (await findOrganisationByCode(t.deps.db, 'kommun-0580'))!.id
  plan = await buildActionPlan(t.deps)
  actors.editor = await actorOf('editor', 'kommun-0580')
  actors.reader = await actorOf('viewer', 'kommun-0580')
  actors.county = await actorOf('coordinator', 'lansstyrelsen-05')
  actors.otherCounty = await actorOf('coordinator', 'lansstyrelsen-01')
  actors.norrkoping = await actorOf('editor', 'kommun-0581')
})
after(() => t.close())

const ctx = (who: string) => ({ actor: actors[who] })
const audits = (action: string, entityId: string) =>
  t.deps.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, entityId)))
const sections = (r: repo.SituationReport, over: Partial<Parameters<typeof updateSections>[3]> = {}) => ({
  title: r.title,
  periodStart: r.periodStart,
  periodEnd: r.periodEnd,
  visibility: r.visibility,
  reviewIntervalMonths: r.reviewIntervalMonths,
  mappingText: r.mappingText,
  otherInformation: r.otherInformation,
  analysis: r.analysis,
  figures: r.figures,
  sources: r.sources,
  version: r.version,
  ...over,
})

/** The trigger's refusal (drizzle wraps the database error as the cause). */
const refused = (err: unknown) => {
  const e = err as { message?: string; cause?: { message?: string; code?: string } }
  return (
    /an adopted lägesbild cannot be changed|the problems of an adopted lägesbild cannot be changed/.test(`${e.cause?.message} ${e.message}`) &&
    e.cause?.code === '23514'
  )
}

describe('a lägesbild from draft to adopted version, and the next one', () => {
  let id: string

  test('the municipality’s editor creates it for a period; a second one for the same start is refused', async () => {
    const r = await createReport(t.deps, ctx('editor'), {
      organisationId: lkp,
      title: 'Lägesbild 2025',
      periodStart: '2025-01-01',
      periodEnd: '2025-12-31',
      visibility: 'partners',
      reviewIntervalMonths: 24,
    })
    id = r.id
    assert.equal(r.municipalityCode, '0580')
    assert.equal(r.revision, 1)
    assert.equal((await audits('situation_report.created', id)).length, 1)
    await assert.rejects(
      createReport(t.deps, ctx('editor'), {
        organisationId: lkp,
        title: 'X',
        periodStart: '2025-01-01',
        periodEnd: '2025-06-30',
        visibility: 'partners',
        reviewIntervalMonths: 24,
      }),
      PeriodTaken,
    )
  })

  test('Länsstyrelsen and another municipality may not create or write it (municipal self-government)', async () => {
    const input = {
      organisationId: lkp,
      title: 'X',
      periodStart: '2030-01-01',
      periodEnd: '2030-12-31',
      visibility: 'partners' as const,
      reviewIntervalMonths: 24,
    }
    await assert.rejects(createReport(t.deps, ctx('county'), input), ForbiddenError)
    await assert.rejects(createReport(t.deps, ctx('norrkoping'), input), ForbiddenError)
    const r = (await repo.findReport(t.deps.db, id))!
    await assert.rejects(updateSections(t.deps, ctx('county'), id, sections(r)), ForbiddenError)
    await assert.rejects(updateSections(t.deps, ctx('otherCounty'), id, sections(r)), NotFoundError)
  })

  test('sections are saved with the version seen; a stale version is refused with what is stored', async () => {
    const r = (await repo.findReport(t.deps.db, id))!
    const saved = await updateSections(t.deps, ctx('editor'), id, sections(r, { analysis: 'Otryggheten hänger ihop med mörka stråk.' }))
    assert.equal(saved.version, r.version + 1)
    const err = await updateSections(t.deps, ctx('editor'), id, sections(r, { analysis: 'Gammal text' })).catch((e) => e)
    assert.ok(err instanceof StaleVersionError)
    assert.equal((err.current as repo.SituationReport).analysis, 'Otryggheten hänger ihop med mörka stråk.')
    assert.equal((await audits('situation_report.updated', id)).length, 1)
  })

  test('prioritised problems are the åtgärdsplan’s problems, numbered in the order chosen', async () => {
    const r = (await repo.findReport(t.deps.db, id))!
    const [p1, p2] = plan.problems
    await saveProblems(t.deps, ctx('editor'), id, {
      version: r.version,
      problems: [
        {
          problemItemId: p2.id,
          victimCauses: 'Elever.',
          offenderCauses: 'Äldre ungdomar.',
          placeCauses: 'Skolgården.',
          eventChain: 'Kontakt via sociala medier.',
        },
        { problemItemId: p1.id, victimCauses: 'Kvinnor.', offenderCauses: '', placeCauses: 'Gångstråken.', eventChain: '' },
      ],
    })
    const rows = await repo.listProblems(t.deps.db, id)
    assert.deepEqual(
      rows.map((x) => [x.problemItemId, x.priority]),
      [
        [p2.id, 1],
        [p1.id, 2],
      ],
    )
    const d = await reportDocument(t.deps, actors.editor, id)
    assert.deepEqual(
      d.problems[1].problem?.causes.map((c) => c.title),
      ['Dålig belysning längs gångstråken', 'Få vuxna ute kvällstid'],
    )
    assert.equal((await audits('situation_report.problems_updated', id)).length, 1)
  })

  test('a problem of another municipality’s plan is refused', async () => {
    const other = await buildActionPlan(t.deps, 'kommun-0581')
    const r = (await repo.findReport(t.deps.db, id))!
    await assert.rejects(
      saveProblems(t.deps, ctx('editor'), id, {
        version: r.version,
        problems: [{ problemItemId: other.problems[0].id, victimCauses: '', offenderCauses: '', placeCauses: '', eventChain: '' }],
      }),
      { code: 'not_a_problem' },
    )
  })

  test('adoption sets body, date, § and next review = adopted on + interval', async () => {
    const r = (await repo.findReport(t.deps.db, id))!
    const adopted = await adoptReport(t.deps, ctx('editor'), id, {
      version: r.version,
      adoptedBy: 'Kommunfullmäktige',
      adoptedOn: '2025-11-20',
      adoptedParagraph: '§ 187',
    })
    assert.equal(adopted.status, 'adopted')
    assert.equal(adopted.nextReviewDue, '2027-11-20')
    assert.equal((await audits('situation_report.adopted', id)).length, 1)
  })

  test('after adoption the service refuses every change, and says why', async () => {
    const r = (await repo.findReport(t.deps.db, id))!
    await assert.rejects(updateSections(t.deps, ctx('editor'), id, sections(r, { analysis: 'Ändrad' })), ReportAdopted)
    await assert.rejects(saveProblems(t.deps, ctx('editor'), id, { version: r.version, problems: [] }), ReportAdopted)
    await assert.rejects(
      adoptReport(t.deps, ctx('editor'), id, { version: r.version, adoptedBy: 'KS', adoptedOn: '2026-01-01', adoptedParagraph: '§ 1' }),
      ReportAdopted,
    )
  })

  test('and the database refuses it too when the service is bypassed', async () => {
    await assert.rejects(t.deps.db.execute(sql`update situation_reports set analysis = 'Ändrad bakvägen' where id = ${id}`), refused)
    await assert.rejects(t.deps.db.execute(sql`delete from situation_reports where id = ${id}`), refused)
    await assert.rejects(t.deps.db.execute(sql`update situation_report_problems set place_causes = 'x' where report_id = ${id}`), refused)
    await assert.rejects(t.deps.db.execute(sql`delete from situation_report_problems where report_id = ${id}`), refused)
    const [row] = await t.deps.db.select().from(situationReports).where(eq(situationReports.id, id))
    assert.equal(row.analysis, 'Otryggheten hänger ihop med mörka stråk.')
  })

  test('"Starta ny version" copies the adopted one into a draft revision 2 that points back; twice gives the same draft', async () => {
    const { report: next, created } = await startNewVersion(t.deps, ctx('editor'), id)
    assert.ok(created)
    assert.equal(next.status, 'draft')
    assert.equal(next.revision, 2)
    assert.equal(next.previousId, id)
    assert.equal(next.periodStart, '2025-01-01')
    assert.equal(next.analysis, 'Otryggheten hänger ihop med mörka stråk.')
    assert.equal(next.adoptedOn, null)
    const copied = await t.deps.db.select().from(situationReportProblems).where(eq(situationReportProblems.reportId, next.id))
    assert.equal(copied.length, 2)
    assert.equal(copied.find((p) => p.priority === 1)?.eventChain, 'Kontakt via sociala medier.')
    const again = await startNewVersion(t.deps, ctx('editor'), id)
    assert.equal(again.created, false)
    assert.equal(again.report.id, next.id)
    // The draft is edited freely; the adopted one stays as it was.
    await updateSections(t.deps, ctx('editor'), next.id, sections(next, { analysis: 'Ny analys' }))
    assert.equal((await repo.findReport(t.deps.db, id))!.analysis, 'Otryggheten hänger ihop med mörka stråk.')
    await assert.rejects(startNewVersion(t.deps, ctx('editor'), next.id), ReportNotAdopted)
    assert.equal((await audits('situation_report.version_started', next.id)).length, 1)
  })

  test('who reads: the county’s coordinator every one of the county; another county’s none; a reader of the municipality its own', async () => {
    await t.deps.db.insert(situationReports).values({
      organisationId: lkp,
      municipalityCode: '0580',
      title: 'Intern lägesbild',
      periodStart: '2019-01-01',
      periodEnd: '2019-12-31',
      visibility: 'organisation',
    })
    const titles = async (who: string) => (await listReports(t.deps, actors[who], lkp)).reports.map((r) => r.title)
    assert.ok((await titles('county')).includes('Intern lägesbild'))
    assert.ok((await titles('reader')).includes('Intern lägesbild'))
    assert.ok(!(await titles('norrkoping')).includes('Intern lägesbild'))
    assert.ok((await titles('norrkoping')).includes('Lägesbild 2025'))
    assert.deepEqual(await titles('otherCounty'), [])
    await assert.rejects(loadReport(t.deps, actors.otherCounty, id), NotFoundError)
  })
})
