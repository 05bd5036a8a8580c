import { formatDateTime, formatNumber } from '../../../platform/i18n/format.ts'
import { type Column, DataTable, SummaryList } from '../../../platform/views/data-display.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import { Paragraphs } from '../../../platform/views/text-blocks.tsx'
import type { SurveyImport, SurveyQuestion } from '../surveys.repo.ts'
import type { SurveyContext } from '../surveys.service.ts'
import { SyntheticNotice } from './survey-parts.tsx'

export interface SurveyPageProps extends SurveyContext {
  owner: string
  /** The municipalities the survey covers, as its definition names them (empty: wherever its files say). */
  areas: { code: string; name: string }[]
  coverage: { municipalityCode: string; name: string; years: number[] }[]
  imports: SurveyImport[]
}

/** A survey: what it asks and how shares are counted, where it has answers, and its imports. */
export function SurveyPage({ survey, questions, canEdit, owner, areas, coverage, imports }: SurveyPageProps) {
  const { t, locale } = usePage()
  const questionColumns: Column<SurveyQuestion>[] = [
    { key: 'key', label: t('surveys.columns.key'), render: (q) => <code>{q.key}</code> },
    { key: 'text', label: t('surveys.columns.question'), render: (q) => q.text },
    { key: 'answers', label: t('surveys.columns.answers'), render: (q) => q.answers.map((a) => `${a.code} ${a.label}`).join(', ') },
    {
      key: 'reported',
      label: t('surveys.columns.reported'),
      render: (q) =>
        q.answers
          .filter((a) => q.reported.includes(a.code))
          .map((a) => a.label)
          .join(', '),
    },
    { key: 'place', label: t('surveys.columns.place'), render: (q) => [q.placeType, q.timeOfDay].filter(Boolean).join(', ') },
    ...(canEdit
      ? [
          {
            key: 'edit',
            label: t('surveyForms.links.edit'),
            render: (q: SurveyQuestion) => <a href={`/surveys/${survey.id}/questions/${q.key}/edit`}>{t('surveyForms.links.edit')}</a>,
          },
        ]
      : []),
  ]
  const years = (ys: number[]) => (ys.length > 1 ? `${ys[0]}–${ys[ys.length - 1]}` : String(ys[0] ?? ''))
  return (
    <Layout
      title={survey.name}
      wide
      breadcrumbs={[{ href: '/', label: t('platform.nav.home') }, { href: '/surveys', label: t('surveys.list.title') }, { label: survey.name }]}
    >
      <h1 class="heading-l">{survey.name}</h1>
      <SyntheticNotice survey={survey} />
      {survey.description && <Paragraphs text={survey.description} />}
      <SummaryList
        rows={[
          { key: t('surveys.columns.kind'), value: t(`surveys.kinds.${survey.kind}`) },
          { key: t('surveys.columns.owner'), value: owner },
          { key: t('surveys.columns.attribution'), value: survey.attribution },
          { key: t('surveys.columns.threshold'), value: t('surveys.survey.thresholdValue', { n: formatNumber(survey.suppressionThreshold, locale) }) },
          { key: t('surveys.columns.visibility'), value: t(`surveys.visibility.${survey.visibility}`) },
          {
            key: t('surveyStart.fields.areas'),
            value: areas.length ? areas.map((a) => a.name).join(', ') : t('surveyStart.page.anyArea'),
          },
        ]}
      />
      {canEdit && (
        <p class="body">
          <a href={`/surveys/${survey.id}/edit`}>{t('surveyStart.page.editLink')}</a>
        </p>
      )}
      <h2 class="heading-m">{t('surveys.survey.areas')}</h2>
      {coverage.length === 0 ? (
        <p class="body">{t('surveys.survey.noAnswers')}</p>
      ) : (
        <ul class="list columns">
          {coverage.map((c) => (
            <li>
              <a href={`/surveys/${survey.id}/areas/${c.municipalityCode}`}>{c.name}</a> ({years(c.years)})
            </li>
          ))}
        </ul>
      )}
      <h2 class="heading-m">{t('surveys.survey.questions')}</h2>
      <DataTable caption={t('surveys.survey.questions')} columns={questionColumns} rows={questions} empty={t('surveyStart.page.noQuestions')} />
      {canEdit && (
        <p class="body">
          <a href={`/surveys/${survey.id}/questions/new`}>{t('surveyForms.links.addQuestion')}</a>
        </p>
      )}
      <h2 class="heading-m">{t('surveys.survey.imports')}</h2>
      <p class="body-s">{t('surveys.survey.importsNote')}</p>
      <DataTable
        caption={t('surveys.survey.imports')}
        rows={imports}
        empty={t('surveys.survey.noImports')}
        columns={[
          { key: 'at', label: t('surveys.columns.importedAt'), render: (i) => formatDateTime(i.createdAt, locale) },
          { key: 'file', label: t('surveys.columns.file'), render: (i) => i.fileName },
          { key: 'years', label: t('surveys.columns.year'), render: (i) => years(i.years) },
          { key: 'respondents', label: t('surveys.columns.respondents'), numeric: true, render: (i) => formatNumber(i.respondents, locale) },
        ]}
      />
      {canEdit && (
        <p class="body">
          <a class="button" href={`/surveys/${survey.id}/import`}>
            {t('surveys.survey.import')}
          </a>
        </p>
      )}
    </Layout>
  )
}
