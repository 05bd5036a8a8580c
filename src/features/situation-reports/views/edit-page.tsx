import { type FieldError, errorFor } from '../../../platform/views/error-summary.tsx'
import { Button, Form, type Option, Radios, Select, TextArea, TextField } from '../../../platform/views/form-controls.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import { Paragraphs } from '../../../platform/views/text-blocks.tsx'
import { figureValue } from '../figures.ts'
import type { SituationReport } from '../situation-reports.repo.ts'
import { HeaderFields } from './new-page.tsx'
import { type Values, reportCrumbs, str } from './parts.tsx'

/** Blank rows offered after the filled ones (no script: save, and two more appear). */
const BLANK_ROWS = 2

/** The form's values from the stored report, with blank rows for another figure and source. */
export function sectionValues(r: SituationReport): Values {
  const v: Values = {
    title: r.title,
    periodStart: r.periodStart,
    periodEnd: r.periodEnd,
    visibility: r.visibility,
    reviewIntervalMonths: String(r.reviewIntervalMonths),
    mappingText: r.mappingText,
    otherInformation: r.otherInformation,
    analysis: r.analysis,
    version: String(r.version),
  }
  r.figures.forEach((f, n) => {
    v[`figure_${n}`] = figureValue(f)
    v[`figureNote_${n}`] = f.note ?? ''
  })
  r.sources.forEach((s, n) => {
    v[`sourceName_${n}`] = s.name
    v[`sourceUsed_${n}`] = s.used ? 'yes' : 'no'
    v[`sourceLimitations_${n}`] = s.limitations
  })
  return v
}

const rowsIn = (values: Values, pattern: RegExp) =>
  Object.keys(values).reduce((max, k) => {
    const m = pattern.exec(k)
    return m ? Math.max(max, Number(m[1]) + 1) : max
  }, 0)

interface Props {
  report: SituationReport
  organisation: { id: string; name: string }
  /** The figures one can choose (`indicator:KEY`, `survey:ID:QUESTION`). */
  figureOptions: Option[]
  values: Values
  errors?: FieldError[]
  /** When the save was overtaken: what is stored now, shown beside what the user wrote. */
  conflict?: SituationReport
}

/** The lägesbild's sections (Lag 2023:196 4 §): kartläggning with its figures, annan information, analys, and the sources. */
export function EditPage({ report, organisation, figureOptions, values, errors, conflict }: Props) {
  const { t } = usePage()
  const title = t('situationReports.edit.title', { title: report.title })
  const field = (name: string) => ({ name, value: str(values[name]), error: errorFor(errors, name) })
  const figureRows = rowsIn(values, /^figure(?:Note)?_(\d+)$/) + BLANK_ROWS
  const sourceRows = rowsIn(values, /^source(?:Name|Used|Limitations)_(\d+)$/) + BLANK_ROWS
  const chosen = Array.from({ length: figureRows }, (_, n) => str(values[`figure_${n}`])).filter((v): v is string => !!v)
  const options = [...figureOptions, ...chosen.filter((v) => !figureOptions.some((o) => o.value === v)).map((v) => ({ value: v, label: v }))]
  return (
    <Layout title={title} errors={errors} breadcrumbs={[...reportCrumbs(t, report, organisation), { label: t('situationReports.edit.crumb') }]}>
      <h1 class="heading-l">{title}</h1>
      <p class="body">{t('situationReports.edit.lead')}</p>
      {conflict && (
        <section class="conflict" aria-labelledby="conflict-heading">
          <h2 class="heading-m" id="conflict-heading">
            {t('situationReports.edit.conflictTitle')}
          </h2>
          <p class="body">{t('situationReports.edit.conflictLead')}</p>
          <h3 class="heading-s">{t('situationReports.sections.mapping')}</h3>
          <Paragraphs text={conflict.mappingText || '–'} />
          <h3 class="heading-s">{t('situationReports.sections.otherInformation')}</h3>
          <Paragraphs text={conflict.otherInformation || '–'} />
          <h3 class="heading-s">{t('situationReports.sections.analysis')}</h3>
          <Paragraphs text={conflict.analysis || '–'} />
          <h3 class="heading-s">{t('situationReports.sections.sources')}</h3>
          <ul class="list">
            {conflict.sources.map((s) => (
              <li>
                {s.name} ({t(s.used ? 'situationReports.source.used' : 'situationReports.source.unused')}){s.limitations ? `: ${s.limitations}` : ''}
              </li>
            ))}
          </ul>
        </section>
      )}
      <Form action={`/situation-reports/${report.id}/edit`}>
        <input type="hidden" name="version" value={str(values.version)} />
        <HeaderFields values={values} errors={errors} />
        <h2 class="heading-m">{t('situationReports.sections.mapping')}</h2>
        <TextArea {...field('mappingText')} label={t('situationReports.fields.mappingText')} hint={t('situationReports.fields.mappingHint')} rows={10} />
        <fieldset class="fieldset">
          <legend class="fieldset__legend">{t('situationReports.edit.figures')}</legend>
          <p class="hint">{t(options.length ? 'situationReports.edit.figuresHint' : 'situationReports.edit.figuresNone')}</p>
          {Array.from({ length: figureRows }, (_, n) => (
            <>
              <Select
                {...field(`figure_${n}`)}
                label={t('situationReports.fields.figure', { n: n + 1 })}
                placeholder={t('situationReports.fields.figureNone')}
                options={options}
              />
              <TextField {...field(`figureNote_${n}`)} label={t('situationReports.fields.figureNote', { n: n + 1 })} />
            </>
          ))}
        </fieldset>
        <h2 class="heading-m">{t('situationReports.sections.otherInformation')}</h2>
        <TextArea
          {...field('otherInformation')}
          label={t('situationReports.fields.otherInformation')}
          hint={t('situationReports.fields.otherInformationHint')}
          rows={8}
        />
        <h2 class="heading-m">{t('situationReports.sections.analysis')}</h2>
        <TextArea {...field('analysis')} label={t('situationReports.fields.analysis')} hint={t('situationReports.fields.analysisHint')} rows={10} />
        <p class="body">
          <a href={`/situation-reports/${report.id}/problems`}>{t('situationReports.edit.problemsLink')}</a>
        </p>
        <h2 class="heading-m">{t('situationReports.sections.sources')}</h2>
        <p class="hint">{t('situationReports.edit.sourcesHint')}</p>
        {Array.from({ length: sourceRows }, (_, n) => (
          <fieldset class="fieldset">
            <legend class="fieldset__legend">{t('situationReports.fields.source', { n: n + 1 })}</legend>
            <TextField {...field(`sourceName_${n}`)} label={t('situationReports.fields.sourceName')} />
            <Radios
              {...field(`sourceUsed_${n}`)}
              label={t('situationReports.fields.sourceUsed')}
              options={[
                { value: 'yes', label: t('situationReports.source.used') },
                { value: 'no', label: t('situationReports.source.unused') },
              ]}
            />
            <TextArea {...field(`sourceLimitations_${n}`)} label={t('situationReports.fields.sourceLimitations')} rows={3} />
          </fieldset>
        ))}
        <div class="button-group">
          <Button>{t('situationReports.edit.save')}</Button>
          <a href={`/situation-reports/${report.id}`}>{t('situationReports.cancel')}</a>
        </div>
      </Form>
    </Layout>
  )
}
