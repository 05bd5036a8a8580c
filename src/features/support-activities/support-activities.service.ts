import { audit } from '../../platform/audit/audit.ts'
import type { Deps } from '../../platform/deps.ts'
import { sortBySv } from '../../platform/i18n/collate.ts'
import { type Actor, isAdmin } from '../../platform/http/actor.ts'
import type { Ctx } from '../../platform/http/ctx.ts'
import { ForbiddenError, NotFoundError, StaleVersionError } from '../../platform/http/errors.ts'
import { formatIsoDate } from '../../platform/i18n/format.ts'
import { type Organisation, findOrganisation, listOrganisations } from '../organisations/index.ts'
import { MunicipalityNotInCounty } from './support-activities.errors.ts'
import { canReadActivity, canWriteActivities } from './support-activities.policy.ts'
import * as repo from './support-activities.repo.ts'
import { type ActivityInput, type UpdateActivityInput, minutesOf } from './support-activities.schemas.ts'
import { SUPPORT_KINDS, type SupportKind } from './support-activities.tables.ts'

export const thisYear = (now = new Date()) => Number(formatIsoDate(now).slice(0, 4))

export interface MunicipalityOption {
  id: string
  name: string
}

/** The county's municipalities valid today, in Swedish order. */
export async function municipalitiesOf(deps: Deps, board: Organisation): Promise<MunicipalityOption[]> {
  if (!board.countyCode) return []
  const rows = await listOrganisations(deps.db, { countyCode: board.countyCode, kind: 'municipality' })
  return sortBySv(
    rows.map((r) => ({ id: r.id, name: r.name })),
    (r) => r.name,
  )
}

async function countyBoard(deps: Deps, id: string | undefined): Promise<Organisation | undefined> {
  const o = id ? await findOrganisation(deps.db, id) : undefined
  return o?.kind === 'county_board' ? o : undefined
}

/**
 * Whose list the actor sees: the länsstyrelse they write for (the one asked for, when they may write
 * for it; else the first of theirs), or — for a municipality's users — their county's länsstyrelse,
 * narrowed to their own municipality's activities. Nobody else has a list. @throws NotFoundError
 */
export async function resolveList(deps: Deps, actor: Actor | undefined, boardId: string | undefined) {
  if (!actor) throw new NotFoundError()
  const asked = await countyBoard(deps, boardId)
  if (asked && canWriteActivities(actor, asked.id)) return { board: asked, canWrite: true, onlyMunicipalities: undefined }
  for (const r of actor.roles) {
    if (r.role !== 'coordinator' && r.role !== 'admin') continue
    const b = await countyBoard(deps, r.organisationId)
    if (b && canWriteActivities(actor, b.id)) return { board: b, canWrite: true, onlyMunicipalities: undefined }
  }
  if (isAdmin(actor)) {
    const [first] = await listOrganisations(deps.db, { kind: 'county_board' })
    const b = first && (await countyBoard(deps, first.id))
    if (b) return { board: b, canWrite: true, onlyMunicipalities: undefined }
  }
  for (const orgId of new Set(actor.roles.map((r) => r.organisationId))) {
    const m = await findOrganisation(deps.db, orgId)
    if (m?.kind !== 'municipality' || !m.countyCode) continue
    const [b] = await listOrganisations(deps.db, { countyCode: m.countyCode, kind: 'county_board' })
    const board = b && (await countyBoard(deps, b.id))
    if (board) return { board, canWrite: false, onlyMunicipalities: [m] }
  }
  throw new NotFoundError()
}

export interface ListFilter {
  year: number
  municipalityId?: string
  boardId?: string
}

/** The list page: the activities of the year (and municipality), the summary, and the filter's choices. */
export async function listPage(deps: Deps, actor: Actor | undefined, f: ListFilter) {
  const { board, canWrite, onlyMunicipalities } = await resolveList(deps, actor, f.boardId)
  const municipalities = onlyMunicipalities?.map((m) => ({ id: m.id, name: m.name })) ?? (await municipalitiesOf(deps, board))
  const municipalityId = onlyMunicipalities ? onlyMunicipalities[0].id : municipalities.some((m) => m.id === f.municipalityId) ? f.municipalityId : undefined
  const from = `${f.year}-01-01`
  const to = `${f.year}-12-31`
  const rows = await repo.listActivities(deps.db, board.id, { from, to, municipalityId })
  const years = await repo.activityYears(deps.db, board.id)
  return { board, canWrite, municipalities, restricted: !!onlyMunicipalities, municipalityId, year: f.year, years, rows, summary: summarise(rows) }
}

/** Who may write the länsstyrelse's activities, checked before a form is read. @throws NotFoundError, ForbiddenError */
export async function checkWrite(deps: Deps, actor: Actor | undefined, boardId: string | undefined): Promise<Organisation> {
  const { board, canWrite } = await resolveList(deps, actor, boardId)
  if (!canWrite) throw new ForbiddenError()
  return board
}

export interface ActivityContext {
  activity: repo.SupportActivity
  board: Organisation
  canWrite: boolean
}

/** An activity the actor may read; one they may not is a 404. @throws NotFoundError */
export async function loadActivity(deps: Deps, actor: Actor | undefined, id: string): Promise<ActivityContext> {
  const activity = await repo.findActivity(deps.db, id)
  if (!activity || !canReadActivity(actor, activity)) throw new NotFoundError()
  const board = await findOrganisation(deps.db, activity.organisationId)
  if (!board) throw new NotFoundError()
  return { activity, board, canWrite: canWriteActivities(actor, activity.organisationId) }
}

/** An activity the actor may change (403 when they only read it). @throws NotFoundError, ForbiddenError */
export async function loadEditable(deps: Deps, actor: Actor | undefined, id: string): Promise<ActivityContext> {
  const ctx = await loadActivity(deps, actor, id)
  if (!ctx.canWrite) throw new ForbiddenError()
  return ctx
}

async function checkMunicipality(deps: Deps, board: Organisation, municipalityId: string | undefined): Promise<string | null> {
  if (!municipalityId) return null
  const m = await findOrganisation(deps.db, municipalityId)
  if (m?.kind !== 'municipality' || !board.countyCode || m.countyCode !== board.countyCode) throw new MunicipalityNotInCounty()
  return m.id
}

const valuesOf = (input: ActivityInput, municipalityId: string | null) => ({
  municipalityId,
  kind: input.kind,
  heldOn: input.heldOn,
  title: input.title,
  description: input.description ?? '',
  minutes: minutesOf(input),
  participants: input.participants ?? null,
})

/** @throws NotFoundError, ForbiddenError, MunicipalityNotInCounty */
export async function createActivity(deps: Deps, ctx: Ctx, boardId: string, input: ActivityInput): Promise<repo.SupportActivity> {
  const board = await checkWrite(deps, ctx.actor, boardId)
  const municipalityId = await checkMunicipality(deps, board, input.municipalityId)
  return deps.db.transaction(async (tx) => {
    const activity = await repo.insertActivity(tx, { organisationId: board.id, ...valuesOf(input, municipalityId) })
    await audit(tx, ctx, {
      action: 'support_activity.created',
      entityType: 'support_activity',
      entityId: activity.id,
      organisationId: board.id,
      after: activity,
    })
    return activity
  })
}

/** @throws NotFoundError, ForbiddenError, MunicipalityNotInCounty, StaleVersionError */
export async function updateActivity(deps: Deps, ctx: Ctx, id: string, input: UpdateActivityInput): Promise<repo.SupportActivity> {
  const { activity: before, board } = await loadEditable(deps, ctx.actor, id)
  const municipalityId = await checkMunicipality(deps, board, input.municipalityId)
  return deps.db.transaction(async (tx) => {
    const after = await repo.updateActivity(tx, id, input.version, valuesOf(input, municipalityId))
    if (!after) throw new StaleVersionError(await repo.findActivity(tx, id))
    await audit(tx, ctx, {
      action: 'support_activity.updated',
      entityType: 'support_activity',
      entityId: id,
      organisationId: board.id,
      before,
      after,
    })
    return after
  })
}

/** @throws NotFoundError, ForbiddenError */
export async function removeActivity(deps: Deps, ctx: Ctx, id: string): Promise<repo.SupportActivity> {
  const { board } = await loadEditable(deps, ctx.actor, id)
  return deps.db.transaction(async (tx) => {
    const before = await repo.deleteActivity(tx, id)
    if (!before) throw new NotFoundError()
    await audit(tx, ctx, {
      action: 'support_activity.deleted',
      entityType: 'support_activity',
      entityId: id,
      organisationId: board.id,
      before,
    })
    return before
  })
}

/** One line of the summary: a municipality (null: the whole county), its activities by kind and their time. */
export interface SupportSummaryRow {
  municipalityId: string | null
  municipalityName: string | null
  byKind: Record<SupportKind, number>
  count: number
  /** Minutes recorded (activities without a time count as none). */
  minutes: number
}

/** Per municipality (Swedish order), then the county-wide activities; only those with activities. */
export function summarise(rows: readonly repo.SupportActivityRow[]): SupportSummaryRow[] {
  const by = new Map<string | null, SupportSummaryRow>()
  for (const r of rows) {
    let s = by.get(r.municipalityId)
    if (!s) {
      s = {
        municipalityId: r.municipalityId,
        municipalityName: r.municipalityName,
        byKind: Object.fromEntries(SUPPORT_KINDS.map((k) => [k, 0])) as Record<SupportKind, number>,
        count: 0,
        minutes: 0,
      }
      by.set(r.municipalityId, s)
    }
    s.byKind[r.kind]++
    s.count++
    s.minutes += r.minutes ?? 0
  }
  const named = sortBySv(
    [...by.values()].filter((s) => s.municipalityId !== null),
    (s) => s.municipalityName ?? '',
  )
  const countyWide = by.get(null)
  return countyWide ? [...named, countyWide] : named
}

/** The länsstyrelse's support activities held from `from` to `to` (ÅÅÅÅ-MM-DD, inclusive), oldest first. */
export async function supportActivitiesOf(deps: Deps, countyBoardId: string, from: string, to: string): Promise<repo.SupportActivityRow[]> {
  return repo.listActivities(deps.db, countyBoardId, { from, to })
}

/** Per municipality and county-wide: counts by kind and total minutes, for the report to Brå. */
export async function supportSummary(deps: Deps, countyBoardId: string, from: string, to: string): Promise<SupportSummaryRow[]> {
  return summarise(await supportActivitiesOf(deps, countyBoardId, from, to))
}
