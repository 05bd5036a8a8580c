import { SummaryList } from '../../../platform/views/data-display.tsx'
import { formatDateTime } from '../../../platform/i18n/format.ts'
import { type FieldError, errorFor } from '../../../platform/views/error-summary.tsx'
import { Button, DateField, Form, Radios, Select, TextArea, TextField } from '../../../platform/views/form-controls.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import { VISIBILITIES } from '../../collaborations/collaborations.tables.ts'
import type { CollaborationRow } from '../../collaborations/index.ts'
import { collaborationsCrumbs } from '../../collaborations/index.ts'
import type { Body } from '../bodies.repo.ts'
import { BODY_KINDS } from '../bodies.tables.ts'
import { activePeriod } from './body-page.tsx'

type Values = Record<string, string | string[]>
const str = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)

export const bodyValues = (b: Body): Values => ({
  kind: b.kind,
  name: b.name,
  theme: b.theme ?? '',
  mandate: b.mandate,
  parentBodyId: b.parentBodyId ?? '',
  activeFrom: b.activeFrom ?? '',
  activeTo: b.activeTo ?? '',
  visibility: b.visibility,
  version: String(b.version),
})

interface Props {
  collaboration: CollaborationRow
  /** Absent when creating. */
  body?: Body
  parentOptions: Body[]
  values: Values
  errors?: FieldError[]
  /** Set when someone else saved first (409): the stored body, shown beside what the user typed. */
  current?: Body
}

/** Create or edit a body; the same fields either way, with the hidden version when editing. */
export function BodyFormPage({ collaboration: c, body, parentOptions, values, errors, current }: Props) {
  const { t, locale } = usePage()
  const title = body ? t('bodies.edit.title', { name: body.name }) : t('bodies.new.title', { name: c.shortName })
  const crumbs = [...collaborationsCrumbs(t), { href: `/collaborations/${c.id}`, label: c.shortName }]
  if (body) crumbs.push({ href: `/bodies/${body.id}`, label: body.name })
  const back = body ? `/bodies/${body.id}` : `/collaborations/${c.id}`
  return (
    <Layout title={title} errors={errors} breadcrumbs={[...crumbs, { label: title }]}>
      <h1 class="heading-l">{title}</h1>
      {current && (
        <section aria-labelledby="stale-heading">
          <h2 class="heading-m" id="stale-heading">
            {t('collaborations.stale.title')}
          </h2>
          <p class="warning-text">{t('collaborations.stale.body')}</p>
          <SummaryList
            rows={[
              { key: t('bodies.fields.name'), value: current.name },
              { key: t('bodies.fields.kind'), value: t(`bodies.kinds.${current.kind}`) },
              { key: t('bodies.fields.theme'), value: current.theme ?? '–' },
              { key: t('bodies.fields.mandate'), value: current.mandate || '–' },
              { key: t('bodies.fields.parent'), value: parentOptions.find((p) => p.id === current.parentBodyId)?.name ?? '–' },
              { key: t('bodies.fields.active'), value: activePeriod(current.activeFrom, current.activeTo) },
              { key: t('bodies.fields.visibility'), value: t(`collaborations.visibility.${current.visibility}`) },
              { key: t('collaborations.stale.savedAt'), value: formatDateTime(current.updatedAt, locale) },
            ]}
          />
          <h2 class="heading-m">{t('collaborations.stale.yours')}</h2>
        </section>
      )}
      <Form action={body ? `/bodies/${body.id}/edit` : `/collaborations/${c.id}/bodies`}>
        {body && <input type="hidden" name="version" value={str(values.version)} />}
        <Select
          name="kind"
          label={t('bodies.fields.kind')}
          value={str(values.kind)}
          placeholder={t('bodies.chooseKind')}
          options={BODY_KINDS.map((k) => ({ value: k, label: t(`bodies.kinds.${k}`) }))}
          error={errorFor(errors, 'kind')}
        />
        <TextField name="name" label={t('bodies.fields.name')} value={str(values.name)} error={errorFor(errors, 'name')} />
        <TextField
          name="theme"
          label={t('bodies.fields.theme')}
          hint={t('bodies.form.themeHint')}
          value={str(values.theme)}
          error={errorFor(errors, 'theme')}
        />
        <TextArea
          name="mandate"
          label={t('bodies.fields.mandate')}
          hint={t('bodies.form.mandateHint')}
          value={str(values.mandate)}
          error={errorFor(errors, 'mandate')}
          rows={6}
        />
        <Select
          name="parentBodyId"
          label={t('bodies.fields.parent')}
          hint={t('bodies.form.parentHint')}
          value={str(values.parentBodyId)}
          placeholder={t('bodies.form.noParent')}
          options={parentOptions.map((p) => ({ value: p.id, label: `${p.name} (${t(`bodies.kinds.${p.kind}`)})` }))}
          error={errorFor(errors, 'parentBodyId')}
        />
        <DateField name="activeFrom" label={t('bodies.fields.activeFrom')} value={str(values.activeFrom)} error={errorFor(errors, 'activeFrom')} />
        <DateField name="activeTo" label={t('bodies.fields.activeTo')} value={str(values.activeTo)} error={errorFor(errors, 'activeTo')} />
        <Radios
          name="visibility"
          label={t('bodies.fields.visibility')}
          value={str(values.visibility)}
          options={VISIBILITIES.map((v) => ({ value: v, label: `${t(`collaborations.visibility.${v}`)} – ${t(`collaborations.visibilityHints.${v}`)}` }))}
          error={errorFor(errors, 'visibility')}
        />
        <div class="button-group">
          <Button>{body ? t('bodies.edit.submit') : t('bodies.new.submit')}</Button>
          <a href={back}>{t('collaborations.edit.cancel')}</a>
        </div>
      </Form>
    </Layout>
  )
}
