import type { Cadence } from './plans.tables.ts'

/** A follow-up period: its key ('2026-11', '2026-Q4', '2026-T3', '2026-H2') and its first and last day. */
export interface Period {
  key: string
  cadence: Cadence
  start: string
  end: string
}

/** Months per period of each cadence. Tertials are Swedish four-month periods: T1 Jan–Apr, T2 May–Aug, T3 Sep–Dec. */
const MONTHS: Record<Cadence, number> = { monthly: 1, quarterly: 3, tertial: 4, half_year: 6 }
const PREFIX: Record<Exclude<Cadence, 'monthly'>, string> = { quarterly: 'Q', tertial: 'T', half_year: 'H' }

const pad = (n: number) => String(n).padStart(2, '0')
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate()

function build(cadence: Cadence, year: number, index: number): Period {
  const size = MONTHS[cadence]
  const firstMonth = (index - 1) * size + 1
  const lastMonth = firstMonth + size - 1
  const key = cadence === 'monthly' ? `${year}-${pad(index)}` : `${year}-${PREFIX[cadence]}${index}`
  return { key, cadence, start: `${year}-${pad(firstMonth)}-01`, end: `${year}-${pad(lastMonth)}-${pad(lastDay(year, lastMonth))}` }
}

/** The period of a cadence that contains a date (YYYY-MM-DD). */
export function periodOf(cadence: Cadence, isoDate: string): Period {
  const year = Number(isoDate.slice(0, 4))
  const month = Number(isoDate.slice(5, 7))
  return build(cadence, year, Math.floor((month - 1) / MONTHS[cadence]) + 1)
}

/** Reads a period key back; undefined for anything that is not one. */
export function periodByKey(key: string): Period | undefined {
  const m = /^(\d{4})-(?:(\d{2})|([QTH])(\d))$/.exec(key)
  if (!m) return undefined
  const year = Number(m[1])
  if (year < 1900 || year > 2100) return undefined
  if (m[2]) {
    const month = Number(m[2])
    return month >= 1 && month <= 12 ? build('monthly', year, month) : undefined
  }
  const cadence: Cadence = m[3] === 'Q' ? 'quarterly' : m[3] === 'T' ? 'tertial' : 'half_year'
  const index = Number(m[4])
  return index >= 1 && index <= 12 / MONTHS[cadence] ? build(cadence, year, index) : undefined
}

/** The period after this one. */
export function nextPeriod(p: Period): Period {
  const day = new Date(`${p.end}T00:00:00Z`)
  day.setUTCDate(day.getUTCDate() + 1)
  return periodOf(p.cadence, day.toISOString().slice(0, 10))
}

/** Every period of the cadence that overlaps [from, to], oldest first. */
export function periodsBetween(cadence: Cadence, from: string, to: string): Period[] {
  const out: Period[] = []
  if (to < from) return out
  for (let p = periodOf(cadence, from); p.start <= to; p = nextPeriod(p)) out.push(p)
  return out
}

/** The day an entry for the period is due: `dueDays` after the period's last day. */
export function dueDate(p: Period, dueDays: number): string {
  const day = new Date(`${p.end}T00:00:00Z`)
  day.setUTCDate(day.getUTCDate() + dueDays)
  return day.toISOString().slice(0, 10)
}

/**
 * Where a period's follow-up stands on a given day:
 * - `reported` / `reported_late`: an entry exists (late when it came after the due date);
 * - `overdue`: no entry and the due date has passed;
 * - `due`: the period has ended, no entry yet, the due date not passed;
 * - `open`: the period is still running (an entry may be written early);
 * - `future`: the period has not begun.
 */
export type PeriodState = 'reported' | 'reported_late' | 'overdue' | 'due' | 'open' | 'future'

export function periodState(p: Period, dueDays: number, today: string, entry?: { late: boolean }): PeriodState {
  if (entry) return entry.late ? 'reported_late' : 'reported'
  if (today < p.start) return 'future'
  if (today <= p.end) return 'open'
  return today > dueDate(p, dueDays) ? 'overdue' : 'due'
}

/** Whether an entry written on `submittedOn` (YYYY-MM-DD, Swedish date) is late for the period. */
export const isLate = (p: Period, dueDays: number, submittedOn: string): boolean => submittedOn > dueDate(p, dueDays)

/** The periods of an item that can need an entry: from its start to its end, never past today's period. */
export function expectedPeriods(cadence: Cadence, start: string, end: string, today: string): Period[] {
  const last = today < end ? today : end
  return periodsBetween(cadence, start, last)
}

/** Whether a period lies within another (a month within a tertial). */
export const within = (inner: Pick<Period, 'start' | 'end'>, outer: Pick<Period, 'start' | 'end'>) => inner.start >= outer.start && inner.end <= outer.end
