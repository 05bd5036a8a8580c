/**
 * The meeting as documents (issue 6 E12): the protocol (after justering) and the kallelse, built
 * from one set of facts so the DOCX, the HTML page and the PDF say the same thing.
 */
import type { Deps } from '../../platform/deps.ts'
import type { Actor } from '../../platform/http/actor.ts'
import { DomainError } from '../../platform/http/errors.ts'
import { formatIsoDate } from '../../platform/i18n/format.ts'
import type { Translate } from '../../platform/i18n/i18n.ts'
import { type MeetingDetail, meetingDetail } from './meetings.service.ts'
import { stockholmParts } from './meetings.time.ts'

/** The protocol exists once the minutes are justerade; before that there is only the meeting page. */
export class ProtocolNotReady extends DomainError {
  constructor() {
    super('protocol_not_ready', 'meetings.errors.protocolNotReady', 409)
  }
}

/** No Chromium on this server: the PDF cannot be made; the HTML view and the DOCX can. */
export class ProtocolPdfUnavailable extends DomainError {
  constructor() {
    super('pdf_unavailable', 'meetings.errors.pdfUnavailable', 503)
  }
}

export interface ProtocolPerson {
  name: string
  party: string
  role?: string
}

export interface ProtocolData {
  meetingId: string
  title: string
  bodyName: string
  kind: string
  date: string
  start: string
  end: string
  place: string
  present: ProtocolPerson[]
  absent: ProtocolPerson[]
  invited: ProtocolPerson[]
  agenda: string[]
  minutesText: string
  decisions: { paragraph: number; year: number; title: string; decisionText: string }[]
  actionItems: { title: string; owner: string; dueOn: string | null; status: string }[]
  justerare: { name: string; justeradOn: string | null; method: 'account' | 'recorded' | null }[]
  /** The day the minutes were locked (Stockholm), or null before justering. */
  justeradOn: string | null
  distribution: string[]
}

function roleOf(t: Translate, s: MeetingDetail['attendance'][number]): string | undefined {
  const parts = [s.role !== 'member' ? t(`meetings.roles.${s.role}`) : '', s.membership === 'substitute' ? t('meetings.roles.substitute') : '']
  return parts.filter(Boolean).join(', ') || undefined
}

/** The facts of the documents, with labels in the documents' language (`t`). */
export function protocolFacts(detail: MeetingDetail, t: Translate): ProtocolData {
  const { meeting: m, body } = detail
  const start = stockholmParts(m.startsAt)
  const person = (s: MeetingDetail['attendance'][number]): ProtocolPerson => ({ name: s.personName, party: s.partyName, role: roleOf(t, s) })
  return {
    meetingId: m.id,
    title: m.title,
    bodyName: body.name,
    kind: t(`meetings.kinds.${m.kind}`),
    date: start.date,
    start: start.time,
    end: stockholmParts(m.endsAt).time,
    place: m.place,
    present: detail.attendance
      .filter((s) => s.status === 'present' || s.status === 'substitute_present')
      .map((s) =>
        s.status === 'substitute_present'
          ? { name: s.substituteName ?? s.personName, party: s.partyName, role: t('meetings.protocol.substituteFor', { name: s.personName }) }
          : person(s),
      ),
    absent: detail.attendance.filter((s) => s.status === 'absent').map(person),
    invited: detail.attendance.map(person),
    agenda: [
      ...detail.agenda.map((a) => (a.actionItemId ? t('meetings.agenda.followUp', { title: a.title }) : a.title)),
      ...detail.followUps.map((f) => t('meetings.agenda.followUp', { title: f.title })),
    ],
    minutesText: m.minutesText,
    decisions: detail.decisions.map((d) => ({ paragraph: d.paragraph, year: d.year, title: d.title, decisionText: d.decisionText })),
    actionItems: detail.actionItems.map((a) => ({
      title: a.title,
      owner: a.ownerPersonName ?? a.ownerName ?? '–',
      dueOn: a.dueOn,
      status: t(`meetings.actionItems.status.${a.status}`),
    })),
    justerare: detail.justerare.map((j) => ({ name: j.name, justeradOn: j.justeradOn, method: j.method })),
    justeradOn: m.minutesApprovedAt ? formatIsoDate(m.minutesApprovedAt) : null,
    distribution: detail.distribution.map((d) => d.recipient),
  }
}

/** The protocol's facts for a partner; refused until the minutes are justerade. */
export async function protocolOf(deps: Deps, actor: Actor | undefined, meetingId: unknown, t: Translate): Promise<ProtocolData> {
  const detail = await meetingDetail(deps, actor, meetingId)
  if (!detail.meeting.minutesApprovedAt) throw new ProtocolNotReady()
  return protocolFacts(detail, t)
}

/** The kallelse's facts for a partner: any meeting, before or after it takes place. */
export async function kallelseOf(deps: Deps, actor: Actor | undefined, meetingId: unknown, t: Translate): Promise<ProtocolData> {
  return protocolFacts(await meetingDetail(deps, actor, meetingId), t)
}

/** "Protokoll Styrgrupp 2026-02-02", the documents' file names. */
export const documentName = (kind: string, p: ProtocolData) => `${kind} ${p.bodyName} ${p.date}`
