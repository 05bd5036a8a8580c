import { compareSv } from '../../platform/i18n/collate.ts'
import { partyTimeline } from '../party-timeline/index.ts'
import { supportActivitiesOf, supportSummary } from '../support-activities/index.ts'
import { workProcessOverview } from '../work-process/index.ts'
import type { Ctx } from './report-data.ts'
import { K, date, hours, num, sv } from './report-format.ts'
import type { Block } from './report-model.ts'

/**
 * The report sections drawn from the newer features of issue 10: Länsstyrelsen's support activities
 * and Brå's five steps (the report to Brå), and the party timeline (the evaluation over the period).
 */

/** Länsstyrelsen's support to each municipality (förordning 2016:1258), from its support activities. */
export async function supportSection(x: Ctx): Promise<Block[]> {
  const summary = await supportSummary(x.deps, x.c.ownerId, x.from, x.to)
  const rows = await supportActivitiesOf(x.deps, x.c.ownerId, x.from, x.to)
  const total = summary.reduce((s, r) => s + r.minutes, 0)
  const reached = summary.filter((r) => r.municipalityId && r.count > 0).length
  return [
    { type: 'paragraph', text: sv(`${K}.support.summary`, { activities: rows.length, municipalities: reached, hours: hours(total) }) },
    {
      type: 'table',
      id: 'support',
      caption: sv(`${K}.support.caption`),
      header: [
        sv(`${K}.support.municipality`),
        sv(`${K}.support.meeting`),
        sv(`${K}.support.training`),
        sv(`${K}.support.advice`),
        sv(`${K}.support.other`),
        sv(`${K}.support.hours`),
      ],
      rows: summary.map((r) => [
        r.municipalityName ?? sv(`${K}.support.countyWide`),
        num(r.byKind.meeting),
        num(r.byKind.training),
        num(r.byKind.advice),
        num(r.byKind.other),
        hours(r.minutes),
      ]),
      numericFrom: 1,
    },
  ]
}

/** Where each municipality–police-area pair stands in Brå's five steps (issue 10 §2), at the span's end. */
export async function workProcessBlocks(x: Ctx): Promise<Block[]> {
  const pairs = await workProcessOverview(x.deps.db, x.c.countyCode, x.to, 'partners')
  if (pairs.length === 0) return []
  return [
    {
      type: 'table',
      id: 'work-process',
      caption: sv(`${K}.process.caption`),
      header: [sv(`${K}.process.pair`), ...[1, 2, 3, 4, 5].map((n) => sv(`${K}.process.step`, { n }))],
      rows: pairs.map((p) => [
        `${p.municipalityName} – ${p.policeAreaName}`,
        ...p.steps.map((st) => (st.state === 'done' ? sv(`${K}.process.done`) : sv(`${K}.process.partly`, { done: st.done, total: st.total }))),
      ]),
      numericFrom: 99,
      notes: [sv(`${K}.process.note`)],
    },
  ]
}

/**
 * The evaluation over the period (issue 10 §6): each party's course from the start to the report's end —
 * when it signed, how many groups it joined, plans adopted and follow-ups reported — as the timeline
 * page shows it (the same function, so the same visibility).
 */
export async function timelineSection(x: Ctx): Promise<Block[]> {
  const tl = await partyTimeline(x.deps, x.actor, x.c.id)
  const upTo = <T extends { date: string }>(events: T[]) => events.filter((e) => e.date <= x.to)
  const rows = tl.parties
    .map((p) => {
      const ev = upTo(p.events)
      const signed = ev.find((e) => e.kind === 'signed')
      return [
        p.name,
        signed ? date(signed.date) : '–',
        num(ev.filter((e) => e.kind === 'seat').length),
        num(ev.filter((e) => e.kind === 'planAdopted').length),
        num(p.followUps.filter((f) => f.year <= Number(x.to.slice(0, 4))).reduce((sum, f) => sum + f.entries, 0)),
      ]
    })
    .sort((a, b) => compareSv(a[0] as string, b[0] as string))
  return [
    { type: 'paragraph', text: sv(`${K}.timeline.lead`, { from: date(x.from), to: date(x.to) }) },
    {
      type: 'table',
      id: 'timeline',
      caption: sv(`${K}.timeline.caption`),
      header: [sv(`${K}.timeline.party`), sv(`${K}.timeline.signed`), sv(`${K}.timeline.groups`), sv(`${K}.timeline.plans`), sv(`${K}.timeline.followUps`)],
      rows,
      numericFrom: 2,
      notes: [sv(`${K}.timeline.note`)],
    },
  ]
}
