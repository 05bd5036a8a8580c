import { type FieldError, errorFor } from '../../../platform/views/error-summary.tsx'
import { Button, Checkboxes, FileField, Form, Select, TextField } from '../../../platform/views/form-controls.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import type { Municipality, StartOptions } from '../survey-start.service.ts'

/** The definition file's shape, as the CLI's survey-import reads it (definition.schemas.ts). */
const EXAMPLE = JSON.stringify(
  {
    name: 'Trygghetsmätning 2025',
    kind: 'trygghetsmatning',
    areas: ['0580'],
    visibility: 'partners',
    questions: [
      {
        key: 'gator_torg_kvall',
        text: 'Hur trygg känner du dig på gator och torg en sen kväll?',
        answers: { '1': 'Mycket trygg', '2': 'Ganska trygg', '3': 'Ganska otrygg', '4': 'Mycket otrygg' },
        reported: ['1', '2'],
        placeType: 'gator och torg',
        timeOfDay: 'kväll',
      },
    ],
  },
  null,
  2,
)

export interface StartValues {
  organisation?: string
  name?: string
  areas?: string[]
}

/**
 * The municipalities to choose, one fieldset per county when they span several (the admin's case). The
 * first fieldset keeps the field's own id, so the error summary's link lands on it.
 */
export function AreaChoices({ areas, counties, values, error }: { areas: Municipality[]; counties: Map<string, string>; values: string[]; error?: string }) {
  const { t } = usePage()
  const byCounty = new Map<string, Municipality[]>()
  for (const m of areas) byCounty.set(m.countyCode, [...(byCounty.get(m.countyCode) ?? []), m])
  const groups = [...byCounty].sort(([a], [b]) => a.localeCompare(b))
  if (groups.length === 0) return <p class="body">{t('surveyStart.fields.noAreas')}</p>
  return (
    <>
      {groups.map(([county, list], i) => (
        <Checkboxes
          name="areas"
          id={i === 0 ? undefined : `f-areas-${county}`}
          label={groups.length > 1 ? t('surveyStart.fields.areasIn', { county: counties.get(county) ?? county }) : t('surveyStart.fields.areas')}
          hint={i === 0 ? t('surveyStart.fields.areasHint') : undefined}
          error={i === 0 ? error : undefined}
          values={values}
          options={list.map((m) => ({ value: m.code, label: `${m.name} (${m.code})` }))}
        />
      ))}
    </>
  )
}

/** The party a survey is for: a choice when the actor may start surveys for several. */
function OwnerField({ owners, value, id, error }: { owners: StartOptions['owners']; value?: string; id?: string; error?: string }) {
  const { t } = usePage()
  if (owners.length === 1) return <input type="hidden" name="organisation" value={owners[0].id} />
  return (
    <Select
      name="organisation"
      id={id}
      label={t('surveyStart.fields.organisation')}
      value={value}
      error={error}
      placeholder={t('surveyStart.fields.organisationChoose')}
      options={owners.map((o) => ({ value: o.id, label: o.name }))}
    />
  )
}

export interface SurveyStartPageProps {
  options: StartOptions
  counties: Map<string, string>
  values?: StartValues
  errors?: FieldError[]
}

/**
 * A new survey (issue 9 §4): its name and areas, its questions then added on its page; or the whole
 * definition from a JSON file in the format the CLI reads. Two forms, so a file is never needed.
 */
export function SurveyStartPage({ options, counties, values = {}, errors }: SurveyStartPageProps) {
  const { t } = usePage()
  const title = t('surveyStart.title')
  return (
    <Layout
      title={title}
      errors={errors}
      breadcrumbs={[{ href: '/', label: t('platform.nav.home') }, { href: '/surveys', label: t('surveys.list.title') }, { label: title }]}
    >
      <h1 class="heading-l">{title}</h1>
      <p class="lead">{t('surveyStart.lead')}</p>
      <Form action="/surveys/new">
        <OwnerField owners={options.owners} value={values.organisation} error={errorFor(errors, 'organisation')} />
        <TextField
          name="name"
          label={t('surveyStart.fields.name')}
          hint={t('surveyStart.fields.nameHint')}
          value={values.name}
          error={errorFor(errors, 'name')}
        />
        <AreaChoices areas={options.areas} counties={counties} values={values.areas ?? []} error={errorFor(errors, 'areas')} />
        <Button>{t('surveyStart.submit')}</Button>
      </Form>

      <h2 class="heading-m">{t('surveyStart.file.title')}</h2>
      <p class="body">{t('surveyStart.file.lead')}</p>
      <pre class="body-s">
        <code>{EXAMPLE}</code>
      </pre>
      <Form action="/surveys/new/definition" multipart>
        <OwnerField owners={options.owners} id="f-organisation-file" error={errorFor(errors, 'organisation-file')} />
        <FileField
          name="definition"
          label={t('surveyStart.file.label')}
          hint={t('surveyStart.file.hint')}
          accept=".json,application/json"
          error={errorFor(errors, 'definition')}
        />
        <Button variant="secondary">{t('surveyStart.file.submit')}</Button>
      </Form>
    </Layout>
  )
}
