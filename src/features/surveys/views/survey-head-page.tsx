import { type FieldError, errorFor } from '../../../platform/views/error-summary.tsx'
import { Button, Form, TextField } from '../../../platform/views/form-controls.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import type { Municipality } from '../survey-start.service.ts'
import type { Survey } from '../surveys.repo.ts'
import { AreaChoices } from './survey-start-page.tsx'

export interface SurveyHeadPageProps {
  survey: Survey
  areas: Municipality[]
  counties: Map<string, string>
  values: { name?: string; areas?: string[]; version?: string }
  errors?: FieldError[]
}

/** A survey's name and the municipalities it covers (its questions have their own forms). */
export function SurveyHeadPage({ survey, areas, counties, values, errors }: SurveyHeadPageProps) {
  const { t } = usePage()
  const title = t('surveyStart.edit.title')
  return (
    <Layout
      title={title}
      errors={errors}
      breadcrumbs={[
        { href: '/', label: t('platform.nav.home') },
        { href: '/surveys', label: t('surveys.list.title') },
        { href: `/surveys/${survey.id}`, label: survey.name },
        { label: title },
      ]}
    >
      <span class="caption">{survey.name}</span>
      <h1 class="heading-l">{title}</h1>
      <Form action={`/surveys/${survey.id}/edit`}>
        <input type="hidden" name="version" value={values.version ?? ''} />
        <TextField name="name" label={t('surveyStart.fields.name')} value={values.name} error={errorFor(errors, 'name')} />
        <AreaChoices areas={areas} counties={counties} values={values.areas ?? []} error={errorFor(errors, 'areas')} />
        <div class="button-group">
          <Button>{t('surveyStart.edit.save')}</Button>
          <a href={`/surveys/${survey.id}`}>{t('surveyForms.cancel')}</a>
        </div>
      </Form>
    </Layout>
  )
}
