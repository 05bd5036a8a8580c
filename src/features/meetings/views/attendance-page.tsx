import { type FieldError, errorFor } from '../../../platform/views/error-summary.tsx'
import { Button, Form, Radios, TextField } from '../../../platform/views/form-controls.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import type { BodyRow } from '../../bodies/index.ts'
import type { SeatAttendance } from '../attendance.repo.ts'
import type { Meeting } from '../meetings.repo.ts'
import { ATTENDANCE } from '../meetings.tables.ts'
import { formatDuration } from '../meetings.time.ts'
import { type Values, meetingCrumbs, str, when } from './parts.tsx'

/** What the form shows for a seat already recorded (time as "2:30"). */
export function attendanceValues(seats: SeatAttendance[]): Values {
  const v: Values = {}
  for (const s of seats) {
    if (!s.status) continue
    v[`status_${s.seatId}`] = s.status
    v[`substitute_${s.seatId}`] = s.substituteName ?? ''
    v[`time_${s.seatId}`] = s.status === 'absent' ? '' : formatDuration(s.minutesContributed ?? 0)
  }
  return v
}

interface Props {
  body: BodyRow
  meeting: Meeting
  /** Seats the actor may record (the coordinator: all; an editor: their own party's). */
  editable: SeatAttendance[]
  /** How many more seats other parties record. */
  others: number
  defaultMinutes: number
  values: Values
  errors?: FieldError[]
}

/** One group per seat: present, absent or substitute present (with the substitute's name), and the time. */
export function AttendancePage({ body, meeting, editable, others, defaultMinutes, values, errors }: Props) {
  const { t } = usePage()
  const title = t('meetings.attendance.formTitle')
  return (
    <Layout title={title} errors={errors} breadcrumbs={[...meetingCrumbs(t, body, meeting), { label: title }]}>
      <h1 class="heading-l">{title}</h1>
      <p class="lead">
        {meeting.title}, {when(meeting)}
      </p>
      <p class="body">{t('meetings.attendance.formIntro', { length: formatDuration(defaultMinutes) })}</p>
      {others > 0 && <p class="inset">{t('meetings.attendance.othersRecord', { count: others })}</p>}
      {editable.length === 0 ? (
        <p class="body">{t('meetings.attendance.nothingToRecord')}</p>
      ) : (
        <Form action={`/meetings/${meeting.id}/attendance`}>
          {editable.map((s) => (
            <div class="inset">
              <h2 class="heading-s">
                {s.personName} – {s.partyName} ({t(`meetings.roles.${s.role}`)}
                {s.membership === 'substitute' ? `, ${t('meetings.roles.substitute')}` : ''})
              </h2>
              <Radios
                name={`status_${s.seatId}`}
                label={t('meetings.attendance.statusFor', { name: s.personName })}
                value={str(values[`status_${s.seatId}`])}
                options={ATTENDANCE.map((a) => ({ value: a, label: t(`meetings.attendance.status.${a}`) }))}
                error={errorFor(errors, `status_${s.seatId}`)}
              />
              <TextField
                name={`substitute_${s.seatId}`}
                label={t('meetings.attendance.substituteName')}
                hint={t('meetings.attendance.substituteHint')}
                value={str(values[`substitute_${s.seatId}`])}
                error={errorFor(errors, `substitute_${s.seatId}`)}
                width="medium"
              />
              <TextField
                name={`time_${s.seatId}`}
                label={t('meetings.attendance.time')}
                hint={t('meetings.attendance.timeHint', { length: formatDuration(defaultMinutes) })}
                value={str(values[`time_${s.seatId}`])}
                error={errorFor(errors, `time_${s.seatId}`)}
                width="narrow"
                inputmode="decimal"
              />
            </div>
          ))}
          <div class="button-group">
            <Button>{t('meetings.attendance.submit')}</Button>
            <a href={`/meetings/${meeting.id}`}>{t('meetings.form.cancel')}</a>
          </div>
        </Form>
      )}
    </Layout>
  )
}
