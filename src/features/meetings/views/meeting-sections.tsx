import { DataTable } from '../../../platform/views/data-display.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import type { AgendaRow, FollowUp } from '../agenda.repo.ts'
import type { SeatAttendance } from '../attendance.repo.ts'
import type { MeetingDetail } from '../meetings.service.ts'
import { formatHours } from '../meetings.time.ts'
import { ActionButton } from './parts.tsx'

type AgendaLine = { kind: 'item'; item: AgendaRow } | { kind: 'followUp'; followUp: FollowUp }

/** The agenda: its items in order, then the open action items of earlier meetings ("Uppföljning"). */
export function AgendaSection({ detail }: { detail: MeetingDetail }) {
  const { t } = usePage()
  const { meeting: m, agenda, followUps, manage } = detail
  const editable = manage && !m.minutesApprovedAt && !m.justeringRequestedAt
  const lines: AgendaLine[] = [
    ...agenda.map((item) => ({ kind: 'item' as const, item })),
    ...followUps.map((followUp) => ({ kind: 'followUp' as const, followUp })),
  ]
  const titleOf = (l: AgendaLine) =>
    l.kind === 'followUp'
      ? t('meetings.agenda.followUp', { title: l.followUp.title })
      : l.item.actionItemId
        ? t('meetings.agenda.followUp', { title: l.item.title })
        : l.item.title
  return (
    <section aria-labelledby="agenda-heading">
      <h2 class="heading-m" id="agenda-heading">
        {t('meetings.agenda.title')}
      </h2>
      <DataTable
        caption={t('meetings.agenda.caption', { count: lines.length })}
        empty={t('meetings.agenda.empty')}
        rows={lines.map((l, i) => ({ l, n: i + 1 }))}
        columns={[
          { key: 'n', label: t('meetings.agenda.number'), numeric: true, render: (r) => r.n },
          { key: 'title', label: t('meetings.agenda.itemTitle'), render: (r) => titleOf(r.l) },
          { key: 'presenter', label: t('meetings.agenda.presenter'), render: (r) => (r.l.kind === 'item' ? (r.l.item.presenter ?? '–') : '–') },
          {
            key: 'minutes',
            label: t('meetings.agenda.plannedMinutes'),
            numeric: true,
            render: (r) => (r.l.kind === 'item' && r.l.item.plannedMinutes ? r.l.item.plannedMinutes : '–'),
          },
          {
            key: 'file',
            label: t('meetings.agenda.attachment'),
            render: (r) => (r.l.kind === 'item' && r.l.item.fileId ? <a href={`/meetings/${m.id}/agenda/${r.l.item.id}/file`}>{r.l.item.fileName}</a> : '–'),
          },
          ...(editable
            ? [
                {
                  key: 'actions',
                  label: t('meetings.agenda.actions'),
                  render: (r: { l: AgendaLine; n: number }) => {
                    if (r.l.kind !== 'item') return t('meetings.agenda.automatic')
                    const base = `/meetings/${m.id}/agenda/${r.l.item.id}`
                    const context = titleOf(r.l)
                    return (
                      <>
                        <ActionButton action={`${base}/move`} fields={{ direction: 'up' }} label={t('meetings.agenda.up')} context={context} />{' '}
                        <ActionButton action={`${base}/move`} fields={{ direction: 'down' }} label={t('meetings.agenda.down')} context={context} />{' '}
                        <ActionButton action={`${base}/delete`} label={t('meetings.agenda.remove')} context={context} />
                      </>
                    )
                  },
                },
              ]
            : []),
        ]}
      />
      {followUps.length > 0 && <p class="body-s">{t('meetings.agenda.followUpHint')}</p>}
      {editable && (
        <p class="body">
          <a href={`/meetings/${m.id}/agenda/new`}>{t('meetings.agenda.add')}</a>
        </p>
      )}
    </section>
  )
}

/** Attendance per seat and the time each contributed. */
export function AttendanceSection({ detail }: { detail: MeetingDetail }) {
  const { t, locale } = usePage()
  const { meeting: m, attendance, manage, recordableParties } = detail
  const canRecord = !m.minutesApprovedAt && !m.justeringRequestedAt && (manage || attendance.some((s) => recordableParties.includes(s.partyId)))
  const status = (s: SeatAttendance) => (s.status ? t(`meetings.attendance.status.${s.status}`) : t('meetings.attendance.notRecorded'))
  return (
    <section aria-labelledby="attendance-heading">
      <h2 class="heading-m" id="attendance-heading">
        {t('meetings.attendance.title')}
      </h2>
      <DataTable
        caption={t('meetings.attendance.caption', { count: attendance.length })}
        empty={t('meetings.attendance.noSeats')}
        rows={attendance}
        columns={[
          { key: 'person', label: t('meetings.attendance.person'), render: (s) => s.personName },
          { key: 'party', label: t('meetings.attendance.party'), render: (s) => s.partyName },
          {
            key: 'role',
            label: t('meetings.attendance.role'),
            render: (s) => `${t(`meetings.roles.${s.role}`)}${s.membership === 'substitute' ? `, ${t('meetings.roles.substitute')}` : ''}`,
          },
          { key: 'status', label: t('meetings.attendance.statusLabel'), render: (s) => (s.substituteName ? `${status(s)}: ${s.substituteName}` : status(s)) },
          {
            key: 'time',
            label: t('meetings.attendance.hours'),
            numeric: true,
            render: (s) => (s.status ? formatHours(s.minutesContributed ?? 0, locale) : '–'),
          },
        ]}
      />
      {canRecord && (
        <p class="body">
          <a href={`/meetings/${m.id}/attendance`}>{t('meetings.attendance.record')}</a>
        </p>
      )}
    </section>
  )
}
