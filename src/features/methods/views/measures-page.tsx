import { DataTable } from '../../../platform/views/data-display.tsx'
import { type FieldError, errorFor } from '../../../platform/views/error-summary.tsx'
import { Button, Form, Select } from '../../../platform/views/form-controls.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import { ConfirmForm } from '../../../platform/views/text-blocks.tsx'
import type { MeasuresPageData } from '../methods.service.ts'
import { LatestStatus } from './measure-status.tsx'
import { type Values, methodCrumbs, str } from './parts.tsx'

/** The measures that apply a method, and a form to link one of the actor's own. */
export function MeasuresPage({ d, values, errors }: { d: MeasuresPageData; values: Values; errors?: FieldError[] }) {
  const { t } = usePage()
  const m = d.method
  const title = t('methods.measures.title', { name: m.name })
  return (
    <Layout title={title} errors={errors} breadcrumbs={[...methodCrumbs(t, m), { label: title }]} wide>
      <h1 class="heading-l">{title}</h1>
      <p class="body">{t('methods.measures.lead')}</p>
      <h2 class="heading-m">{t('methods.measures.link')}</h2>
      {d.options.length === 0 ? (
        <p class="body">{t('methods.measures.none')}</p>
      ) : (
        <Form action={`/methods/${m.id}/measures`}>
          <Select
            name="planItemId"
            value={str(values.planItemId)}
            error={errorFor(errors, 'planItemId')}
            label={t('methods.measures.measure')}
            placeholder={t('methods.measures.choose')}
            options={d.options.map((o) => ({ value: o.id, label: `${o.title} (${o.planTitle})` }))}
          />
          <Button>{t('methods.measures.save')}</Button>
        </Form>
      )}
      <h2 class="heading-m">{t('methods.measures.linked')}</h2>
      {d.linked.length === 0 ? (
        <p class="body">{t('methods.page.noMeasures')}</p>
      ) : (
        <DataTable
          caption={t('methods.measures.linked')}
          rows={d.linked}
          columns={[
            { key: 'title', label: t('methods.page.measure'), render: (x) => x.title },
            { key: 'plan', label: t('methods.page.plan'), render: (x) => <a href={`/plans/${x.planId}`}>{x.planTitle}</a> },
            { key: 'org', label: t('methods.page.municipality'), render: (x) => x.organisationName },
            { key: 'latest', label: t('methods.page.latest'), render: (x) => <LatestStatus m={x} /> },
            {
              key: 'unlink',
              label: '',
              render: (x) =>
                x.canEdit ? (
                  <ConfirmForm action={`/methods/${m.id}/measures/remove`} confirm={t('methods.measures.unlinkConfirm', { title: x.title })}>
                    <input type="hidden" name="planItemId" value={x.id} />
                    <Button variant="warning">{t('methods.measures.unlink', { title: x.title })}</Button>
                  </ConfirmForm>
                ) : null,
            },
          ]}
        />
      )}
      <p class="body">
        <a href={`/methods/${m.id}`}>{m.name}</a>
      </p>
    </Layout>
  )
}
