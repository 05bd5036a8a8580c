import { type FieldError, errorFor } from '../../../platform/views/error-summary.tsx'
import { Button, Form, Select, TextArea, TextField } from '../../../platform/views/form-controls.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import type { Organisation } from '../../organisations/index.ts'
import type { MunicipalBody } from '../municipal-models.repo.ts'
import { MUNICIPAL_BODY_KINDS } from '../municipal-models.tables.ts'
import { modelCrumbs } from './model-page.tsx'

type Values = Record<string, string | string[]>
const str = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)

export const municipalBodyValues = (b: MunicipalBody): Values => ({
  kind: b.kind,
  name: b.name,
  purpose: b.purpose,
  chair: b.chair ?? '',
  members: b.members ?? '',
  meetingRhythm: b.meetingRhythm ?? '',
  parentId: b.parentId ?? '',
  version: String(b.version),
})

interface Props {
  organisation: Organisation
  /** Absent when adding. */
  body?: MunicipalBody
  /** Bodies it may report to. */
  others: MunicipalBody[]
  values: Values
  errors?: FieldError[]
}

/** Add or change a local body: a trygghetsråd, a lokalt BRÅ, a ledningsgrupp … */
export function MunicipalBodyFormPage({ organisation: o, body, others, values, errors }: Props) {
  const { t } = usePage()
  const title = body ? t('municipalModels.bodies.editTitle', { name: body.name }) : t('municipalModels.bodies.newTitle', { name: o.name })
  const base = `/organisations/${o.id}/structure`
  return (
    <Layout title={title} errors={errors} breadcrumbs={[...modelCrumbs(t, o), { label: title }]}>
      <h1 class="heading-l">{title}</h1>
      <Form action={body ? `${base}/bodies/${body.id}/edit` : `${base}/bodies/new`}>
        {body && <input type="hidden" name="version" value={str(values.version)} />}
        <TextField name="name" label={t('municipalModels.fields.name')} value={str(values.name)} error={errorFor(errors, 'name')} />
        <Select
          name="kind"
          label={t('municipalModels.fields.kind')}
          value={str(values.kind)}
          placeholder={t('municipalModels.chooseKind')}
          options={MUNICIPAL_BODY_KINDS.map((k) => ({ value: k, label: t(`municipalModels.kinds.${k}`) }))}
          error={errorFor(errors, 'kind')}
        />
        <TextArea name="purpose" label={t('municipalModels.fields.purposeOptional')} value={str(values.purpose)} error={errorFor(errors, 'purpose')} rows={4} />
        <TextField
          name="chair"
          label={t('municipalModels.fields.chairOptional')}
          hint={t('municipalModels.fields.chairHint')}
          value={str(values.chair)}
          error={errorFor(errors, 'chair')}
        />
        <TextArea
          name="members"
          label={t('municipalModels.fields.membersOptional')}
          hint={t('municipalModels.fields.membersHint')}
          value={str(values.members)}
          error={errorFor(errors, 'members')}
          rows={3}
        />
        <TextField
          name="meetingRhythm"
          label={t('municipalModels.fields.meetingRhythmOptional')}
          hint={t('municipalModels.fields.meetingRhythmHint')}
          value={str(values.meetingRhythm)}
          error={errorFor(errors, 'meetingRhythm')}
        />
        <Select
          name="parentId"
          label={t('municipalModels.fields.parent')}
          value={str(values.parentId)}
          placeholder={t('municipalModels.noParent')}
          options={others.map((b) => ({ value: b.id, label: b.name }))}
          error={errorFor(errors, 'parentId')}
        />
        <div class="button-group">
          <Button>{t('municipalModels.bodies.submit')}</Button>
          <a href={base}>{t('collaborations.edit.cancel')}</a>
        </div>
      </Form>
    </Layout>
  )
}
