import { audit } from '../../platform/audit/audit.ts'
import type { Db } from '../../platform/db/types.ts'
import type { Deps } from '../../platform/deps.ts'
import type { Actor } from '../../platform/http/actor.ts'
import type { Ctx } from '../../platform/http/ctx.ts'
import { ForbiddenError, NotFoundError, StaleVersionError } from '../../platform/http/errors.ts'
import { compareSv } from '../../platform/i18n/collate.ts'
import { formatIsoDate } from '../../platform/i18n/format.ts'
import { type MunicipalityPoliceArea, findOrganisation, municipalityPoliceAreas, organisationChain } from '../organisations/index.ts'
import { type WorkProcessPlanFact, workProcessPlanFacts } from '../plans/index.ts'
import { type AdoptedReportFact, adoptedReportFacts, whereActorWorks } from '../situation-reports/index.ts'
import { type ManualCheck, type PairFacts, type PointResult, type StepResult, derivePair } from './work-process.derive.ts'
import { type ActorCounties, type PairAccess, canEditPair, canReadPair, factScope } from './work-process.policy.ts'
import * as repo from './work-process.repo.ts'
import type { CheckInput } from './work-process.schemas.ts'
import { type PointKey, type StepKey, isPointKey, pointOf } from './work-process.steps.ts'

export const todayInSweden = (now = new Date()) => formatIsoDate(now)

const validOn = (p: Pick<MunicipalityPoliceArea, 'validFrom' | 'validTo'>, day: string) => p.validFrom <= day && (!p.validTo || p.validTo >= day)

const toManual = (c: repo.Check): ManualCheck => ({
  checkKey: c.checkKey,
  state: c.state,
  doneOn: c.doneOn,
  evidenceUrl: c.evidenceUrl,
  note: c.note,
  version: c.version,
  updatedAt: c.updatedAt,
})

const sorted = (pairs: MunicipalityPoliceArea[]) =>
  [...pairs].sort((a, b) => compareSv(a.municipalityName, b.municipalityName) || compareSv(a.policeAreaName, b.policeAreaName))

/** Which records a viewer may see (factScope), applied to the facts of one pair. */
interface Scope {
  allPlans: boolean
  allReports: boolean
}
const ALL: Scope = { allPlans: true, allReports: true }
const shared = (v: string) => v === 'public' || v === 'partners'

function pairFacts(
  pair: MunicipalityPoliceArea,
  chain: readonly string[],
  reports: readonly AdoptedReportFact[],
  plans: readonly WorkProcessPlanFact[],
  scope: Scope,
): PairFacts {
  return {
    municipalityId: pair.municipalityId,
    policeAreaChain: chain,
    reports: reports.filter((r) => r.organisationId === pair.municipalityId && (scope.allReports || shared(r.visibility))),
    plans: plans.filter((p) => p.organisationId === pair.municipalityId && (scope.allPlans || shared(p.visibility))),
  }
}

/** The county's pairs valid today and what the platform holds for them: a handful of queries for a whole county. */
async function countyData(db: Db, countyCode: string, today: string) {
  const pairs = sorted((await municipalityPoliceAreas(db, countyCode)).filter((p) => validOn(p, today)))
  const municipalityIds = pairs.map((p) => p.municipalityId)
  // One after the other: the yearly report reads this inside its adoption transaction (one connection).
  const reports = await adoptedReportFacts(db, municipalityIds)
  const plans = await workProcessPlanFacts(db, municipalityIds)
  const checks = await repo.listChecksOfMunicipalities(db, municipalityIds)
  const chains = new Map<string, string[]>()
  for (const id of new Set(pairs.map((p) => p.policeAreaId))) chains.set(id, await organisationChain(db, id))
  return { pairs, reports, plans, checks, chains }
}

export interface PairOverview {
  municipalityId: string
  municipalityName: string
  municipalityCode: string
  policeAreaId: string
  policeAreaName: string
  steps: {
    key: StepKey
    number: number
    state: StepResult['state']
    done: number
    total: number
    /** Each point's state and date, and whether the platform or a user decided it (no notes or links). */
    points: { key: PointKey; auto: boolean; state: PointResult['state']; date: string | null; source: PointResult['source'] }[]
  }[]
}

/**
 * Brå's five steps for every municipality–police-area pair of a county valid on `today`, each step
 * with its state and how many of its applicable points are done — for the law tracker and the yearly
 * reports. It reads every record whatever its visibility (what Länsstyrelsen's coordinators see): a
 * caller showing it to others applies its own rule, or passes `scope` to count only records shared
 * with the partners.
 */
export function workProcessOverview(db: Db, countyCode: string, today: string, scope: 'all' | 'partners' = 'all'): Promise<PairOverview[]> {
  return overviewWith(db, countyCode, today, () => (scope === 'all' ? ALL : { allPlans: false, allReports: false }))
}

/** The overview with the records each pair's viewer may read (perPair decides, from the pair and its police chain). */
async function overviewWith(
  db: Db,
  countyCode: string,
  today: string,
  perPair: (pair: MunicipalityPoliceArea, chain: readonly string[]) => Scope,
): Promise<PairOverview[]> {
  const data = await countyData(db, countyCode, today)
  return data.pairs.map((pair) => {
    const chain = data.chains.get(pair.policeAreaId) ?? [pair.policeAreaId]
    const s = perPair(pair, chain)
    const checks = data.checks.filter((c) => c.municipalityId === pair.municipalityId && c.policeAreaId === pair.policeAreaId).map(toManual)
    const steps = derivePair(pairFacts(pair, chain, data.reports, data.plans, s), checks)
    return {
      municipalityId: pair.municipalityId,
      municipalityName: pair.municipalityName,
      municipalityCode: pair.municipalityCode,
      policeAreaId: pair.policeAreaId,
      policeAreaName: pair.policeAreaName,
      steps: steps.map((s) => ({ ...s, points: s.points.map((p) => ({ key: p.key, auto: p.auto, state: p.state, date: p.date, source: p.source })) })),
    }
  })
}

/** The counties whose overview the actor may open: where they work, and every county for the admin. */
export async function overviewCounties(deps: Deps, actor: Actor): Promise<{ where: ActorCounties; counties: string[] }> {
  const where = await whereActorWorks(deps, actor)
  return { where, counties: [...new Set([...where.coordinatorOf, ...where.counties])].sort() }
}

/**
 * The county overview for the signed-in user: the county asked for (one they work in; any for the
 * admin) or their first. Every pair's steps, counted over the records this viewer may read.
 * @throws NotFoundError (a county the actor does not work in)
 */
export async function countyOverview(deps: Deps, actor: Actor, county: string | undefined, today = todayInSweden()) {
  const { where, counties } = await overviewCounties(deps, actor)
  const admin = actor.roles.some((r) => r.role === 'admin')
  const countyCode = county ?? counties[0]
  if (!countyCode) return { countyCode: undefined, counties, rows: [], own: [] }
  if (!counties.includes(countyCode) && !admin) throw new NotFoundError()
  // The actor's own pairs: their municipality, or a police area they work at or above.
  const mine = new Set(actor.roles.map((r) => r.organisationId))
  const ownPairs = new Set<string>()
  const rows = await overviewWith(deps.db, countyCode, today, (pair, chain) => {
    if (mine.has(pair.municipalityId) || chain.some((id) => mine.has(id))) ownPairs.add(`${pair.municipalityId}|${pair.policeAreaId}`)
    return factScope(actor, { municipalityId: pair.municipalityId, policeAreaChain: chain, countyCode: pair.countyCode }, where)
  })
  const own = rows.filter((r) => ownPairs.has(`${r.municipalityId}|${r.policeAreaId}`))
  return { countyCode, counties, rows, own }
}

export interface PairContext {
  pair: MunicipalityPoliceArea
  access: PairAccess
  where: ActorCounties
  canEdit: boolean
}

/**
 * A pair the actor may read: the municipality and a police area the reference data has covering it
 * (now or before). Anything else, and a pair of a county the actor does not work in, is a 404.
 * @throws NotFoundError
 */
export async function loadPair(
  deps: Deps,
  actor: Actor | undefined,
  municipalityId: string,
  policeAreaId: string,
  today = todayInSweden(),
): Promise<PairContext> {
  const municipality = await findOrganisation(deps.db, municipalityId)
  if (municipality?.kind !== 'municipality' || !municipality.countyCode) throw new NotFoundError()
  const spans = (await municipalityPoliceAreas(deps.db, municipality.countyCode)).filter(
    (p) => p.municipalityId === municipalityId && p.policeAreaId === policeAreaId,
  )
  const pair = spans.find((p) => validOn(p, today)) ?? spans.at(-1)
  if (!pair) throw new NotFoundError()
  const access: PairAccess = { municipalityId, policeAreaChain: await organisationChain(deps.db, policeAreaId), countyCode: pair.countyCode }
  const where = await whereActorWorks(deps, actor)
  if (!canReadPair(actor, access, where)) throw new NotFoundError()
  return { pair, access, where, canEdit: canEditPair(actor, access, where) }
}

/** The pair page: the five steps with every point's state, date, evidence and the user's check. @throws NotFoundError */
export async function pairPage(deps: Deps, actor: Actor | undefined, municipalityId: string, policeAreaId: string, today = todayInSweden()) {
  const ctx = await loadPair(deps, actor, municipalityId, policeAreaId, today)
  const [reports, plans, checks] = await Promise.all([
    adoptedReportFacts(deps.db, [municipalityId]),
    workProcessPlanFacts(deps.db, [municipalityId]),
    repo.listChecks(deps.db, municipalityId, policeAreaId),
  ])
  const facts = pairFacts(ctx.pair, ctx.access.policeAreaChain, reports, plans, factScope(actor, ctx.access, ctx.where))
  return { ...ctx, steps: derivePair(facts, checks.map(toManual)) }
}

/** The check form of one point: the pair, the point and its check, for those who may record it. @throws NotFoundError, ForbiddenError */
export async function checkContext(deps: Deps, actor: Actor | undefined, municipalityId: string, policeAreaId: string, checkKey: string) {
  if (!isPointKey(checkKey)) throw new NotFoundError()
  const page = await pairPage(deps, actor, municipalityId, policeAreaId)
  if (!page.canEdit) throw new ForbiddenError()
  const result = page.steps.flatMap((s) => s.points).find((p) => p.key === checkKey)!
  const check = await repo.findCheck(deps.db, municipalityId, policeAreaId, checkKey)
  return { ...page, point: pointOf(checkKey as PointKey), result, check }
}

const checkValues = (input: CheckInput) => ({
  state: input.state,
  // A date belongs to a point that is done; the database refuses done without one.
  doneOn: input.state === 'done' ? (input.doneOn ?? null) : null,
  evidenceUrl: input.evidenceUrl ?? null,
  note: input.note ?? '',
})

/**
 * Records a point's check. The first save creates it; a save with the version the form was opened with
 * updates it; a save that was overtaken overwrites nothing (StaleVersionError carries what is stored).
 * @throws NotFoundError, ForbiddenError, StaleVersionError
 */
export async function saveCheck(deps: Deps, ctx: Ctx, municipalityId: string, policeAreaId: string, checkKey: string, input: CheckInput): Promise<repo.Check> {
  await checkContext(deps, ctx.actor, municipalityId, policeAreaId, checkKey)
  return deps.db.transaction(async (tx) => {
    const values = checkValues(input)
    const existing = await repo.findCheck(tx, municipalityId, policeAreaId, checkKey)
    if (input.version === undefined) {
      if (existing) throw new StaleVersionError(existing)
      const created = await repo.insertCheck(tx, { ...values, municipalityId, policeAreaId, checkKey, updatedBy: ctx.actor.userId })
      if (!created) throw new StaleVersionError(await repo.findCheck(tx, municipalityId, policeAreaId, checkKey))
      await audit(tx, ctx, {
        action: 'work_process_check.created',
        entityType: 'work_process_check',
        entityId: created.id,
        organisationId: municipalityId,
        after: created,
      })
      return created
    }
    if (!existing) throw new StaleVersionError(undefined)
    const after = await repo.updateCheck(tx, existing.id, input.version, { ...values, updatedBy: ctx.actor.userId })
    if (!after) throw new StaleVersionError(existing)
    await audit(tx, ctx, {
      action: 'work_process_check.updated',
      entityType: 'work_process_check',
      entityId: after.id,
      organisationId: municipalityId,
      before: existing,
      after,
    })
    return after
  })
}

/** A municipality's current police area, for the link from its pages. @throws NotFoundError */
export async function currentPairOf(deps: Deps, actor: Actor | undefined, municipalityId: string, today = todayInSweden()) {
  const municipality = await findOrganisation(deps.db, municipalityId)
  if (municipality?.kind !== 'municipality' || !municipality.countyCode) throw new NotFoundError()
  const pair = (await municipalityPoliceAreas(deps.db, municipality.countyCode)).find((p) => p.municipalityId === municipalityId && validOn(p, today))
  if (!pair) throw new NotFoundError()
  await loadPair(deps, actor, municipalityId, pair.policeAreaId, today)
  return pair
}
