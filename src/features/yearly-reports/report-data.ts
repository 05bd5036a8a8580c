import type { Deps } from '../../platform/deps.ts'
import type { Actor } from '../../platform/http/actor.ts'
import { compareSv } from '../../platform/i18n/collate.ts'
import { partySeatFacts } from '../bodies/index.ts'
import { listParties } from '../collaborations/index.ts'
import { signatureFacts } from '../declarations/index.ts'
import { indicatorSeries } from '../indicators/index.ts'
import { OBLIGATIONS, countyStatus } from '../law-tracker/index.ts'
import { meetingFacts, timeByPartyAndYear } from '../meetings/index.ts'
import { countyPlanFacts, localPlanFacts, planFollowUpFacts } from '../plans/index.ts'
import { countyGenderTables } from '../surveys/index.ts'
import { K, date, hours, num, percent, sv } from './report-format.ts'
import type { Block, DataSection, ReportModel } from './report-model.ts'
import { supportSection, timelineSection, workProcessBlocks } from './report-sections-more.ts'
import { sectionsOf } from './sections.ts'
import type { YearlyReportKind, YearlyReportScope } from './yearly-reports.tables.ts'

export interface ReportSubject {
  kind: YearlyReportKind
  year: number
  scope: YearlyReportScope
  title: string
}

export interface CollaborationSubject {
  id: string
  /** The owning länsstyrelse. */
  ownerId: string
  name: string
  countyCode: string
  countyName: string
  periodStart: string
  periodEnd: string
}

/** The span a report covers: its year, or the collaboration's period up to the year's end — never past today. */
export function spanOf(r: Pick<ReportSubject, 'year' | 'scope'>, c: Pick<CollaborationSubject, 'periodStart'>, today: string) {
  const yearEnd = `${r.year}-12-31`
  const to = yearEnd < today ? yearEnd : today
  return { from: r.scope === 'period' ? c.periodStart : `${r.year}-01-01`, to }
}

export interface Ctx {
  deps: Deps
  actor: Actor | undefined
  c: CollaborationSubject
  from: string
  to: string
}

async function partiesSection(x: Ctx): Promise<Block[]> {
  const parties = await listParties(x.deps.db, x.c.id, { former: true })
  const signatures = new Map((await signatureFacts(x.deps, x.c.id)).map((s) => [s.organisationId, s]))
  const rows = parties
    .filter((p) => !p.joinedOn || p.joinedOn <= x.to)
    .sort((a, b) => compareSv(a.name, b.name))
    .map((p) => {
      const s = signatures.get(p.organisationId)
      return [
        p.name,
        sv(`${K}.kinds.${p.kind}`),
        // The state at the span's end: a party that signed later had not signed yet.
        sv(`${K}.signatureStatus.${s?.status === 'signed' && s.signedOn && s.signedOn > x.to ? 'notYet' : (s?.status ?? 'none')}`),
        date(s?.signedOn && s.signedOn <= x.to ? s.signedOn : null),
        date(p.joinedOn),
      ]
    })
  const signed = [...signatures.values()].filter((s) => s.status === 'signed' && s.signedOn && s.signedOn <= x.to).length
  const signedInSpan = [...signatures.values()].filter((s) => s.status === 'signed' && s.signedOn && s.signedOn >= x.from && s.signedOn <= x.to).length
  return [
    { type: 'paragraph', text: sv(`${K}.parties.summary`, { parties: rows.length, signed, signedInSpan }) },
    {
      type: 'table',
      id: 'parties',
      caption: sv(`${K}.parties.caption`),
      header: [sv(`${K}.parties.party`), sv(`${K}.parties.kind`), sv(`${K}.parties.status`), sv(`${K}.parties.signedOn`), sv(`${K}.parties.joinedOn`)],
      rows,
      numericFrom: 99,
    },
  ]
}

async function participationSection(x: Ctx): Promise<Block[]> {
  const parties = await listParties(x.deps.db, x.c.id, { former: true })
  const seats = new Map((await partySeatFacts(x.deps, x.c.id, x.from, x.to)).map((s) => [s.organisationId, s]))
  const fromYear = Number(x.from.slice(0, 4))
  const toYear = Number(x.to.slice(0, 4))
  const minutes = new Map<string, number>()
  for (const r of await timeByPartyAndYear(x.deps.db, x.c.id)) {
    if (r.year >= fromYear && r.year <= toYear) minutes.set(r.partyId, (minutes.get(r.partyId) ?? 0) + Number(r.minutes))
  }
  const rows = parties
    .map((p) => ({ name: p.name, s: seats.get(p.organisationId), m: minutes.get(p.organisationId) ?? 0 }))
    .filter((r) => r.s || r.m > 0)
    .sort((a, b) => b.m - a.m || compareSv(a.name, b.name))
  const total = rows.reduce((sum, r) => sum + r.m, 0)
  const table: Block = {
    type: 'table',
    id: 'participation',
    caption: sv(`${K}.participation.caption`),
    header: [
      sv(`${K}.participation.party`),
      sv(`${K}.participation.seats`),
      sv(`${K}.participation.elected`),
      sv(`${K}.participation.chief`),
      sv(`${K}.participation.official`),
      sv(`${K}.participation.hours`),
    ],
    rows: rows.map((r) => [r.name, num(r.s?.seats ?? 0), num(r.s?.elected ?? 0), num(r.s?.chief ?? 0), num(r.s?.official ?? 0), hours(r.m)]),
    numericFrom: 1,
    notes: [sv(`${K}.participation.note`)],
  }
  return [
    { type: 'paragraph', text: sv(`${K}.participation.summary`, { parties: rows.length, hours: hours(total) }) },
    {
      type: 'bars',
      id: 'participation-chart',
      tableId: 'participation',
      title: sv(`${K}.participation.chartTitle`),
      description: sv(`${K}.participation.chartDescription`),
      attribution: sv(`${K}.participation.attribution`),
      unit: 'hours',
      series: [{ key: 'hours', label: sv(`${K}.participation.hours`) }],
      categories: rows.filter((r) => r.m > 0).map((r) => ({ label: r.name, values: { hours: Math.round(r.m / 6) / 10 } })),
    },
    table,
  ]
}

async function meetingsSection(x: Ctx): Promise<Block[]> {
  // Bodies kept to one organisation are not reported to the partners.
  const rows = (await meetingFacts(x.deps, x.c.id, x.from, x.to))
    .filter((b) => b.visibility !== 'organisation')
    .sort((a, b) => compareSv(a.bodyName, b.bodyName))
  const held = rows.reduce((s, r) => s + r.held, 0)
  const decisions = rows.reduce((s, r) => s + r.decisions, 0)
  return [
    { type: 'paragraph', text: sv(`${K}.meetings.summary`, { held, decisions, bodies: rows.filter((r) => r.held > 0).length }) },
    {
      type: 'table',
      id: 'meetings',
      caption: sv(`${K}.meetings.caption`),
      header: [sv(`${K}.meetings.body`), sv(`${K}.meetings.held`), sv(`${K}.meetings.cancelled`), sv(`${K}.meetings.decisions`)],
      rows: rows.map((r) => [r.bodyName, num(r.held), num(r.cancelled), num(r.decisions)]),
      numericFrom: 1,
    },
  ]
}

const ENTRY_STATUSES = ['not_started', 'on_track', 'at_risk', 'deviation', 'done'] as const

async function plansSection(x: Ctx): Promise<Block[]> {
  const plans = await countyPlanFacts(x.deps, x.c.id, x.from, x.to)
  if (plans.length === 0) return [{ type: 'paragraph', text: sv(`${K}.plans.none`) }]
  const out: Block[] = []
  for (const p of plans) {
    const counts = Object.fromEntries(ENTRY_STATUSES.map((s) => [s, p.activities.filter((a) => a.status === s).length]))
    const unreported = p.activities.filter((a) => !a.status).length
    out.push({
      type: 'paragraph',
      text: sv(`${K}.plans.plan`, {
        kind: sv(`${K}.planKinds.${p.kind}`),
        title: p.title,
        from: date(p.periodStart),
        to: date(p.periodEnd),
        goals: p.goals,
        activities: p.activities.length,
      }),
    })
    if (p.activities.length === 0) continue
    out.push({ type: 'paragraph', text: sv(`${K}.plans.statusLine`, { ...counts, unreported }) })
    out.push({
      type: 'table',
      id: `plan-${p.id}`,
      caption: sv(`${K}.plans.caption`, { title: p.title }),
      header: [sv(`${K}.plans.activity`), sv(`${K}.plans.status`), sv(`${K}.plans.progress`)],
      rows: p.activities.map((a) => [a.title, sv(`${K}.entryStatus.${a.status ?? 'none'}`), a.progress === null ? '–' : `${num(a.progress)} %`]),
      numericFrom: 2,
    })
  }
  return out
}

async function localSection(x: Ctx): Promise<Block[]> {
  const parties = (await listParties(x.deps.db, x.c.id, { former: true })).filter((p) => p.kind === 'municipality')
  const plans = (
    await localPlanFacts(
      x.deps,
      parties.map((p) => p.organisationId),
    )
  ).filter((p) => p.visibility !== 'organisation' && p.status !== 'draft' && p.periodStart <= x.to && p.periodEnd >= x.from)
  const followUps = new Map(
    (
      await planFollowUpFacts(
        x.deps,
        plans.map((p) => p.id),
        x.from,
        x.to,
      )
    ).map((f) => [f.planId, f]),
  )
  const rows = parties
    .sort((a, b) => compareSv(a.name, b.name))
    .map((m) => {
      const own = plans.filter((p) => p.organisationId === m.organisationId)
      const so = own.filter((p) => p.kind === 'local_agreement').sort((a, b) => (a.periodStart < b.periodStart ? 1 : -1))[0]
      const ml = own.filter((p) => p.kind === 'citizen_promise').sort((a, b) => (a.periodStart < b.periodStart ? 1 : -1))[0]
      const fu = own.map((p) => followUps.get(p.id)).filter((f) => !!f)
      const entries = fu.reduce((s, f) => s + f.entries, 0)
      const latest = (k: string) => fu.reduce((s, f) => s + ((f.latest as Record<string, number>)[k] ?? 0), 0)
      const published = fu.reduce((s, f) => s + f.publishedSummaries, 0)
      return [
        m.shortName ?? m.name,
        so ? `${date(so.periodStart)}–${date(so.periodEnd)}` : '–',
        ml ? `${date(ml.periodStart)}–${date(ml.periodEnd)}${ml.status === 'published' ? '' : ` (${sv(`${K}.local.notPublished`)})`}` : '–',
        num(entries),
        sv(`${K}.local.latest`, { onTrack: latest('on_track') + latest('done'), risk: latest('at_risk'), deviation: latest('deviation') }),
        num(published),
      ]
    })
  const withSo = rows.filter((r) => r[1] !== '–').length
  const withMl = rows.filter((r) => r[2] !== '–').length
  return [
    { type: 'paragraph', text: sv(`${K}.local.summary`, { municipalities: rows.length, agreements: withSo, promises: withMl }) },
    {
      type: 'table',
      id: 'local',
      caption: sv(`${K}.local.caption`),
      header: [
        sv(`${K}.local.municipality`),
        sv(`${K}.local.agreement`),
        sv(`${K}.local.promise`),
        sv(`${K}.local.entries`),
        sv(`${K}.local.state`),
        sv(`${K}.local.summaries`),
      ],
      rows,
      numericFrom: 3,
      notes: [sv(`${K}.local.note`)],
    },
  ]
}

async function lawSection(x: Ctx): Promise<Block[]> {
  const { rows, settings } = await countyStatus(x.deps, x.c.countyCode, x.to)
  const green = (i: number) => rows.filter((r) => r.statuses[i]?.colour === 'green').length
  const statusText = (s: (typeof rows)[number]['statuses'][number]) => {
    const dates = Object.fromEntries(Object.entries(s.sentence.dates ?? {}).map(([k, v]) => [k, date(v)]))
    return `${sv(`lawTracker.colours.${s.colour}`)}: ${sv(`${s.sentence.key}Short`, { ...s.sentence.params, ...dates })}`
  }
  return [
    {
      type: 'paragraph',
      text: sv(`${K}.law.summary`, { date: date(x.to), total: rows.length, reports: green(0), plans: green(1), coordination: green(2) }),
    },
    {
      type: 'table',
      id: 'law',
      caption: sv(`${K}.law.caption`, { date: date(x.to) }),
      header: [sv(`${K}.law.municipality`), ...OBLIGATIONS.map((o) => sv(`lawTracker.obligations.${o}`))],
      rows: rows.map((r) => [r.municipality.name, ...r.statuses.map(statusText)]),
      numericFrom: 99,
      notes: [sv(`${K}.law.note`, { interval: settings.reviewIntervalMonths, body: settings.decidingBody })],
    },
  ]
}

const CRIME_INDICATOR = 'bra_anmalda_brott_totalt'

async function indicatorsSection(x: Ctx): Promise<Block[]> {
  const year = Number(x.to.slice(0, 4))
  const out: Block[] = [{ type: 'paragraph', text: sv(`${K}.indicators.lead`) }]
  const tables = await countyGenderTables(x.deps, x.actor, x.c.countyCode, x.c.countyName, year)
  for (const table of tables) {
    for (const q of table.questions) {
      const cell = (area: string, group: 'kvinna' | 'man' | 'alla') => {
        const g = table.cells[`${area}|${q.key}`]?.find((c) => c.group === group)
        if (!g) return '..'
        if (g.suppressed) return '–'
        return percent(g.share)
      }
      const diffNote = table.areas.some((a) => table.cells[`${a.code}|${q.key}`]?.some((g) => g.suppressed))
      out.push({
        type: 'table',
        id: `survey-${q.key}`,
        caption: sv(`${K}.indicators.surveyCaption`, { survey: table.survey.name, year: table.year, question: q.text, reported: q.reportedLabel }),
        header: [sv(`${K}.indicators.area`), sv(`${K}.indicators.women`), sv(`${K}.indicators.men`), sv(`${K}.indicators.all`)],
        rows: table.areas
          .filter((a) => table.cells[`${a.code}|${q.key}`])
          .map((a) => [a.name, cell(a.code, 'kvinna'), cell(a.code, 'man'), cell(a.code, 'alla')]),
        numericFrom: 1,
        notes: [
          ...(diffNote ? [sv(`${K}.indicators.suppressedNote`, { threshold: table.survey.threshold })] : []),
          sv(`${K}.indicators.shareNote`),
          table.survey.attribution,
        ],
      })
    }
  }
  if (tables.length === 0) out.push({ type: 'paragraph', text: sv(`${K}.indicators.noSurvey`, { year }) })
  const municipalities = (await listParties(x.deps.db, x.c.id, { former: true })).filter((p) => p.kind === 'municipality')
  const codes = municipalities.map((m) => m.code.replace(/^kommun-/, ''))
  const series = await indicatorSeries(x.deps, CRIME_INDICATOR, [x.c.countyCode, ...codes], [String(year)])
  const rows = (series?.areas ?? []).map((a) => ({ a, o: series?.observations.find((o) => o.areaCode === a.code && o.breakdown === '') })).filter((r) => r.o)
  if (series && rows.length) {
    out.push({
      type: 'table',
      id: 'crime',
      caption: sv(`${K}.indicators.crimeCaption`, { name: series.indicator.name, year }),
      header: [sv(`${K}.indicators.area`), sv(`${K}.indicators.count`), sv(`${K}.indicators.per100000`)],
      rows: rows.map(({ a, o }) => [
        a.name,
        o?.suppressed ? '..' : o?.value === null || o?.value === undefined ? '–' : num(o.value),
        o?.suppressed || o?.per100000 === null || o?.per100000 === undefined ? '–' : num(o.per100000, 0),
      ]),
      numericFrom: 1,
      notes: [sv(`${K}.indicators.crimeNote`), series.indicator.attribution],
    })
  }
  return out
}

async function lawAndProcessSection(x: Ctx): Promise<Block[]> {
  return [...(await lawSection(x)), ...(await workProcessBlocks(x))]
}

const BUILDERS: Record<string, (x: Ctx) => Promise<Block[]>> = {
  timeline: timelineSection,
  support: supportSection,
  parties: partiesSection,
  participation: participationSection,
  meetings: meetingsSection,
  collaboration: meetingsSection,
  plans: plansSection,
  local: localSection,
  law: lawAndProcessSection,
  indicators: indicatorsSection,
}

/**
 * The report's figures, computed now from the platform, as the actor may see them (only aggregates
 * and records shared with the partners are listed, whoever drafts it).
 */
export async function assembleReport(deps: Deps, actor: Actor | undefined, r: ReportSubject, c: CollaborationSubject, today: string): Promise<ReportModel> {
  const { from, to } = spanOf(r, c, today)
  const x: Ctx = { deps, actor, c, from, to }
  const sections: DataSection[] = []
  for (const s of sectionsOf(r)) {
    if (!s.data) continue
    const build = BUILDERS[s.key]
    sections.push({ key: s.key, title: sv(`yearlyReports.sections.${s.key}`), blocks: build ? await build(x) : [] })
  }
  return { title: r.title, collaborationName: c.name, from, to, generatedOn: today, sections }
}
