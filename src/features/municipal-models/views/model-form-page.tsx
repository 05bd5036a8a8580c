import { type FieldError, errorFor } from '../../../platform/views/error-summary.tsx'
import { Button, Checkboxes, DateField, Form, TextArea, TextField } from '../../../platform/views/form-controls.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import type { Organisation } from '../../organisations/index.ts'
import type { MunicipalModel } from '../municipal-models.repo.ts'
import { modelCrumbs } from './model-page.tsx'

type Values = Record<string, string | string[]>
const str = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)

export const modelValues = (m: MunicipalModel | undefined): Values =>
  m
    ? {
        description: m.description,
        coordinationRole: m.coordinationRole ?? '',
        coordinationPerson: m.coordinationPerson ?? '',
        coordinationSince: m.coordinationSince ?? '',
        showSketch: m.showSketch ? 'on' : '',
        version: String(m.version),
      }
    : { showSketch: 'on' }

/** The model's description and samordningsfunktion, edited by the municipality itself. */
export function ModelFormPage({ organisation: o, values, errors }: { organisation: Organisation; values: Values; errors?: FieldError[] }) {
  const { t } = usePage()
  const title = t('municipalModels.edit.title', { name: o.name })
  return (
    <Layout title={title} errors={errors} breadcrumbs={[...modelCrumbs(t, o), { label: title }]}>
      <h1 class="heading-l">{title}</h1>
      <Form action={`/organisations/${o.id}/structure/edit`}>
        {str(values.version) && <input type="hidden" name="version" value={str(values.version)} />}
        <TextArea
          name="description"
          label={t('municipalModels.fields.description')}
          hint={t('municipalModels.fields.descriptionHint')}
          value={str(values.description)}
          error={errorFor(errors, 'description')}
          rows={6}
        />
        <fieldset class="fieldset">
          <legend class="fieldset__legend">{t('municipalModels.function.title')}</legend>
          <p class="hint">{t('municipalModels.function.hint')}</p>
          <TextField
            name="coordinationRole"
            label={t('municipalModels.function.roleOptional')}
            hint={t('municipalModels.function.roleHint')}
            value={str(values.coordinationRole)}
            error={errorFor(errors, 'coordinationRole')}
          />
          <TextField
            name="coordinationPerson"
            label={t('municipalModels.function.personOptional')}
            value={str(values.coordinationPerson)}
            error={errorFor(errors, 'coordinationPerson')}
          />
          <DateField
            name="coordinationSince"
            label={t('municipalModels.function.sinceOptional')}
            value={str(values.coordinationSince)}
            error={errorFor(errors, 'coordinationSince')}
          />
        </fieldset>
        <Checkboxes
          name="showSketch"
          label={t('municipalModels.sketch.label')}
          options={[{ value: 'on', label: t('municipalModels.sketch.show') }]}
          values={str(values.showSketch) ? ['on'] : []}
          error={errorFor(errors, 'showSketch')}
        />
        <div class="button-group">
          <Button>{t('municipalModels.edit.submit')}</Button>
          <a href={`/organisations/${o.id}/structure`}>{t('collaborations.edit.cancel')}</a>
        </div>
      </Form>
    </Layout>
  )
}
