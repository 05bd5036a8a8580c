import { type Column, DataTable } from '../../../platform/views/data-display.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import { isSignificant } from '../estimates.ts'
import { pValueText, percent } from '../sentence.ts'
import { shownEstimate } from '../suppression.ts'
import type { SurveyQuestion } from '../surveys.repo.ts'
import { type SurveyBasis, cellKey } from '../surveys.service.ts'
import type { IndicatorSeries } from '../../indicators/index.ts'
import { GenderAnalysis, SuppressionNotes } from './gender-analysis.tsx'
import { IndicatorBasis } from './indicator-basis.tsx'
import { SyntheticNotice } from './survey-parts.tsx'

type Municipality = { code: string; name: string; countyCode: string; countyName: string }

/** The knowledge base's front door: indicators, surveys, and each municipality's underlag for its lägesbild. */
export function KnowledgeHubPage({ municipalities }: { municipalities: Municipality[] }) {
  const { t } = usePage()
  const title = t('surveys.knowledge.title')
  const collator = new Intl.Collator('sv')
  const counties = [...new Map(municipalities.map((m) => [m.countyCode, m.countyName]))].sort((a, b) => collator.compare(a[1], b[1]))
  return (
    <Layout title={title} breadcrumbs={[{ href: '/', label: t('platform.nav.home') }, { label: title }]}>
      <h1 class="heading-l">{title}</h1>
      <p class="lead">{t('surveys.knowledge.intro')}</p>
      <ul class="list">
        <li>
          <a href="/indicators">{t('surveys.knowledge.indicators')}</a> – {t('indicators.navDescription')}
        </li>
        <li>
          <a href="/surveys">{t('surveys.list.title')}</a> – {t('surveys.knowledge.surveys')}
        </li>
        <li>
          <a href="/methods">{t('methods.list.title')}</a> – {t('methods.navDescription')}
        </li>
        <li>
          <a href="/help/survey-estimates">{t('surveys.help.title')}</a>
        </li>
      </ul>
      <h2 class="heading-m">{t('surveys.knowledge.basisTitle')}</h2>
      <p class="body">{t('surveys.knowledge.basisIntro')}</p>
      {counties.length === 0 && <p class="body">{t('surveys.knowledge.noData')}</p>}
      {counties.map(([code, name]) => (
        <section aria-labelledby={`county-${code}`}>
          <h3 class="heading-s" id={`county-${code}`}>
            {name}
          </h3>
          <ul class="list columns">
            {municipalities
              .filter((m) => m.countyCode === code)
              .sort((a, b) => collator.compare(a.name, b.name))
              .map((m) => (
                <li>
                  <a href={`/knowledge/municipalities/${m.code}`}>{m.name}</a>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </Layout>
  )
}

/** Per place and time of day: women against men in one table, the quickest overview of where the gap is. */
function PlaceTimeTable({ basis }: { basis: SurveyBasis }) {
  const { t, locale } = usePage()
  const { data, year } = basis
  const view = (q: SurveyQuestion) => data.views.get(cellKey(data.municipality.code, year, q.key)) ?? null
  const pct = (v: number | null | undefined) => (v === null || v === undefined ? '–' : percent(v, locale))
  const columns: Column<SurveyQuestion>[] = [
    { key: 'question', label: t('surveys.columns.question'), render: (q) => q.text },
    { key: 'place', label: t('surveys.columns.place'), render: (q) => [q.placeType, q.timeOfDay].filter(Boolean).join(', ') || '–' },
    { key: 'women', label: t('surveys.groups.kvinna'), numeric: true, render: (q) => pct(view(q) && shownEstimate(view(q)!, 'kvinna')?.share) },
    { key: 'men', label: t('surveys.groups.man'), numeric: true, render: (q) => pct(view(q) && shownEstimate(view(q)!, 'man')?.share) },
    {
      key: 'gap',
      label: t('surveys.columns.gap'),
      numeric: true,
      render: (q) => {
        const d = view(q)?.difference
        if (!d) return '–'
        const pp = Math.round(d.estimate * 100)
        return `${pp > 0 ? '+' : ''}${pp} ${t('surveys.pp')} ${isSignificant(d) ? `(${pValueText(d.pValue, locale)})` : `(${t('surveys.notSignificantShort')})`}`
      },
    },
  ]
  return (
    <>
      <DataTable caption={t('surveys.basis.placeTimeCaption', { survey: data.survey.name, year: String(year) })} columns={columns} rows={data.questions} />
      <SuppressionNotes views={data.questions.map(view)} threshold={data.survey.suppressionThreshold} />
    </>
  )
}

/** "Lägesbild – underlag" for a municipality (issue 9 §10): its survey figures by gender beside the county's. */
export function MunicipalityBasisPage({
  municipality,
  surveys,
  indicators,
}: {
  municipality: Municipality
  surveys: SurveyBasis[]
  indicators: IndicatorSeries[]
}) {
  const { t } = usePage()
  const title = t('surveys.basis.title', { municipality: municipality.name })
  return (
    <Layout
      title={title}
      wide
      breadcrumbs={[{ href: '/', label: t('platform.nav.home') }, { href: '/knowledge', label: t('surveys.knowledge.title') }, { label: municipality.name }]}
    >
      <h1 class="heading-l">{title}</h1>
      <p class="lead">{t('surveys.basis.intro', { municipality: municipality.name, county: municipality.countyName })}</p>
      {indicators.length > 0 && (
        <section aria-labelledby="indicators">
          <h2 class="heading-m" id="indicators">
            {t('surveys.indicators.title')}
          </h2>
          <p class="body">{t('surveys.indicators.intro')}</p>
          {indicators.map((s, i) => (
            <section aria-labelledby={`indicator-${i}`}>
              <h3 class="heading-s" id={`indicator-${i}`}>
                {s.indicator.name}
              </h3>
              <IndicatorBasis id={`indicator-chart-${i}`} series={s} />
            </section>
          ))}
        </section>
      )}
      {surveys.length === 0 && <p class="body">{t('surveys.basis.noSurveys')}</p>}
      {surveys.map((b, si) => (
        <section aria-labelledby={`survey-${si}`}>
          <h2 class="heading-m" id={`survey-${si}`}>
            {b.data.survey.name} {b.year}
          </h2>
          <SyntheticNotice survey={b.data.survey} />
          <PlaceTimeTable basis={b} />
          <p class="body">
            <a href={`/surveys/${b.data.survey.id}/areas/${municipality.code}`}>{t('surveys.basis.allYears', { survey: b.data.survey.name })}</a>
          </p>
          {b.data.questions.map((q, qi) => (
            <section aria-labelledby={`s${si}-q${qi}`}>
              <h3 class="heading-s" id={`s${si}-q${qi}`}>
                {q.text}
              </h3>
              <GenderAnalysis
                id={`basis-${si}-${qi}`}
                question={q}
                year={b.year}
                attribution={b.data.survey.attribution}
                threshold={b.data.survey.suppressionThreshold}
                areas={[
                  { code: municipality.code, name: municipality.name, view: b.data.views.get(cellKey(municipality.code, b.year, q.key)) ?? null },
                  {
                    code: municipality.countyCode,
                    name: municipality.countyName,
                    view: b.data.views.get(cellKey(municipality.countyCode, b.year, q.key)) ?? null,
                  },
                ]}
              />
            </section>
          ))}
        </section>
      ))}
    </Layout>
  )
}
