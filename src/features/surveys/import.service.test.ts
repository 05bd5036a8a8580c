import assert from 'node:assert/strict'
import { Readable } from 'node:stream'
import { after, before, describe, test } from 'node:test'
import { and, eq } from 'drizzle-orm'
import { auditEvents } from '../../platform/audit/audit.tables.ts'
import type { Actor } from '../../platform/http/actor.ts'
import { ForbiddenError, StaleVersionError } from '../../platform/http/errors.ts'
import { buildUser } from '../../test-support/factories.ts'
import { type TestApp, buildTestApp } from '../../test-support/test-app.ts'
import { actorForUser } from '../accounts/sessions.service.ts'
import { findOrganisationByCode } from '../organisations/index.ts'
import { createSurvey, definitionOf, InvalidDefinitionError, replaceQuestions } from './definition.service.ts'
import { importSurveyFile } from './import.service.ts'
import { DEFINITION } from './surveys-import.test-factories.ts'
import { listQuestions } from './surveys.repo.ts'
import { surveyAreaSums, surveyCellSums, surveyImports } from './surveys.tables.ts'

/** Issue 9 §4–5 on a real database: definitions, and the all-or-nothing import of a microdata file. */

const GOOD =
  'kommun;ar;kon;aldersgrupp;vikt;gator_torg_kvall;parker_kvall\n0580;2021;kvinna;16-29;1,5;1;3\n0580;2021;kvinna;16-29;0,5;4;1\n0580;2021;man;30-49;2;2;\n'

describe('survey definitions and imports', () => {
  let t: TestApp
  let editor: Actor
  let viewer: Actor
  let other: Actor
  let linkoping: string

  before(async () => {
    t = await buildTestApp()
    linkoping = (await findOrganisationByCode(t.deps.db, 'kommun-0580'))!.id
    editor = (await actorForUser(t.deps, (await buildUser(t.deps, { role: 'editor' })).id, 'session'))!
    viewer = (await actorForUser(t.deps, (await buildUser(t.deps, { role: 'viewer' })).id, 'session'))!
    other = (await actorForUser(t.deps, (await buildUser(t.deps, { role: 'editor', organisationCode: 'kommun-0581' })).id, 'session'))!
  })
  after(() => t.close())

  const sums = (importId: string) => t.deps.db.select().from(surveyCellSums).where(eq(surveyCellSums.importId, importId))
  const importsOf = (surveyId: string) => t.deps.db.select().from(surveyImports).where(eq(surveyImports.surveyId, surveyId))
  const audited = (surveyId: string, action: string) =>
    t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, surveyId), eq(auditEvents.action, action)))

  test('a definition is checked: reported codes from the scale, unique keys, key format, known areas', async () => {
    const bad = {
      ...DEFINITION,
      areas: ['0580', '9999'],
      questions: [
        { ...DEFINITION.questions[0], reported: ['1', '7'] },
        { ...DEFINITION.questions[1], key: 'gator_torg_kvall' },
        { ...DEFINITION.questions[1], key: 'Parker kväll' },
        { ...DEFINITION.questions[1], key: 'vikt' },
      ],
    }
    const err = await createSurvey(t.deps, { actor: editor }, linkoping, bad).catch((e) => e)
    assert.ok(err instanceof InvalidDefinitionError)
    assert.deepEqual(
      err.problems.map((p: { path: string; key: string }) => [p.path, p.key]),
      [
        ['questions.0.reported.1', 'surveyDefinition.errors.reportedUnknown'],
        ['questions.2.key', 'surveyDefinition.errors.keyFormat'],
        ['questions.3.key', 'surveyDefinition.errors.keyReserved'],
        ['questions.1.key', 'surveyDefinition.errors.keyDuplicate'],
      ],
    )
    const unknownArea = await createSurvey(t.deps, { actor: editor }, linkoping, { ...DEFINITION, areas: ['9999'] }).catch((e) => e)
    assert.deepEqual(unknownArea.problems, [{ path: 'areas.0', key: 'surveyDefinition.errors.areaUnknown', params: { code: '9999' } }])
  })

  test('only those who may edit the organisation’s surveys create one', async () => {
    await assert.rejects(createSurvey(t.deps, { actor: viewer }, linkoping, DEFINITION), ForbiddenError)
    await assert.rejects(createSurvey(t.deps, { actor: other }, linkoping, DEFINITION), ForbiddenError)
  })

  test('a survey with its questions in one transaction, audited; the definition reads back', async () => {
    const survey = await createSurvey(t.deps, { actor: editor }, linkoping, DEFINITION)
    assert.equal(survey.countyCode, '05')
    assert.equal(survey.attribution, 'Källa: Medborgarenkät Linköping, Linköpings kommun')
    const questions = await listQuestions(t.deps.db, survey.id)
    assert.deepEqual(
      questions.map((q) => [q.key, q.position, q.reported, q.answers[0]]),
      [
        ['gator_torg_kvall', 1, ['1', '2'], { code: '1', label: 'Mycket trygg' }],
        ['parker_kvall', 2, ['1', '2'], { code: '1', label: 'Mycket trygg' }],
      ],
    )
    assert.equal((await audited(survey.id, 'survey.created')).length, 1)
    const back = definitionOf(survey, questions) as typeof DEFINITION
    assert.deepEqual(back.questions[0].answers, DEFINITION.questions[0].answers)
    assert.equal(back.name, DEFINITION.name)
  })

  test('a file with an error stores nothing; a good one stores its sums; the same file twice is refused', async () => {
    const survey = await createSurvey(t.deps, { actor: editor }, linkoping, { ...DEFINITION, name: 'Import' })
    const bad = `${GOOD}0580;2021;man;30-49;0;2;1\n0581;2021;man;30-49;1;2;1\n`
    const refused = await importSurveyFile(t.deps, { actor: editor }, survey.id, { fileName: 'enkat.csv', data: Buffer.from(bad) })
    assert.equal(refused.ok, false)
    assert.deepEqual(!refused.ok && refused.problems.map((p) => [p.row, p.column, p.key]), [
      [5, 'vikt', 'weightNotPositive'],
      [6, 'kommun', 'areaOutsideSurvey'],
    ])
    assert.equal((await importsOf(survey.id)).length, 0)
    assert.equal((await t.deps.db.select().from(surveyCellSums).where(eq(surveyCellSums.surveyId, survey.id))).length, 0)
    assert.equal((await audited(survey.id, 'survey.imported')).length, 0)

    await assert.rejects(importSurveyFile(t.deps, { actor: viewer }, survey.id, { fileName: 'enkat.csv', data: Buffer.from(GOOD) }), ForbiddenError)

    const done = await importSurveyFile(t.deps, { actor: editor }, survey.id, { fileName: 'enkat.csv', data: Buffer.from(GOOD) })
    assert.ok(done.ok, JSON.stringify(done))
    assert.deepEqual([done.respondents, done.answers, done.years, done.cells], [3, 5, [2021], 3])
    const rows = await sums(done.importId)
    const women = rows.find((r) => r.questionKey === 'gator_torg_kvall' && r.sex === 'kvinna')!
    assert.deepEqual(
      [women.n, women.sumW, women.sumWy, women.sumW2, women.sumW2y, women.municipalityCode, women.ageGroup],
      [2, 2, 1.5, 2.5, 2.25, '0580', '16-29'],
    )
    // The roll-up the pages read has the municipality, its county and the country.
    const rolled = await t.deps.db
      .select()
      .from(surveyAreaSums)
      .where(and(eq(surveyAreaSums.surveyId, survey.id), eq(surveyAreaSums.questionKey, 'gator_torg_kvall'), eq(surveyAreaSums.sex, 'kvinna')))
    assert.deepEqual(rolled.map((r) => [r.areaCode, r.n, r.sumWy]).sort(), [
      ['00', 2, 1.5],
      ['05', 2, 1.5],
      ['0580', 2, 1.5],
    ])
    const [imported] = await importsOf(survey.id)
    assert.deepEqual([imported.fileName, imported.respondents, imported.answers, imported.createdBy], ['enkat.csv', 3, 5, editor.userId])
    const [event] = await audited(survey.id, 'survey.imported')
    const trail = event.after as Record<string, unknown>
    assert.equal(trail.sha256, imported.sha256)
    assert.equal(trail.respondents, 3)
    assert.ok(!JSON.stringify(trail).includes('16-29'), 'the audit record holds counts, never rows')

    const again = await importSurveyFile(t.deps, { actor: editor }, survey.id, { fileName: 'samma.csv', data: Readable.from([Buffer.from(GOOD)]) })
    assert.equal(again.ok, false)
    assert.equal(!again.ok && again.problems[0].key, 'duplicateFile')
    const sameBytes = await importSurveyFile(t.deps, { actor: editor }, survey.id, { fileName: 'samma.csv', data: Buffer.from(GOOD) })
    assert.equal(!sameBytes.ok && sameBytes.problems[0].key, 'duplicateFile')
    assert.equal((await importsOf(survey.id)).length, 1)
  })

  test('questions with imported data keep their scale; their wording may change; a stale version is refused', async () => {
    const survey = await createSurvey(t.deps, { actor: editor }, linkoping, { ...DEFINITION, name: 'Frågor' })
    const done = await importSurveyFile(t.deps, { actor: editor }, survey.id, { fileName: 'a.csv', data: Buffer.from(GOOD) })
    assert.ok(done.ok)
    const [q1, q2] = DEFINITION.questions
    const changed = await replaceQuestions(t.deps, { actor: editor }, survey.id, [{ ...q1, reported: ['1'] }]).catch((e) => e)
    assert.ok(changed instanceof InvalidDefinitionError)
    assert.deepEqual(
      changed.problems.map((p: { key: string }) => p.key),
      ['surveyDefinition.errors.scaleHasData', 'surveyDefinition.errors.questionHasData'],
    )
    const newer = { key: 'ny_fraga', text: 'Ny fråga', answers: { ja: 'Ja', nej: 'Nej' }, reported: ['ja'], reportedLabel: 'oroliga' }
    const after = await replaceQuestions(t.deps, { actor: editor }, survey.id, [newer, { ...q2, text: 'Ny lydelse' }, q1], survey.version)
    assert.deepEqual(
      after.map((q) => [q.key, q.position, q.text.slice(0, 10)]),
      [
        ['ny_fraga', 1, 'Ny fråga'],
        ['parker_kvall', 2, 'Ny lydelse'],
        ['gator_torg_kvall', 3, 'Hur trygg '],
      ],
    )
    await assert.rejects(replaceQuestions(t.deps, { actor: editor }, survey.id, [newer, q2, q1], survey.version), StaleVersionError)
    await assert.rejects(replaceQuestions(t.deps, { actor: other }, survey.id, [newer, q2, q1]), ForbiddenError)
    assert.equal((await audited(survey.id, 'survey.questions_replaced')).length, 1)
  })
})
