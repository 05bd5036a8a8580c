/**
 * Meeting times: entered and shown as Swedish wall-clock time (Europe/Stockholm), stored as instants
 * (timestamptz). Time contributed is whole minutes, typed as "2:30" or "2,5" (hours, decimal comma).
 */
import { formatNumber } from '../../platform/i18n/format.ts'
import type { Locale } from '../../platform/i18n/i18n.ts'

export const MEETING_TIME_ZONE = 'Europe/Stockholm'

const formats = new Map<string, Intl.DateTimeFormat>()
const partsFormat = (timeZone: string) => {
  let f = formats.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
    formats.set(timeZone, f)
  }
  return f
}

export interface WallClock {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
}

/** The calendar fields of an instant in a time zone (Stockholm unless told). */
export function wallClock(instant: Date, timeZone = MEETING_TIME_ZONE): WallClock {
  const p = Object.fromEntries(
    partsFormat(timeZone)
      .formatToParts(instant)
      .map((x) => [x.type, x.value]),
  )
  return { year: +p.year, month: +p.month, day: +p.day, hour: +p.hour % 24, minute: +p.minute, second: +p.second }
}

/** Offset of Stockholm from UTC at an instant, in milliseconds (+1 h in winter, +2 h in summer). */
function offsetAt(instantMs: number): number {
  const w = wallClock(new Date(instantMs))
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(instantMs / 1000) * 1000
}

/**
 * The instant of a Stockholm date and time ('2026-02-02', '13:00' → 12:00Z). The offset is read
 * twice because the first guess can fall on the other side of a daylight-saving change.
 */
export function stockholmInstant(date: string, time: string): Date {
  const [y, m, d] = date.split('-').map(Number)
  const [hh, mm] = time.split(':').map(Number)
  const asUtc = Date.UTC(y, m - 1, d, hh, mm)
  let instant = asUtc - offsetAt(asUtc)
  const second = offsetAt(instant)
  if (asUtc - second !== instant) instant = asUtc - second
  return new Date(instant)
}

const pad = (n: number) => String(n).padStart(2, '0')

/** '2026-02-02', '13:00' and the year, as a Swede reads the instant. */
export function stockholmParts(instant: Date): { date: string; time: string; year: number } {
  const w = wallClock(instant)
  return { date: `${w.year}-${pad(w.month)}-${pad(w.day)}`, time: `${pad(w.hour)}:${pad(w.minute)}`, year: w.year }
}

export const meetingMinutes = (m: { startsAt: Date; endsAt: Date }) => Math.max(0, Math.round((m.endsAt.getTime() - m.startsAt.getTime()) / 60000))

/** The longest time one person can contribute to one meeting. */
export const MAX_CONTRIBUTED_MINUTES = 24 * 60

/**
 * "2:30" (hours:minutes), "2,5" or "2.5" (hours) or "3" → minutes; undefined when it is not a duration.
 * Stored as integer minutes, never as a float.
 */
export function parseDuration(text: string): number | undefined {
  const v = text.trim()
  const hm = /^(\d{1,2}):([0-5]\d)$/.exec(v)
  if (hm) return Number(hm[1]) * 60 + Number(hm[2])
  const hours = /^(\d{1,2})(?:[.,](\d{1,4}))?$/.exec(v)
  if (hours) return Math.round(Number(`${hours[1]}.${hours[2] ?? '0'}`) * 60)
  return undefined
}

/** Minutes as the form shows them back: "2:30". */
export const formatDuration = (minutes: number) => `${Math.floor(minutes / 60)}:${pad(minutes % 60)}`

/** Minutes as hours with a decimal comma (Swedish) or point: 150 → "2,5". */
export const formatHours = (minutes: number, locale: Locale) => formatNumber(Math.round((minutes / 60) * 100) / 100, locale)

/**
 * A Date that reads its calendar fields in a time zone: the shape ical-generator accepts from
 * @date-fns/tz's TZDate. ical-generator formats a plain Date with the *process's* local getters when
 * the event has a time zone, which would make DTSTART depend on the server's TZ setting.
 */
export class ZonedDate extends Date {
  readonly internal: Date
  readonly timeZone: string

  constructor(instant: Date | number, timeZone = MEETING_TIME_ZONE) {
    super(typeof instant === 'number' ? instant : instant.getTime())
    this.internal = new Date(this.getTime())
    this.timeZone = timeZone
  }

  withTimeZone(timeZone?: string | null): ZonedDate {
    return new ZonedDate(this.getTime(), timeZone ?? this.timeZone)
  }

  tzComponents(): WallClock {
    return wallClock(this.internal, this.timeZone)
  }

  override getFullYear() {
    return this.tzComponents().year
  }
  override getMonth() {
    return this.tzComponents().month - 1
  }
  override getDate() {
    return this.tzComponents().day
  }
  override getHours() {
    return this.tzComponents().hour
  }
  override getMinutes() {
    return this.tzComponents().minute
  }
  override getSeconds() {
    return this.tzComponents().second
  }
}
