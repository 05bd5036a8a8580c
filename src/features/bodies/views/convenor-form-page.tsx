import { type FieldError, errorFor } from '../../../platform/views/error-summary.tsx'
import { Button, DateField, Form, type Option, Select } from '../../../platform/views/form-controls.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import type { CollaborationRow } from '../../collaborations/index.ts'
import { collaborationsCrumbs } from '../../collaborations/index.ts'
import type { Body } from '../bodies.repo.ts'
import type { Convenor } from '../convenors.repo.ts'

type Values = Record<string, string | string[]>
const str = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)

export const convenorValues = (c: Convenor): Values => ({
  organisationId: c.organisationId,
  validFrom: c.validFrom,
  validTo: c.validTo ?? '',
  version: String(c.version),
})

interface Props {
  body: Body
  collaboration: CollaborationRow
  partyOptions: Option[]
  /** Absent when adding a period. */
  convenor?: Convenor
  values: Values
  errors?: FieldError[]
}

/** Add or change one convenor period of a body. */
export function ConvenorFormPage({ body: b, collaboration: c, partyOptions, convenor, values, errors }: Props) {
  const { t } = usePage()
  const title = convenor ? t('bodies.convenors.editTitle', { name: b.name }) : t('bodies.convenors.newTitle', { name: b.name })
  return (
    <Layout
      title={title}
      errors={errors}
      breadcrumbs={[
        ...collaborationsCrumbs(t),
        { href: `/collaborations/${c.id}`, label: c.shortName },
        { href: `/bodies/${b.id}`, label: b.name },
        { label: title },
      ]}
    >
      <h1 class="heading-l">{title}</h1>
      <p class="body">{t('bodies.convenors.formIntro')}</p>
      <Form action={convenor ? `/bodies/${b.id}/convenors/${convenor.id}/edit` : `/bodies/${b.id}/convenors/new`}>
        {convenor && <input type="hidden" name="version" value={str(values.version)} />}
        <Select
          name="organisationId"
          label={t('bodies.convenors.organisation')}
          value={str(values.organisationId)}
          placeholder={t('bodies.convenors.chooseOrganisation')}
          options={partyOptions}
          error={errorFor(errors, 'organisationId')}
        />
        <DateField name="validFrom" label={t('bodies.convenors.from')} value={str(values.validFrom)} error={errorFor(errors, 'validFrom')} />
        <DateField
          name="validTo"
          label={t('bodies.convenors.to')}
          hint={t('bodies.convenors.toHint')}
          value={str(values.validTo)}
          error={errorFor(errors, 'validTo')}
        />
        <div class="button-group">
          <Button>{t('bodies.convenors.submit')}</Button>
          <a href={`/bodies/${b.id}#convenors`}>{t('collaborations.edit.cancel')}</a>
        </div>
      </Form>
    </Layout>
  )
}
