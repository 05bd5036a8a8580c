import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import { type AreaEstimates, cellKey } from '../surveys.service.ts'
import { GenderAnalysis, TrendAnalysis } from './gender-analysis.tsx'
import { SyntheticNotice } from './survey-parts.tsx'

/** One municipality's answers by gender, beside its county, for a chosen year; trends under each question. */
export function SurveyAreaPage({ data, year }: { data: AreaEstimates; year: number }) {
  const { t } = usePage()
  const { survey, municipality: m } = data
  const title = `${survey.name} – ${m.name}`
  const view = (area: string, y: number, q: string) => data.views.get(cellKey(area, y, q)) ?? null
  return (
    <Layout
      title={title}
      wide
      breadcrumbs={[
        { href: '/', label: t('platform.nav.home') },
        { href: '/surveys', label: t('surveys.list.title') },
        { href: `/surveys/${survey.id}`, label: survey.name },
        { label: m.name },
      ]}
    >
      <h1 class="heading-l">{title}</h1>
      <SyntheticNotice survey={survey} />
      <p class="lead">{t('surveys.area.intro', { municipality: m.name, county: m.countyName })}</p>
      {data.years.length === 0 ? (
        <p class="body">{t('surveys.area.noData')}</p>
      ) : (
        <>
          <form method="get" action={`/surveys/${survey.id}/areas/${m.code}`} class="filters">
            <div class="form-group">
              <label class="label" for="year">
                {t('surveys.columns.year')}
              </label>
              <select class="select" id="year" name="year">
                {[...data.years].reverse().map((y) => (
                  <option value={String(y)} selected={y === year}>
                    {y}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" class="button button--secondary">
              {t('surveys.area.show')}
            </button>
          </form>
          <p class="body-s">
            <a href={`/surveys/${survey.id}/areas/${m.code}/estimates.csv`}>{t('surveys.area.csv')}</a> ·{' '}
            <a href="/help/survey-estimates">{t('surveys.help.link')}</a>
          </p>
          {data.questions.map((q, i) => (
            <section aria-labelledby={`q-${q.key}`} class="question-section">
              <h2 class="heading-m" id={`q-${q.key}`}>
                {q.text}
              </h2>
              <GenderAnalysis
                id={`bar-${i}`}
                question={q}
                year={year}
                attribution={survey.attribution}
                threshold={survey.suppressionThreshold}
                areas={[
                  { code: m.code, name: m.name, view: view(m.code, year, q.key) },
                  { code: m.countyCode, name: m.countyName, view: view(m.countyCode, year, q.key) },
                ]}
              />
              {data.years.length > 1 && (
                <details class="details">
                  <summary>{t('surveys.area.trend', { area: m.name })}</summary>
                  <TrendAnalysis
                    id={`trend-${i}`}
                    question={q}
                    areaName={m.name}
                    years={data.years}
                    viewOf={(y) => view(m.code, y, q.key)}
                    attribution={survey.attribution}
                    threshold={survey.suppressionThreshold}
                  />
                </details>
              )}
            </section>
          ))}
        </>
      )}
    </Layout>
  )
}
