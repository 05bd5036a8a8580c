import { SummaryList } from '../../../platform/views/data-display.tsx'
import { type FieldError, errorFor } from '../../../platform/views/error-summary.tsx'
import { Button, DateField, Form, Radios, Select, TextField } from '../../../platform/views/form-controls.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import type { BodyRow } from '../../bodies/index.ts'
import type { Meeting } from '../meetings.repo.ts'
import { MEETING_STATUSES } from '../meetings.schemas.ts'
import { MEETING_KINDS } from '../meetings.tables.ts'
import { stockholmParts } from '../meetings.time.ts'
import { type Values, kindOptions, meetingCrumbs, str, when } from './parts.tsx'

export const meetingValues = (m: Meeting): Values => ({
  title: m.title,
  kind: m.kind,
  date: stockholmParts(m.startsAt).date,
  startTime: stockholmParts(m.startsAt).time,
  endTime: stockholmParts(m.endsAt).time,
  place: m.place,
  status: m.status,
  version: String(m.version),
})

interface Props {
  body: BodyRow
  /** Absent when creating. */
  meeting?: Meeting
  values: Values
  errors?: FieldError[]
  /** Someone else saved first (409): what is stored now, shown above what the user typed. */
  current?: Meeting
}

export function MeetingFormPage({ body, meeting, values, errors, current }: Props) {
  const { t } = usePage()
  const title = meeting ? t('meetings.form.editTitle', { title: meeting.title }) : t('meetings.form.newTitle', { body: body.name })
  const action = meeting ? `/meetings/${meeting.id}/edit` : `/bodies/${body.id}/meetings/new`
  return (
    <Layout title={title} errors={errors} breadcrumbs={[...meetingCrumbs(t, body, meeting), { label: title }]}>
      <h1 class="heading-l">{title}</h1>
      {current && (
        <section aria-labelledby="stale-heading">
          <h2 class="heading-m" id="stale-heading">
            {t('meetings.stale.title')}
          </h2>
          <p class="warning-text">{t('meetings.stale.body')}</p>
          <SummaryList
            rows={[
              { key: t('meetings.fields.title'), value: current.title },
              { key: t('meetings.fields.when'), value: when(current) },
              { key: t('meetings.fields.place'), value: current.place || '–' },
              { key: t('meetings.fields.status'), value: t(`meetings.status.${current.status}`) },
            ]}
          />
        </section>
      )}
      <Form action={action}>
        {meeting && <input type="hidden" name="version" value={str(values.version)} />}
        <TextField
          name="title"
          label={t('meetings.fields.title')}
          hint={t('meetings.form.titleHint')}
          value={str(values.title)}
          error={errorFor(errors, 'title')}
        />
        <Radios
          name="kind"
          label={t('meetings.fields.kind')}
          value={str(values.kind) ?? 'ordinary'}
          options={kindOptions(t, MEETING_KINDS)}
          error={errorFor(errors, 'kind')}
        />
        <DateField name="date" label={t('meetings.fields.date')} value={str(values.date)} error={errorFor(errors, 'date')} />
        <TextField
          name="startTime"
          label={t('meetings.fields.startTime')}
          hint={t('meetings.form.timeHint')}
          value={str(values.startTime)}
          error={errorFor(errors, 'startTime')}
          width="narrow"
          inputmode="numeric"
        />
        <TextField
          name="endTime"
          label={t('meetings.fields.endTime')}
          hint={t('meetings.form.timeHint')}
          value={str(values.endTime)}
          error={errorFor(errors, 'endTime')}
          width="narrow"
          inputmode="numeric"
        />
        <TextField
          name="place"
          label={t('meetings.fields.place')}
          hint={t('meetings.form.placeHint')}
          value={str(values.place)}
          error={errorFor(errors, 'place')}
        />
        {meeting && (
          <Select
            name="status"
            label={t('meetings.fields.status')}
            value={str(values.status)}
            options={MEETING_STATUSES.map((s) => ({ value: s, label: t(`meetings.status.${s}`) }))}
            error={errorFor(errors, 'status')}
          />
        )}
        <div class="button-group">
          <Button>{meeting ? t('meetings.form.save') : t('meetings.form.create')}</Button>
          <a href={meeting ? `/meetings/${meeting.id}` : `/bodies/${body.id}/meetings`}>{t('meetings.form.cancel')}</a>
        </div>
      </Form>
    </Layout>
  )
}
