/**
 * Demo mode: plans and their follow-up (issue 8). Every Östergötland municipality has a
 * samverkansöverenskommelse and a medborgarlöfte with its lokalpolisområde and an åtgärdsplan, each
 * with entries up to today — most on time, some late, and a few municipalities behind so their
 * months are overdue; Linköping has last month still to report, so its demo accounts have something
 * to do. ÖTMB has an example county strategy and verksamhetsplan. Everything is marked as example.
 *
 * Dates are relative to the seeding day by a fixed rule (the ML and åtgärdsplan run over this
 * calendar year and the last), so the story reads the same whenever it is seeded. Insert-if-missing
 * per party: a party that has example plans is left as it is.
 */
import { and, eq, inArray, isNull, sql } from 'drizzle-orm'
import { audit } from '../../src/platform/audit/audit.ts'
import { queryRows } from '../../src/platform/db/query-rows.ts'
import type { Db } from '../../src/platform/db/types.ts'
import type { Deps } from '../../src/platform/deps.ts'
import { formatIsoDate } from '../../src/platform/i18n/format.ts'
import { collaborations } from '../../src/features/collaborations/collaborations.tables.ts'
import { findOrganisationByCode } from '../../src/features/organisations/index.ts'
import { refreshPlanFollowUpStates } from '../../src/features/plans/follow-up.repo.ts'
import { type EntryStatus, followUpEntries, followUpSummaries } from '../../src/features/plans/follow-up.tables.ts'
import { type Period, dueDate, expectedPeriods, periodsBetween } from '../../src/features/plans/periods.ts'
import { draftItems } from '../../src/features/plans/summaries.service.ts'
import { planItemLinks, planItems, plans } from '../../src/features/plans/plans.tables.ts'
import { DEMO_MUNICIPALITIES, NARRATIVES } from './demo-plans.data.ts'
import { type ItemSpec, type PlanSpec, municipalPlans } from './demo-plans.municipal.ts'
import { OTMB_CODE } from './otmb.ts'

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T12:00:00Z`) + n * 86400000)

/** One entry per ended period, with a story: outputs, statuses and hours that vary month by month. */
function entryFor(item: ItemSpec, period: Period, n: number, place: string, dueDays: number, author: { name: string; organisationId: string }) {
  const texts = NARRATIVES[item.story ?? 'picture']
  // A one-off measure's story runs once to its end and then stays there ("klar" never reads "pågår").
  const line = item.story === 'lighting' ? Math.min(n, texts.length - 1) : n % texts.length
  const narrative = texts[line].replaceAll('{place}', place)
  let status: EntryStatus = 'on_track'
  let outputValue: number | null = null
  let progressPercent: number | null = null
  if (item.story === 'drugs') {
    outputValue = [1, 2, 1, 0][n % 4]
    if (outputValue === 0) status = 'at_risk'
  } else if (item.story === 'walks') {
    outputValue = n % 3 === 0 ? 1 : 0
  } else if (item.story === 'lighting') {
    progressPercent = Math.min(100, 25 * (n + 1))
    status = progressPercent === 100 ? 'done' : 'on_track'
  } else if (item.story === 'youth') {
    if (n % 5 === 4) status = 'deviation'
  } else {
    progressPercent = Math.min(100, 20 + 15 * n)
  }
  // About one entry in seven came in after its due date.
  const late = (n + (item.key.length % 3)) % 7 === 3
  const due = dueDate(period, dueDays)
  const at = new Date(Math.min(addDays(due, late ? 12 : -3).getTime(), Date.now()))
  return {
    periodKey: period.key,
    periodStart: period.start,
    periodEnd: period.end,
    status,
    narrative,
    outputValue,
    outputUnit: outputValue === null ? null : (item.targetUnit ?? null),
    minutesSpent: (2 + (n % 5) * 2) * 60,
    progressPercent,
    authorName: author.name,
    organisationId: author.organisationId,
    // Written when it was submitted (never after today): the dashboard's "last update" reads the story.
    submittedAt: at,
    createdAt: at,
    updatedAt: at,
    late,
    isExample: true,
  }
}

async function insertPlan(
  tx: Db,
  spec: PlanSpec,
  organisationId: string,
  opts: {
    today: string
    place: string
    behind?: boolean
    /** Row keys of the party's plans inserted so far: a promise links to the åtgärdsplan's measures. */
    keys?: Map<string, string>
    skip: (item: ItemSpec, ended: Period[], p: Period) => boolean
    author: (item: ItemSpec) => { name: string; organisationId: string }
  },
) {
  const [plan] = await tx
    .insert(plans)
    .values({ ...spec.plan, organisationId, isExample: true })
    .returning()
  const ids = opts.keys ?? new Map<string, string>()
  const positions = new Map<string, number>()
  for (const item of spec.items) {
    const position = (positions.get(item.kind) ?? 0) + 1
    positions.set(item.kind, position)
    const { key, links, parent, story, ...values } = item
    const [row] = await tx
      .insert(planItems)
      .values({ ...values, planId: plan.id, position, parentId: parent ? ids.get(parent) : null })
      .returning({ id: planItems.id, cadence: planItems.cadence })
    ids.set(key, row.id)
    if (links?.length) await tx.insert(planItemLinks).values(links.map((l) => ({ itemId: row.id, linkedItemId: ids.get(l)! })))
    if (!['activity', 'measure', 'promise'].includes(item.kind)) continue
    const start = item.startsOn && item.startsOn > plan.periodStart ? item.startsOn : plan.periodStart
    const ended = expectedPeriods(row.cadence, start, plan.periodEnd, opts.today).filter((p) => p.end < opts.today)
    const rows = ended.flatMap((p, n) =>
      opts.skip(item, ended, p) ? [] : [{ ...entryFor(item, p, n, opts.place, plan.dueDays, opts.author(item)), itemId: row.id }],
    )
    if (rows.length) await tx.insert(followUpEntries).values(rows)
  }
  // The county dashboard reads its sums, not the entries: written here as saveEntry writes them.
  await refreshPlanFollowUpStates(tx, plan.id)
  await audit(
    tx,
    { actor: { label: 'system:demo' } },
    { action: 'plan.created', entityType: 'plan', entityId: plan.id, organisationId, after: { ...plan, items: spec.items.length } },
  )
  if (plan.kind === 'citizen_promise') await publishSummaries(tx, plan, opts.today, opts.behind ?? false)
  return plan
}

/**
 * The ML's tertial reports as municipalities publish them: one per ended tertial, drafted from the
 * month entries by the same rule as the product's draft, published three weeks after the tertial.
 * A municipality behind in its follow-up has not published the latest one.
 */
async function publishSummaries(tx: Db, plan: typeof plans.$inferSelect, today: string, behind: boolean) {
  const items = await tx.select().from(planItems).where(eq(planItems.planId, plan.id))
  const entries = await tx
    .select()
    .from(followUpEntries)
    .where(
      inArray(
        followUpEntries.itemId,
        items.map((i) => i.id),
      ),
    )
  const tertials = periodsBetween('tertial', plan.periodStart, plan.periodEnd).filter((p) => dueDate(p, 21) < today)
  for (const period of behind ? tertials.slice(0, -1) : tertials) {
    await tx.insert(followUpSummaries).values({
      planId: plan.id,
      periodKey: period.key,
      periodStart: period.start,
      periodEnd: period.end,
      status: 'published',
      introduction: 'Exempel: så här gick arbetet med medborgarlöftet under tertialet. Siffrorna är påhittade.',
      items: draftItems(items, entries, period),
      publishedAt: addDays(dueDate(period, 21), 0),
      publishedBy: 'Säkerhetssamordnaren (exempel)',
      isExample: true,
    })
  }
}

const hasExamplePlans = async (db: Db, organisationId: string) =>
  (
    await db
      .select({ id: plans.id })
      .from(plans)
      .where(and(eq(plans.organisationId, organisationId), eq(plans.isExample, true)))
      .limit(1)
  ).length > 0

export async function loadDemoPlans(deps: Deps, today = formatIsoDate(new Date())): Promise<number> {
  const year = Number(today.slice(0, 4))
  let written = 0
  for (const m of DEMO_MUNICIPALITIES) {
    const org = await findOrganisationByCode(deps.db, `kommun-${m.code}`)
    if (!org) throw new Error(`Demo data needs kommun-${m.code}; load the reference data first`)
    const [lpo] = await queryRows<{ id: string; name: string }>(
      deps.db,
      sql`select o.id, o.name from municipality_police_areas a join organisations o on o.id = a.police_area_id
          where a.municipality_code = ${m.code} and a.valid_to is null order by a.valid_from desc limit 1`,
    )
    if (!lpo) throw new Error(`Demo data needs the LPO of ${m.code}`)
    written += await deps.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext('seed_demo_plans'))`)
      if (await hasExamplePlans(tx, org.id)) return 0
      const keys = new Map<string, string>()
      for (const spec of municipalPlans(m, org.name, year, lpo.name)) {
        await insertPlan(tx, { ...spec, plan: { ...spec.plan, partnerOrganisationId: lpo.id } }, org.id, {
          today,
          place: m.place,
          behind: m.behind,
          keys,
          author: (item) =>
            item.promisor === 'police' || item.story === 'drugs'
              ? { name: `Kommunpolis, LPO ${lpo.name.replace('Lokalpolisområde ', '')} (exempel)`, organisationId: lpo.id }
              : { name: `Säkerhetssamordnare, ${org.name} (exempel)`, organisationId: org.id },
          skip: (item, ended, p) => {
            // The earlier åtgärdsplan was followed up in full before it ended.
            if (item.key === 'pm1') return false
            const last = ended.at(-1)
            // Behind: the last three periods are missing (overdue). Linköping: last month still to do,
            // and one promise also the month before. Others report last month by its due date.
            if (m.behind) return ended.indexOf(p) >= ended.length - 3
            if (m.code === '0580') return item.cadence !== 'tertial' && (p === last || (item.key === 'l2' && p === ended.at(-2)))
            return p === last && today <= dueDate(p, 10)
          },
        })
      }
      return 1
    })
  }
  written += await loadCountyPlans(deps, today)
  return written
}

/** ÖTMB's example county strategy (the period of the declaration) and this year's verksamhetsplan. */
async function loadCountyPlans(deps: Deps, today: string): Promise<number> {
  const year = Number(today.slice(0, 4))
  const [otmb] = await deps.db.select().from(collaborations).where(eq(collaborations.code, OTMB_CODE))
  if (!otmb) return 0
  return deps.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('seed_demo_plans'))`)
    if (await hasExamplePlans(tx, otmb.organisationId)) return 0
    const lst = otmb.organisationId
    const police = await findOrganisationByCode(tx, 'polisomrade-ostergotland')
    const common = { collaborationId: otmb.id, status: 'adopted' as const, visibility: 'public' as const, adoptedBy: 'Styrgruppen för ÖTMB' }
    const noSkip = { today, place: 'Östergötland', skip: () => false, author: () => ({ name: 'Länsstyrelsen, samordnare (exempel)', organisationId: lst }) }
    const strategy = await insertPlan(
      tx,
      {
        plan: {
          ...common,
          kind: 'county_strategy',
          title: `Länsövergripande strategi för ÖTMB ${otmb.periodStart.slice(0, 4)}–${otmb.periodEnd.slice(0, 4)}`,
          summary:
            'Exempel: den gemensamma grunden för samverkan. Programförklaringen anger att en länsövergripande strategi ska vara gemensam grund; målen här är påhittade exempel.',
          periodStart: otmb.periodStart,
          periodEnd: otmb.periodEnd,
          adoptedOn: otmb.periodStart,
        },
        items: [
          { key: 'g1', kind: 'goal', title: 'Ett kunskapsbaserat brottsförebyggande arbete i varje kommun' },
          { key: 'g2', kind: 'goal', title: 'Ökad trygghet i länets offentliga miljöer, för kvinnor och män' },
          { key: 'g3', kind: 'goal', title: 'Stärkt samverkan mellan länets aktörer' },
        ],
      },
      lst,
      noSkip,
    )
    const goals = await tx
      .select()
      .from(planItems)
      .where(and(eq(planItems.planId, strategy.id), isNull(planItems.parentId)))
    const goal = (n: number) => goals.find((g) => g.position === n)?.id
    const activities: [string, number, string | undefined][] = [
      ['Stödja kommunerna med lägesbilder och åtgärdsplaner enligt lag (2023:196)', 1, lst],
      ['Utbildning i EST för kommunernas samordnare', 2, lst],
      ['Gemensam regional lägesbild till styrgruppen', 3, police?.id],
      ['Nätverksträffar i Regbrå', 3, lst],
    ]
    const [plan] = await tx
      .insert(plans)
      .values({
        ...common,
        kind: 'operational_plan',
        title: `Verksamhetsplan ÖTMB ${year}`,
        summary: 'Exempel: årets aktiviteter kopplade till strategins mål.',
        organisationId: lst,
        periodStart: `${year}-01-01`,
        periodEnd: `${year}-12-31`,
        adoptedOn: `${year}-01-30`,
        isExample: true,
      })
      .returning()
    for (const [i, [title, g, responsible]] of activities.entries()) {
      const [row] = await tx
        .insert(planItems)
        .values({
          planId: plan.id,
          kind: 'activity',
          position: i + 1,
          title,
          cadence: 'tertial',
          responsibleOrganisationId: responsible ?? null,
          weight: i === 0 ? 3 : 1,
          operativeGoal: 'Genomförs enligt plan under året.',
        })
        .returning()
      const target = goal(g)
      if (target) await tx.insert(planItemLinks).values({ itemId: row.id, linkedItemId: target })
      const ended = expectedPeriods('tertial', plan.periodStart, plan.periodEnd, today).filter((p) => p.end < today)
      const rows = ended.map((p, n) => ({
        ...entryFor({ key: `va${i}`, kind: 'activity', title, story: 'county' }, p, n + i, 'Östergötland', plan.dueDays, {
          name: 'Länsstyrelsen, samordnare (exempel)',
          organisationId: lst,
        }),
        itemId: row.id,
      }))
      if (rows.length) await tx.insert(followUpEntries).values(rows)
    }
    await refreshPlanFollowUpStates(tx, plan.id)
    await audit(tx, { actor: { label: 'system:demo' } }, { action: 'plan.created', entityType: 'plan', entityId: plan.id, organisationId: lst, after: plan })
    return 2
  })
}
