import { type FieldError, errorFor } from '../../../platform/views/error-summary.tsx'
import { Button, Form, TextArea, TextField } from '../../../platform/views/form-controls.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import type { Survey } from '../surveys.repo.ts'

interface Props {
  survey: Survey
  /** Set when editing: the key cannot change. */
  questionKey?: string
  values: Record<string, string>
  errors?: FieldError[]
}

/** One question of a survey: its wording, its answers one a line, and which codes count in the share (issue 9 §4). */
export function QuestionFormPage({ survey, questionKey, values, errors }: Props) {
  const { t } = usePage()
  const title = questionKey ? t('surveyForms.question.editTitle', { key: questionKey }) : t('surveyForms.question.newTitle')
  const action = questionKey ? `/surveys/${survey.id}/questions/${questionKey}/edit` : `/surveys/${survey.id}/questions/new`
  const field = (name: string) => ({ name, value: values[name] ?? '', error: errorFor(errors, name) })
  return (
    <Layout title={title} errors={errors} breadcrumbs={[{ label: survey.name, href: `/surveys/${survey.id}` }, { label: title }]}>
      <h1 class="heading-l">{title}</h1>
      <Form action={action}>
        <input type="hidden" name="version" value={values.version ?? ''} />
        {questionKey ? (
          <p class="body">{t('surveyForms.question.keyFixed', { key: questionKey })}</p>
        ) : (
          <TextField {...field('key')} label={t('surveyForms.fields.key')} hint={t('surveyForms.fields.keyHint')} width="narrow" />
        )}
        <TextArea {...field('text')} label={t('surveyForms.fields.text')} rows={3} />
        <TextArea {...field('answers')} label={t('surveyForms.fields.answers')} hint={t('surveyForms.fields.answersHint')} rows={6} />
        <TextField {...field('reported')} label={t('surveyForms.fields.reported')} hint={t('surveyForms.fields.reportedHint')} width="narrow" />
        <TextField {...field('reportedLabel')} label={t('surveyForms.fields.reportedLabel')} hint={t('surveyForms.fields.reportedLabelHint')} />
        <TextField {...field('placeType')} label={t('surveyForms.fields.placeType')} />
        <TextField {...field('timeOfDay')} label={t('surveyForms.fields.timeOfDay')} />
        <div class="button-group">
          <Button>{t('surveyForms.question.save')}</Button>
          <a href={`/surveys/${survey.id}`}>{t('surveyForms.cancel')}</a>
        </div>
      </Form>
    </Layout>
  )
}
