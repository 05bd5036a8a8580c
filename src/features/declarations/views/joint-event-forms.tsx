import { formatIsoDate } from '../../../platform/i18n/format.ts'
import { Button, Checkboxes, DateField, FileField, Form, Radios, TextArea, TextField } from '../../../platform/views/form-controls.tsx'
import { type FieldError, errorFor } from '../../../platform/views/error-summary.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import type { CollaborationInfo } from '../declarations.repo.ts'
import { JOINT_EVENT_ANSWERS, JOINT_EVENT_KINDS } from '../declarations.tables.ts'
import type { EventPartyRow, JointEventRow } from '../joint-events.repo.ts'
import { FileLabel, collaborationCrumbs } from './parts.tsx'
import { clockSpan, eventsCrumb } from './joint-event-pages.tsx'

export interface JointEventFormProps {
  collaboration: CollaborationInfo
  /** Editing this event; absent for a new one. */
  event?: JointEventRow
  values?: Record<string, string | string[]>
  errors?: FieldError[]
}

const clock = (v: string | null | undefined) => (v ? v.slice(0, 5) : '')

/** A new joint decision meeting or joint signing, or changes to one. The invitation is optional. */
export function JointEventFormPage({ collaboration: c, event: e, values, errors }: JointEventFormProps) {
  const { t } = usePage()
  const title = e ? t('declarations.jointEvents.editTitle') : t('declarations.jointEvents.newTitle')
  const v = (name: string, recorded?: string | null) => (values ? String(values[name] ?? '') : (recorded ?? ''))
  const field = (name: string) => ({ name, error: errorFor(errors, name) })
  const crumbs = e
    ? collaborationCrumbs(
        t,
        c,
        eventsCrumb(t, c),
        { href: `/joint-events/${e.id}`, label: `${t(`declarations.jointEvents.kinds.${e.kind}`)} ${e.eventDate}` },
        { label: title },
      )
    : collaborationCrumbs(t, c, eventsCrumb(t, c), { label: title })
  return (
    <Layout title={title} errors={errors} breadcrumbs={crumbs}>
      <p class="body-s">{c.name}</p>
      <h1 class="heading-l">{title}</h1>
      <p class="body">{t('declarations.jointEvents.formIntro')}</p>
      <Form action={e ? `/joint-events/${e.id}` : `/collaborations/${c.id}/joint-events`} multipart>
        {e && <input type="hidden" name="version" value={v('version', String(e.version))} />}
        <Radios
          {...field('kind')}
          label={t('declarations.jointEvents.fields.kind')}
          value={v('kind', e?.kind ?? 'decision_meeting')}
          options={JOINT_EVENT_KINDS.map((k) => ({ value: k, label: t(`declarations.jointEvents.kinds.${k}`) }))}
        />
        <DateField {...field('eventDate')} label={t('declarations.jointEvents.fields.eventDate')} value={v('eventDate', e?.eventDate)} />
        <TextField
          {...field('startTime')}
          label={t('declarations.jointEvents.fields.startTime')}
          hint={t('declarations.jointEvents.timeHint')}
          width="narrow"
          value={v('startTime', clock(e?.startTime))}
        />
        <TextField {...field('endTime')} label={t('declarations.jointEvents.fields.endTime')} width="narrow" value={v('endTime', clock(e?.endTime))} />
        <TextField
          {...field('place')}
          label={t('declarations.jointEvents.fields.place')}
          hint={t('declarations.jointEvents.placeHint')}
          value={v('place', e?.place)}
        />
        <TextField
          {...field('invitedLevel')}
          label={t('declarations.jointEvents.fields.invitedLevel')}
          hint={t('declarations.jointEvents.invitedLevelHint')}
          value={v('invitedLevel', e?.invitedLevel)}
        />
        <TextArea {...field('note')} label={t('declarations.jointEvents.fields.note')} rows={4} value={v('note', e?.note)} />
        {e?.invitationFileId && e.invitationFileName && (
          <>
            <p class="body">
              {t('declarations.versionForm.currentFile')}{' '}
              <a href={`/files/${e.invitationFileId}`}>
                <FileLabel name={e.invitationFileName} size={e.invitationFileSize} contentType={e.invitationContentType ?? undefined} />
              </a>
            </p>
            <Checkboxes
              name="removeFile"
              label={t('declarations.versionForm.removeFileLegend')}
              values={values ? ([] as string[]).concat(values.removeFile ?? []) : []}
              options={[{ value: 'yes', label: t('declarations.versionForm.removeFile') }]}
            />
          </>
        )}
        <FileField
          name="file"
          label={t('declarations.jointEvents.fields.invitation')}
          hint={t('declarations.jointEvents.invitationHint')}
          accept=".pdf,.docx"
          error={errorFor(errors, 'file')}
        />
        <Button>{e ? t('declarations.jointEvents.saveEdit') : t('declarations.jointEvents.saveNew')}</Button>
      </Form>
    </Layout>
  )
}

export interface AnswerFormProps {
  collaboration: CollaborationInfo
  event: JointEventRow
  party: EventPartyRow
  values?: Record<string, string | string[]>
  errors?: FieldError[]
}

/** One party's answer to the invitation, as the coordinator records it. */
export function AnswerFormPage({ collaboration: c, event: e, party: p, values, errors }: AnswerFormProps) {
  const { t } = usePage()
  const kind = t(`declarations.jointEvents.kinds.${e.kind}`)
  const title = t('declarations.jointEvents.answerTitle', { party: p.name })
  const v = (name: string, recorded?: string | null) => (values ? String(values[name] ?? '') : (recorded ?? ''))
  const field = (name: string) => ({ name, error: errorFor(errors, name) })
  return (
    <Layout
      title={title}
      errors={errors}
      breadcrumbs={collaborationCrumbs(t, c, eventsCrumb(t, c), { href: `/joint-events/${e.id}`, label: `${kind} ${e.eventDate}` }, { label: p.name })}
    >
      <p class="body-s">
        {kind} {formatIsoDate(e.eventDate)} {clockSpan(e.startTime, e.endTime)}
      </p>
      <h1 class="heading-l">{title}</h1>
      <Form action={`/joint-events/${e.id}/parties/${p.organisationId}`}>
        <input type="hidden" name="organisationId" value={p.organisationId} />
        <input type="hidden" name="version" value={v('version', String(p.version ?? 1))} />
        <TextField
          {...field('invitedLevel')}
          label={t('declarations.jointEvents.fields.partyLevel')}
          hint={t('declarations.jointEvents.partyLevelHint', { level: e.invitedLevel || '–' })}
          value={v('invitedLevel', p.invitedLevel)}
        />
        <Radios
          {...field('answer')}
          label={t('declarations.jointEvents.fields.answer')}
          value={v('answer', p.answer ?? 'no_answer')}
          options={JOINT_EVENT_ANSWERS.map((a) => ({ value: a, label: t(`declarations.jointEvents.answers.${a}`) }))}
        />
        <TextArea
          {...field('attendees')}
          label={t('declarations.jointEvents.fields.attendees')}
          hint={t('declarations.jointEvents.attendeesHint')}
          rows={3}
          value={v('attendees', p.attendees)}
        />
        <DateField {...field('answeredOn')} label={t('declarations.jointEvents.fields.answeredOn')} value={v('answeredOn', p.answeredOn)} />
        <Button>{t('declarations.jointEvents.saveAnswer')}</Button>
      </Form>
    </Layout>
  )
}
