import { type FieldError, errorFor } from '../../../platform/views/error-summary.tsx'
import { Button, FileField, Form, TextField } from '../../../platform/views/form-controls.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import type { BodyRow } from '../../bodies/index.ts'
import type { Meeting } from '../meetings.repo.ts'
import { type Values, meetingCrumbs, str } from './parts.tsx'

export function AgendaItemPage({ body, meeting, values = {}, errors }: { body: BodyRow; meeting: Meeting; values?: Values; errors?: FieldError[] }) {
  const { t } = usePage()
  const title = t('meetings.agenda.newTitle')
  return (
    <Layout title={title} errors={errors} breadcrumbs={[...meetingCrumbs(t, body, meeting), { label: title }]}>
      <h1 class="heading-l">{title}</h1>
      <Form action={`/meetings/${meeting.id}/agenda/new`} multipart>
        <TextField name="title" label={t('meetings.agenda.itemTitle')} value={str(values.title)} error={errorFor(errors, 'title')} />
        <TextField
          name="presenter"
          label={t('meetings.agenda.presenterOptional')}
          value={str(values.presenter)}
          error={errorFor(errors, 'presenter')}
          width="medium"
        />
        <TextField
          name="plannedMinutes"
          label={t('meetings.agenda.plannedMinutesOptional')}
          hint={t('meetings.agenda.plannedMinutesHint')}
          value={str(values.plannedMinutes)}
          error={errorFor(errors, 'plannedMinutes')}
          width="narrow"
          inputmode="numeric"
        />
        <FileField
          name="file"
          label={t('meetings.agenda.attachmentOptional')}
          hint={t('meetings.agenda.attachmentHint')}
          accept=".pdf,.docx"
          error={errorFor(errors, 'file')}
        />
        <div class="button-group">
          <Button>{t('meetings.agenda.submit')}</Button>
          <a href={`/meetings/${meeting.id}`}>{t('meetings.form.cancel')}</a>
        </div>
      </Form>
    </Layout>
  )
}
