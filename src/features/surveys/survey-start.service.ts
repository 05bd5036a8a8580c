import { audit } from '../../platform/audit/audit.ts'
import type { Deps } from '../../platform/deps.ts'
import type { Actor } from '../../platform/http/actor.ts'
import type { Ctx } from '../../platform/http/ctx.ts'
import { StaleVersionError } from '../../platform/http/errors.ts'
import * as repo from './definition.repo.ts'
import { parseDefinition } from './definition.schemas.ts'
import { InvalidDefinitionError, areasRefused, defaultAreas, loadEditableSurvey } from './definition.service.ts'
import { canCreateSurveyFor, mayCoverArea } from './surveys.policy.ts'
import type { Survey } from './surveys.repo.ts'
import { actorCounties } from './surveys.service.ts'

/**
 * Starting a survey in the browser and changing its name and areas (issue 9 §4). The survey itself is
 * written by createSurvey (definition.service.ts), the CLI's own path, so both check a definition
 * alike; this file decides what the forms offer.
 */

export interface Municipality {
  code: string
  name: string
  countyCode: string
}

export interface StartOptions {
  /** The parties the actor may start a survey for (surveys.policy.ts canCreateSurveyFor). */
  owners: { id: string; name: string; countyCode: string | null; municipalityCode: string | null }[]
  /** The municipalities some of those surveys may cover (mayCoverArea), by name. */
  areas: Municipality[]
}

/** What the new-survey form offers the actor; no owners means they may not start one. */
export async function startOptions(deps: Deps, actor: Actor | undefined): Promise<StartOptions> {
  if (!actor) return { owners: [], areas: [] }
  const mine = [...new Set(actor.roles.map((r) => r.organisationId))].filter((id) => canCreateSurveyFor(actor, id))
  const owners = await repo.organisationsByIds(deps.db, mine)
  if (owners.length === 0) return { owners, areas: [] }
  const [all, counties] = await Promise.all([repo.listMunicipalities(deps.db), actorCounties(deps, actor)])
  return { owners, areas: all.filter((m) => owners.some((o) => mayCoverArea(actor, o, m, counties))) }
}

/** The municipalities the name-and-areas form offers for a survey: its own, and those the actor may add. */
export async function editableAreas(deps: Deps, actor: Actor, survey: Survey): Promise<Municipality[]> {
  const [all, counties, owners] = await Promise.all([
    repo.listMunicipalities(deps.db),
    actorCounties(deps, actor),
    repo.organisationsByIds(deps.db, [survey.organisationId]),
  ])
  const owner = { id: survey.organisationId, countyCode: survey.countyCode, municipalityCode: owners[0]?.municipalityCode ?? null }
  return all.filter((m) => survey.areas.includes(m.code) || mayCoverArea(actor, owner, m, counties))
}

/**
 * Renames a survey and sets the municipalities it covers (none chosen: every one the actor may give
 * it). An area the survey already has stays
 * whoever edits it; a new one must be one the actor may give it (surveys.policy.ts). The attribution
 * follows the name when it still is the one made from it. One transaction, audited.
 * @throws InvalidDefinitionError, NotFoundError, ForbiddenError, StaleVersionError
 */
export async function updateSurveyHead(
  deps: Deps,
  ctx: Ctx,
  surveyId: string,
  input: { name: string; areas: string[] },
  expectedVersion?: number,
): Promise<Survey> {
  const { survey } = await loadEditableSurvey(deps, ctx, surveyId)
  const parsed = parseDefinition({ name: input.name, areas: input.areas }, { questionsOptional: true })
  if (!parsed.ok) throw new InvalidDefinitionError(parsed.problems)
  const { name } = parsed.definition
  const owner = (await repo.organisationsByIds(deps.db, [survey.organisationId]))[0]
  const policyOwner = { id: survey.organisationId, countyCode: survey.countyCode, municipalityCode: owner?.municipalityCode ?? null }
  // None chosen: every municipality the actor may give it, as when it was started (definition.service.ts).
  const areas = parsed.definition.areas.length ? parsed.definition.areas : await defaultAreas(deps, ctx.actor, policyOwner)
  const countyOf = await repo.municipalitiesByCode(deps.db, areas)
  const unknown = areas.flatMap((code, i) => (countyOf.has(code) ? [] : [{ path: `areas.${i}`, key: 'surveyDefinition.errors.areaUnknown', params: { code } }]))
  if (unknown.length) throw new InvalidDefinitionError(unknown)
  const refused = await areasRefused(deps, ctx.actor, policyOwner, areas, countyOf, survey.areas)
  if (refused.length) throw new InvalidDefinitionError(refused)
  const madeFromName = `Källa: ${survey.name}, ${owner?.name ?? ''}`
  const attribution = survey.attribution === madeFromName ? `Källa: ${name}, ${owner?.name ?? ''}` : survey.attribution
  return deps.db.transaction(async (tx) => {
    const after = await repo.updateSurveyHead(tx, surveyId, { name, areas, attribution }, expectedVersion)
    if (!after) throw new StaleVersionError()
    await audit(tx, ctx, {
      action: 'survey.updated',
      entityType: 'survey',
      entityId: surveyId,
      organisationId: survey.organisationId,
      before: { name: survey.name, areas: survey.areas, attribution: survey.attribution },
      after: { name, areas, attribution },
    })
    return after
  })
}
