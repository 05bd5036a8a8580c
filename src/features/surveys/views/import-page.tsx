import { formatNumber } from '../../../platform/i18n/format.ts'
import { DataTable } from '../../../platform/views/data-display.tsx'
import { type FieldError, errorFor } from '../../../platform/views/error-summary.tsx'
import { Button, FileField, Form, type Option, Select } from '../../../platform/views/form-controls.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import { CANONICAL_COLUMNS } from '../definition.schemas.ts'
import type { Survey, SurveyQuestion } from '../surveys.repo.ts'

/** The mapping step: the file's headers, what each was recognised as, and which need a choice. */
export interface MappingStep {
  headers: string[]
  /** Per header: the column or question key it was recognised or mapped as ('ignore' to skip it); undefined when unknown. */
  targets: (string | undefined)[]
  /** Indexes of the headers the user must choose for. */
  ask: number[]
}

export interface SurveyImportPageProps {
  survey: Survey
  questions: SurveyQuestion[]
  maxMegabytes: number
  errors?: FieldError[]
  /** Every problem of a refused file, as sentences ("Rad 1, kolumn Namn: …"). */
  problems?: string[]
  mapping?: MappingStep
}

/** Upload of a survey's anonymous microdata file (issue 9 §5), and when its headers differ, the mapping step. */
export function SurveyImportPage({ survey, questions, maxMegabytes, errors, problems, mapping }: SurveyImportPageProps) {
  const { t, locale } = usePage()
  const title = t('surveyImport.title')
  const options: Option[] = [
    { value: 'ignore', label: t('surveyImport.mapping.ignore') },
    ...CANONICAL_COLUMNS.map((c) => ({ value: c, label: t(`surveyImport.columns.${c}`) })),
    ...questions.map((q) => ({
      value: q.key,
      label: t('surveyImport.mapping.question', { key: q.key, text: q.text.length > 60 ? `${q.text.slice(0, 60)}…` : q.text }),
    })),
  ]
  const labelOf = (target: string | undefined) => options.find((o) => o.value === target)?.label ?? '–'
  const columns = [
    ...CANONICAL_COLUMNS.map((c) => ({ name: c, meaning: t(`surveyImport.columnMeaning.${c}`) })),
    ...questions.map((q) => ({
      name: q.key,
      meaning: t('surveyImport.columnMeaning.question', { text: q.text, codes: q.answers.map((a) => `${a.code} ${a.label}`).join(', ') }),
    })),
  ]
  return (
    <Layout
      title={title}
      errors={errors}
      wide
      breadcrumbs={[{ href: '/surveys', label: t('surveyImport.surveys') }, { href: `/surveys/${survey.id}`, label: survey.name }, { label: title }]}
    >
      <span class="caption">{survey.name}</span>
      <h1 class="heading-l">{title}</h1>
      <p class="body">{t('surveyImport.lead')}</p>
      <ul class="list list--bullet">
        <li>{t('surveyImport.anonymous')}</li>
        <li>{t('surveyImport.allOrNothing')}</li>
        <li>{t('surveyImport.format', { mb: formatNumber(maxMegabytes, locale) })}</li>
        <li>{t('surveyImport.progress')}</li>
      </ul>

      {problems && problems.length > 0 && (
        <section aria-labelledby="import-problems">
          <h2 class="heading-m" id="import-problems">
            {t('surveyImport.problemsTitle', { count: problems.length })}
          </h2>
          <ul class="list list--bullet" id="import-problem-list">
            {problems.map((p) => (
              <li>{p}</li>
            ))}
          </ul>
        </section>
      )}

      <Form action={`/surveys/${survey.id}/import`} multipart>
        {mapping && (
          <section aria-labelledby="mapping-title">
            <h2 class="heading-m" id="mapping-title">
              {t('surveyImport.mapping.title')}
            </h2>
            <p class="body">{t('surveyImport.mapping.lead')}</p>
            <p class="body">{t('surveyImport.mapping.again')}</p>
            <DataTable
              caption={t('surveyImport.mapping.recognised')}
              rows={mapping.headers.map((h, i) => ({ h, i })).filter((r) => !mapping.ask.includes(r.i))}
              empty={t('surveyImport.mapping.noneRecognised')}
              columns={[
                { key: 'header', label: t('surveyImport.mapping.fileColumn'), render: (r) => r.h },
                { key: 'target', label: t('surveyImport.mapping.is'), render: (r) => labelOf(mapping.targets[r.i]) },
              ]}
            />
            {mapping.headers.map((h, i) =>
              mapping.ask.includes(i) ? (
                <>
                  <input type="hidden" name={`name_${i}`} value={h} />
                  <Select
                    name={`col_${i}`}
                    label={t('surveyImport.mapping.selectLabel', { header: h || t('surveyImport.mapping.emptyHeader', { n: i + 1 }) })}
                    options={options}
                    placeholder={t('surveyImport.mapping.choose')}
                    value={mapping.targets[i]}
                    error={errorFor(errors, `col_${i}`)}
                  />
                </>
              ) : null,
            )}
          </section>
        )}
        <FileField
          name="file"
          label={t(mapping ? 'surveyImport.fileAgain' : 'surveyImport.file')}
          hint={t('surveyImport.fileHint', { mb: formatNumber(maxMegabytes, locale) })}
          accept=".csv,text/csv"
          error={errorFor(errors, 'file')}
        />
        <Button>{t('surveyImport.submit')}</Button>
      </Form>

      <DataTable
        caption={t('surveyImport.columnsCaption')}
        rows={columns}
        columns={[
          { key: 'name', label: t('surveyImport.columnName'), render: (c) => <code>{c.name}</code> },
          { key: 'meaning', label: t('surveyImport.columnMeaningLabel'), render: (c) => c.meaning },
        ]}
      />
      <p class="body-s">{t('surveyImport.example')}</p>
    </Layout>
  )
}
