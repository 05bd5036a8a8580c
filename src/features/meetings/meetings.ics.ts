/**
 * iCalendar for meetings: the invitation sent with each e-mail (METHOD:REQUEST) and the feeds that
 * calendar apps subscribe to (METHOD:PUBLISH). Times carry TZID=Europe/Stockholm with its VTIMEZONE,
 * so a meeting at 13:00 stays at 13:00 Swedish time across daylight-saving changes.
 */
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator'
import { MEETING_TIME_ZONE, ZonedDate } from './meetings.time.ts'

/** Europe/Stockholm as EU summer time has defined it since 1996 (last Sunday of March / October). */
const STOCKHOLM_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Stockholm',
  'X-LIC-LOCATION:Europe/Stockholm',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n')

export interface IcsMeeting {
  id: string
  title: string
  bodyName: string
  startsAt: Date
  endsAt: Date
  place: string
  status: 'planned' | 'held' | 'cancelled'
  /** Bumped on every change: calendar apps replace an event only by a higher SEQUENCE. */
  version: number
  description?: string
}

export interface CalendarOptions {
  name: string
  method: 'REQUEST' | 'PUBLISH'
  meetings: IcsMeeting[]
  /** The site's address: the UID's domain and the events' links. */
  baseUrl: string
  organizer?: { name: string; email: string }
  attendee?: { name: string; email: string }
}

/** The same UID in every invitation and feed, so a calendar updates the event instead of adding one. */
export const meetingUid = (id: string, baseUrl: string) => `meeting-${id}@${new URL(baseUrl).hostname}`

/** 20261202T182803Z: a UTC date-time as RFC 5545 writes it. */
export const icsUtc = (d: Date) => `${d.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`

/**
 * The calendar as RFC 5545 text. Two things ical-generator gets wrong with a calendar time zone are
 * put right here: DTSTAMP must be UTC (it writes it as Stockholm wall-clock time without a zone),
 * and every content line, the last one included, ends with CRLF.
 */
export function meetingsCalendar(o: CalendarOptions): string {
  const now = new Date()
  const cal = ical({
    name: o.name,
    prodId: { company: 'Tillsammans', product: 'Tillsammans', language: 'SV' },
    method: o.method === 'REQUEST' ? ICalCalendarMethod.REQUEST : ICalCalendarMethod.PUBLISH,
    timezone: { name: MEETING_TIME_ZONE, generator: (tz) => (tz === MEETING_TIME_ZONE ? STOCKHOLM_VTIMEZONE : null) },
  })
  for (const m of o.meetings) {
    cal.createEvent({
      id: meetingUid(m.id, o.baseUrl),
      sequence: m.version,
      start: new ZonedDate(m.startsAt),
      end: new ZonedDate(m.endsAt),
      timezone: MEETING_TIME_ZONE,
      stamp: now,
      summary: `${m.title} – ${m.bodyName}`,
      location: m.place || null,
      description: m.description ?? null,
      url: `${o.baseUrl}/meetings/${m.id}`,
      status: m.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      organizer: o.organizer,
      attendees: o.attendee ? [{ name: o.attendee.name, email: o.attendee.email, rsvp: true }] : [],
    })
  }
  const text = cal.toString().replace(/^DTSTAMP[^\r\n]*/gm, `DTSTAMP:${icsUtc(now)}`)
  return text.endsWith('\r\n') ? text : `${text}\r\n`
}

/** "Tillsammans <noreply@x.se>" → { name, email }; undefined when there is no address in it. */
export function parseMailbox(value: string): { name: string; email: string } | undefined {
  const m = /^\s*"?([^"<]*)"?\s*<([^>]+@[^>]+)>\s*$/.exec(value)
  if (m) return { name: m[1].trim() || m[2], email: m[2].trim() }
  return /^[^\s@<>]+@[^\s@<>]+$/.test(value.trim()) ? { name: value.trim(), email: value.trim() } : undefined
}
