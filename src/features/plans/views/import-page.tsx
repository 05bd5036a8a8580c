import { DataTable } from '../../../platform/views/data-display.tsx'
import { type FieldError, errorFor } from '../../../platform/views/error-summary.tsx'
import { Button, FileField, Form } from '../../../platform/views/form-controls.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import { COLUMNS, type ImportKind } from '../import-columns.ts'
import type { Plan } from '../plans.repo.ts'
import { planCrumbs } from './parts.tsx'

export interface ImportPageProps {
  plan: Plan
  ownerName: string
  kind: ImportKind
  errors?: FieldError[]
  /** Every problem of a refused file, as full sentences ("Rad 7, kolumn Status: …"). */
  problems?: string[]
}

/** Upload of an åtgärdsplan's or medborgarlöfte's rows, with the templates and what each column holds. */
export function ImportPage({ plan, ownerName, kind, errors, problems }: ImportPageProps) {
  const { t } = usePage()
  const title = t('plans.import.title')
  return (
    <Layout title={title} errors={errors} wide breadcrumbs={[...planCrumbs(t, plan, ownerName), { label: title }]}>
      <span class="caption">{plan.title}</span>
      <h1 class="heading-l">{title}</h1>
      <p class="body">{t(`plans.import.lead.${kind}`)}</p>
      <ul class="list list--bullet">
        <li>{t('plans.import.allOrNothing')}</li>
        <li>{t('plans.import.reimport')}</li>
        <li>{t('plans.import.followUp')}</li>
        <li>{t('plans.import.format')}</li>
      </ul>
      <p class="body">
        <a href={`/plans/${plan.id}/import/template.xlsx`}>{t('plans.import.templateXlsx')}</a>
        {' · '}
        <a href={`/plans/${plan.id}/import/template.csv`}>{t('plans.import.templateCsv')}</a>
      </p>
      <p class="body-s">{t('plans.import.examples')}</p>

      {problems && problems.length > 0 && (
        <section aria-labelledby="import-problems">
          <h2 class="heading-m" id="import-problems">
            {t('plans.import.problemsTitle', { count: problems.length })}
          </h2>
          <ul class="list list--bullet" id="import-problem-list">
            {problems.map((p) => (
              <li>{p}</li>
            ))}
          </ul>
        </section>
      )}

      <Form action={`/plans/${plan.id}/import`} multipart>
        <FileField
          name="file"
          label={t('plans.import.file')}
          hint={t('plans.import.fileHint')}
          accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          error={errorFor(errors, 'file')}
        />
        <Button>{t('plans.import.submit')}</Button>
      </Form>

      <DataTable
        caption={t('plans.import.columnsCaption')}
        rows={[...COLUMNS[kind]]}
        columns={[
          { key: 'header', label: t('plans.import.column'), render: (c) => c.header },
          { key: 'required', label: t('plans.import.required'), render: (c) => t(c.required ? 'plans.import.yes' : 'plans.import.no') },
          { key: 'meaning', label: t('plans.import.meaning'), render: (c) => t(`plans.import.fields.${c.field}`) },
        ]}
      />
    </Layout>
  )
}
