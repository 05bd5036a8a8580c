import { audit } from '../../platform/audit/audit.ts'
import type { Deps } from '../../platform/deps.ts'
import { formatIsoDate } from '../../platform/i18n/format.ts'
import { sortBySv } from '../../platform/i18n/collate.ts'
import { type Actor, isAdmin } from '../../platform/http/actor.ts'
import type { Ctx } from '../../platform/http/ctx.ts'
import { ForbiddenError, NotFoundError, StaleVersionError } from '../../platform/http/errors.ts'
import { coordinationFacts } from '../municipal-models/index.ts'
import { findOrganisationByCode, listCounties, listOrganisations } from '../organisations/index.ts'
import { localPlanFacts } from '../plans/index.ts'
import { situationReportFacts, whereActorWorks } from '../situation-reports/index.ts'
import {
  type Colour,
  type LawSettings,
  type MunicipalityFacts,
  OBLIGATIONS,
  type Obligation,
  type ObligationStatus,
  evaluateMunicipality,
  historyDates,
} from './law-tracker.evaluate.ts'
import * as repo from './law-tracker.repo.ts'
import type { SettingsInput } from './law-tracker.schemas.ts'

export const todayInSweden = (now = new Date()) => formatIsoDate(now)

export interface TrackedMunicipality {
  id: string
  code: string
  name: string
}

export interface MunicipalityRow {
  municipality: TrackedMunicipality
  statuses: ObligationStatus[]
}

export type ColourCounts = Record<Colour, number>
export interface HistoryYear {
  year: number
  asOf: string
  counts: Record<Obligation, ColourCounts>
}

/**
 * Who sees the tracker of a county: everyone working in it (its municipalities, the police, the
 * parties of its collaborations) and its länsstyrelse's coordinators, and the admin. What it shows
 * — that a kommunstyrelse adopted a plan on a date under a § — are public decisions; the plans and
 * lägesbilder themselves stay behind their own visibility. Anyone else gets a 404.
 */
async function checkCountyReader(deps: Deps, actor: Actor | undefined, countyCode: string) {
  if (!actor) throw new NotFoundError()
  if (isAdmin(actor)) return { canEditSettings: true }
  const where = await whereActorWorks(deps, actor)
  const coordinator = where.coordinatorOf.includes(countyCode)
  if (!coordinator && !where.counties.includes(countyCode)) throw new NotFoundError()
  return { canEditSettings: coordinator && actor.via === 'session' }
}

async function findCounty(deps: Deps, countyCode: string) {
  const county = (await listCounties(deps.db)).find((c) => c.code.trim() === countyCode)
  if (!county) throw new NotFoundError()
  return { code: county.code.trim(), name: county.name }
}

async function municipalitiesOf(deps: Deps, countyCode: string): Promise<TrackedMunicipality[]> {
  const rows = await listOrganisations(deps.db, { countyCode, kind: 'municipality' })
  return sortBySv(
    rows.map((r) => ({ id: r.id, code: (r.municipalityCode ?? r.code).trim(), name: r.shortName ?? r.name })),
    (m) => m.name,
  )
}

async function factsOf(deps: Deps, ids: readonly string[]): Promise<Map<string, MunicipalityFacts>> {
  const [reports, plans, coordination] = await Promise.all([situationReportFacts(deps, ids), localPlanFacts(deps, ids), coordinationFacts(deps, ids)])
  return new Map(
    ids.map((id) => [
      id,
      {
        organisationId: id,
        reports: reports.filter((r) => r.organisationId === id),
        plans: plans.filter((p) => p.organisationId === id),
        coordination: coordination.find((c) => c.organisationId === id),
      },
    ]),
  )
}

const emptyCounts = (): Record<Obligation, ColourCounts> =>
  Object.fromEntries(OBLIGATIONS.map((o) => [o, { green: 0, yellow: 0, red: 0 }])) as Record<Obligation, ColourCounts>

/** The state of every municipality of a county on a date; shared with the yearly reports (no access check). */
export async function countyStatus(deps: Deps, countyCode: string, asOf: string) {
  const settings = await repo.findSettings(deps.db, countyCode)
  const municipalities = await municipalitiesOf(deps, countyCode)
  const facts = await factsOf(
    deps,
    municipalities.map((m) => m.id),
  )
  const rows: MunicipalityRow[] = municipalities.map((m) => ({
    municipality: m,
    statuses: evaluateMunicipality(facts.get(m.id) as MunicipalityFacts, settings, asOf),
  }))
  const history: HistoryYear[] = historyDates(asOf).map(({ year, asOf: on }) => {
    const counts = emptyCounts()
    for (const m of municipalities) {
      for (const st of evaluateMunicipality(facts.get(m.id) as MunicipalityFacts, settings, on)) counts[st.obligation][st.colour]++
    }
    return { year, asOf: on, counts }
  })
  return { settings, rows, history }
}

/** The county matrix (municipalities × obligations) with its history by year. @throws NotFoundError */
export async function countyTracker(deps: Deps, actor: Actor | undefined, countyCode: string, today: string) {
  const county = await findCounty(deps, countyCode)
  const { canEditSettings } = await checkCountyReader(deps, actor, county.code)
  return { county, canEditSettings, today, ...(await countyStatus(deps, county.code, today)) }
}

/** One municipality's page: its five statuses today and by year. @throws NotFoundError */
export async function municipalityTracker(deps: Deps, actor: Actor | undefined, municipalityCode: string, today: string) {
  const org = await findOrganisationByCode(deps.db, `kommun-${municipalityCode}`)
  if (org?.kind !== 'municipality' || !org.countyCode) throw new NotFoundError()
  const county = await findCounty(deps, org.countyCode.trim())
  await checkCountyReader(deps, actor, county.code)
  const settings = await repo.findSettings(deps.db, county.code)
  const facts = (await factsOf(deps, [org.id])).get(org.id) as MunicipalityFacts
  const municipality = { id: org.id, code: municipalityCode, name: org.shortName ?? org.name }
  const history = historyDates(today).map(({ year, asOf }) => ({ year, asOf, statuses: evaluateMunicipality(facts, settings, asOf) }))
  return { county, municipality, settings, today, statuses: evaluateMunicipality(facts, settings, today), history }
}

/** The settings form: Länsstyrelsen's coordinators of the county (and the admin). @throws NotFoundError, ForbiddenError */
export async function settingsOf(deps: Deps, actor: Actor | undefined, countyCode: string) {
  const county = await findCounty(deps, countyCode)
  const { canEditSettings } = await checkCountyReader(deps, actor, county.code)
  if (!canEditSettings) throw new ForbiddenError()
  return { county, settings: await repo.findSettings(deps.db, county.code) }
}

/** Saves the settings in one transaction with its audit record. @throws StaleVersionError */
export async function saveSettings(deps: Deps, ctx: Ctx, countyCode: string, input: SettingsInput) {
  const { county } = await settingsOf(deps, ctx.actor, countyCode)
  const values: LawSettings = {
    reviewIntervalMonths: input.reviewIntervalMonths,
    warnMonths: input.warnMonths,
    actionPlanDeadline: input.actionPlanDeadline,
    decidingBody: input.decidingBody,
  }
  // The record belongs to the county's länsstyrelse, so its audit log shows the change.
  const board = await findOrganisationByCode(deps.db, `lansstyrelsen-${county.code}`)
  return deps.db.transaction(async (tx) => {
    const before = await repo.findSettings(tx, county.code)
    if (before.version !== input.version || !(await repo.saveSettings(tx, county.code, input.version, values))) throw new StaleVersionError(before)
    await audit(tx, ctx, {
      action: 'law_tracker.settings_updated',
      entityType: 'law_tracker_settings',
      entityId: county.code,
      organisationId: board?.id ?? null,
      before: before.stored ? before : undefined,
      after: values,
    })
    return values
  })
}

/** The county /law shows the actor: the one they coordinate for, else the one they work in (the admin: the first). */
export async function homeCountyOf(deps: Deps, actor: Actor | undefined): Promise<string> {
  if (!actor) throw new NotFoundError()
  const where = await whereActorWorks(deps, actor)
  const county = where.coordinatorOf[0] ?? where.counties[0]
  if (county) return county
  if (isAdmin(actor)) return (await listCounties(deps.db))[0]?.code.trim() ?? '01'
  throw new NotFoundError()
}
