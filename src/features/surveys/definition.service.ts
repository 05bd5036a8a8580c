import { audit, type AuditContext } from '../../platform/audit/audit.ts'
import type { Deps } from '../../platform/deps.ts'
import type { Actor } from '../../platform/http/actor.ts'
import type { Ctx } from '../../platform/http/ctx.ts'
import { DomainError, ForbiddenError, NotFoundError, StaleVersionError } from '../../platform/http/errors.ts'
import { findOrganisation } from '../organisations/index.ts'
import * as repo from './definition.repo.ts'
import { type DefinitionProblem, type QuestionDefinition, type SurveyDefinition, parseDefinition, parseQuestions } from './definition.schemas.ts'
import { canEditSurvey, canReadSurvey, mayCoverArea, type SurveyOwner } from './surveys.policy.ts'
import { findSurvey, listQuestions, type Survey, type SurveyQuestion } from './surveys.repo.ts'
import { actorCounties } from './surveys.service.ts'

/**
 * Survey definitions (issue 9 §4): a survey and its questions written in one transaction with its
 * audit record. A user acts through `Ctx` (the policy of surveys.policy.ts decides); the CLI and the
 * seed act as the system, under a label.
 */

/** The system acting without a user (the CLI, the seed), named in the audit trail. */
export interface SystemCtx {
  system: string
}
export type ActingCtx = Ctx | SystemCtx

export const isSystem = (ctx: ActingCtx): ctx is SystemCtx => 'system' in ctx
export const auditContextOf = (ctx: ActingCtx): AuditContext => (isSystem(ctx) ? { actor: { label: ctx.system } } : ctx)

/** A definition that does not hold: every problem with its JSON path ("questions.2.reported.0"). */
export class InvalidDefinitionError extends DomainError {
  constructor(public readonly problems: DefinitionProblem[]) {
    super('invalid_definition', 'surveyDefinition.errors.invalidDefinition', 422, undefined, { count: problems.length })
  }
}

const accessOf = (s: Pick<Survey, 'organisationId' | 'countyCode' | 'visibility'>) => ({
  organisationId: s.organisationId,
  countyCode: s.countyCode,
  visibility: s.visibility,
})

async function requireEditor(deps: Deps, ctx: ActingCtx, access: ReturnType<typeof accessOf>): Promise<void> {
  if (isSystem(ctx)) return
  if (!canEditSurvey(ctx.actor, access, await actorCounties(deps, ctx.actor))) throw new ForbiddenError()
}

/**
 * A survey the acting party may change: 404 when it does not exist (or the actor may not even read
 * it), 403 when they may read it but not change it. @throws NotFoundError, ForbiddenError
 */
export async function loadEditableSurvey(deps: Deps, ctx: ActingCtx, surveyId: string): Promise<{ survey: Survey; questions: SurveyQuestion[] }> {
  const survey = /^[0-9a-f-]{36}$/i.test(surveyId) ? await findSurvey(deps.db, surveyId) : undefined
  if (!survey) throw new NotFoundError()
  if (!isSystem(ctx)) {
    const counties = await actorCounties(deps, ctx.actor)
    if (!canReadSurvey(ctx.actor, accessOf(survey), counties)) throw new NotFoundError()
    if (!canEditSurvey(ctx.actor, accessOf(survey), counties)) throw new ForbiddenError()
  }
  return { survey, questions: await listQuestions(deps.db, survey.id) }
}

/**
 * Creates a survey of `organisationId` from a definition (the parsed JSON file or a form's values).
 * The survey's county is the organisation's, or for a party without one (a state agency) that of its
 * areas. @throws InvalidDefinitionError, NotFoundError, ForbiddenError
 */
export async function createSurvey(
  deps: Deps,
  ctx: ActingCtx,
  organisationId: string,
  input: unknown,
  options: { isSynthetic?: boolean; questionsOptional?: boolean } = {},
): Promise<Survey> {
  const parsed = parseDefinition(input, { questionsOptional: options.questionsOptional })
  if (!parsed.ok) throw new InvalidDefinitionError(parsed.problems)
  let d = parsed.definition
  const organisation = await findOrganisation(deps.db, organisationId)
  if (!organisation) throw new NotFoundError()
  const areaCounties = await repo.municipalitiesByCode(deps.db, d.areas)
  const unknown = d.areas.flatMap((code, i) =>
    areaCounties.has(code) ? [] : [{ path: `areas.${i}`, key: 'surveyDefinition.errors.areaUnknown', params: { code } }],
  )
  if (unknown.length) throw new InvalidDefinitionError(unknown)
  const countyCode = organisation.countyCode ?? (d.areas.length ? areaCounties.get(d.areas[0]) : undefined)
  if (!countyCode) throw new InvalidDefinitionError([{ path: 'areas', key: 'surveyDefinition.errors.noCounty' }])
  await requireEditor(deps, ctx, { organisationId, countyCode, visibility: d.visibility })
  if (!isSystem(ctx)) {
    // Without areas an import takes whatever municipalities its rows name: a user's survey covers
    // instead every municipality they may give it (a municipality's editor their own).
    if (d.areas.length === 0) d = { ...d, areas: await defaultAreas(deps, ctx.actor, { ...organisation, countyCode }) }
    else {
      const refused = await areasRefused(deps, ctx.actor, { ...organisation, countyCode }, d.areas, areaCounties)
      if (refused.length) throw new InvalidDefinitionError(refused)
    }
  }
  return deps.db.transaction(async (tx) => {
    const survey = await repo.insertSurvey(tx, {
      name: d.name,
      kind: d.kind,
      description: d.description ?? '',
      organisationId,
      countyCode,
      attribution: d.attribution || `Källa: ${d.name}, ${organisation.name}`,
      areas: d.areas,
      suppressionThreshold: d.suppressionThreshold,
      visibility: d.visibility,
      isSynthetic: options.isSynthetic ?? false,
    })
    await repo.writeQuestions(tx, survey.id, d.questions)
    await audit(tx, auditContextOf(ctx), {
      action: 'survey.created',
      entityType: 'survey',
      entityId: survey.id,
      organisationId,
      after: { ...d, id: survey.id, countyCode },
    })
    return survey
  })
}

/**
 * The areas of `areas` the actor may not give a survey of `owner` (surveys.policy.ts), as problems on
 * their place in the list; `kept` are already the survey's and stay whoever edits it.
 */
export async function areasRefused(
  deps: Deps,
  actor: Actor,
  owner: SurveyOwner,
  areas: readonly string[],
  countyOf: ReadonlyMap<string, string>,
  kept: readonly string[] = [],
): Promise<DefinitionProblem[]> {
  const counties = await actorCounties(deps, actor)
  return areas.flatMap((code, i) =>
    kept.includes(code) || mayCoverArea(actor, owner, { code, countyCode: countyOf.get(code) ?? '' }, counties)
      ? []
      : [{ path: `areas.${i}`, key: 'surveyDefinition.errors.areaNotAllowed', params: { code } }],
  )
}

/** The municipalities of the owner's county the actor may give its survey (surveys.policy.ts), by code. */
export async function defaultAreas(deps: Deps, actor: Actor, owner: SurveyOwner): Promise<string[]> {
  const [all, counties] = await Promise.all([repo.listMunicipalities(deps.db), actorCounties(deps, actor)])
  return all
    .filter((m) => m.countyCode === owner.countyCode && mayCoverArea(actor, owner, m, counties))
    .map((m) => m.code)
    .sort()
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((v, i) => v === b[i])

/**
 * Replaces a survey's questions (wording, scale, reported codes, order). A question whose data is
 * already imported keeps its answer codes and its reported codes, and cannot be removed: the stored
 * sums were counted with them (remove the import first). Its wording and labels may change.
 * @throws InvalidDefinitionError, NotFoundError, ForbiddenError, StaleVersionError
 */
export async function replaceQuestions(deps: Deps, ctx: ActingCtx, surveyId: string, input: unknown, expectedVersion?: number): Promise<SurveyQuestion[]> {
  const parsed = parseQuestions(input)
  if (!parsed.ok) throw new InvalidDefinitionError(parsed.problems)
  const { survey, questions: before } = await loadEditableSurvey(deps, ctx, surveyId)
  return deps.db.transaction(async (tx) => {
    const withData = await repo.keysWithData(tx, surveyId)
    const problems = lockedChanges(before, parsed.questions, withData)
    if (problems.length) throw new InvalidDefinitionError(problems)
    const touched = await repo.touchSurvey(tx, surveyId, expectedVersion)
    if (!touched) throw new StaleVersionError()
    const after = await repo.writeQuestions(tx, surveyId, parsed.questions)
    await audit(tx, auditContextOf(ctx), {
      action: 'survey.questions_replaced',
      entityType: 'survey',
      entityId: surveyId,
      organisationId: survey.organisationId,
      before: before.map(definitionOfQuestion),
      after: parsed.questions,
    })
    return after
  })
}

function lockedChanges(before: readonly SurveyQuestion[], after: readonly QuestionDefinition[], withData: ReadonlySet<string>): DefinitionProblem[] {
  const problems: DefinitionProblem[] = []
  for (const old of before) {
    if (!withData.has(old.key)) continue
    const i = after.findIndex((q) => q.key === old.key)
    if (i === -1) {
      problems.push({ path: 'questions', key: 'surveyDefinition.errors.questionHasData', params: { key: old.key } })
      continue
    }
    const q = after[i]
    const codes = (xs: readonly { code: string }[]) => xs.map((a) => a.code)
    if (!sameList(codes(old.answers), codes(q.answers)) || !sameList([...old.reported].sort(), [...q.reported].sort()))
      problems.push({ path: `questions.${i}`, key: 'surveyDefinition.errors.scaleHasData', params: { key: old.key } })
  }
  return problems
}

/** A stored question as the definition file writes it. */
export function definitionOfQuestion(q: SurveyQuestion): QuestionDefinition {
  return {
    key: q.key,
    text: q.text,
    answers: q.answers,
    reported: q.reported,
    reportedLabel: q.reportedLabel,
    ...(q.placeType ? { placeType: q.placeType } : {}),
    ...(q.timeOfDay ? { timeOfDay: q.timeOfDay } : {}),
  }
}

/** A stored survey as a definition file (answers as {"1": "Mycket trygg", …}), e.g. to edit and load again. */
export function definitionOf(survey: Survey, questions: readonly SurveyQuestion[]): Record<string, unknown> {
  const d: Omit<SurveyDefinition, 'questions'> & { questions: unknown[] } = {
    name: survey.name,
    kind: survey.kind,
    description: survey.description || undefined,
    attribution: survey.attribution,
    suppressionThreshold: survey.suppressionThreshold,
    areas: survey.areas,
    visibility: survey.visibility,
    questions: questions.map((q) => ({ ...definitionOfQuestion(q), answers: Object.fromEntries(q.answers.map((a) => [a.code, a.label])) })),
  }
  return JSON.parse(JSON.stringify(d))
}

/** The survey a definition names for an organisation, if it exists (the CLI imports into it again). */
export async function findSurveyByName(deps: Deps, organisationId: string, name: string): Promise<Survey | undefined> {
  return repo.findSurveyByName(deps.db, organisationId, name.trim())
}
