import { PRINT_CSS } from '../../../platform/pdf/print-css.ts'
import { renderToString } from 'preact-render-to-string'
import type { Locale, Translate } from '../../../platform/i18n/i18n.ts'
import { formatIsoDate } from '../../../platform/i18n/format.ts'
import { Paragraphs } from '../../../platform/views/text-blocks.tsx'
import type { MappingFigureData } from '../figures.ts'
import { type FigureState, figureStateNote } from '../frozen-figures.ts'
import type { ReportDocument } from '../situation-reports.service.ts'
import { Figure } from './figure.tsx'
import { adoptionText, periodText, reportName } from './parts.tsx'

/** The four legs of the orsaksanalys, in the order the document prints them. */
export const ANALYSIS_PARTS = [
  ['victimCauses', 'victim'],
  ['offenderCauses', 'offender'],
  ['placeCauses', 'place'],
  ['eventChain', 'chain'],
] as const

function TextOrNone({ text, t }: { text: string; t: Translate }) {
  return text.trim() ? <Paragraphs text={text} /> : <p class="body">{t('situationReports.document.notWritten')}</p>
}

/**
 * The lägesbild as one document, the same for the page and the PDF: real headings (h1 the document,
 * h2 the sections of Lag 2023:196 4 §, h3 figures and problems), tables for the numbers.
 * `linkBase` makes links absolute in the PDF.
 */
export function ReportContent({
  d,
  figures,
  figureState,
  t,
  locale,
  linkBase = '',
}: {
  d: ReportDocument
  figures: MappingFigureData[]
  figureState: FigureState
  t: Translate
  locale: Locale
  linkBase?: string
}) {
  const r = d.report
  const used = r.sources.filter((s) => s.used)
  const unused = r.sources.filter((s) => !s.used)
  const figureNote = figureStateNote(t, r, figureState, figures.length)
  return (
    <article class="situation-report">
      <h1 class="heading-l">{reportName(t, r)}</h1>
      <p class="lead">{t('situationReports.document.lead', { name: d.organisation.name, period: periodText(r) })}</p>
      <p class="body">
        {r.status === 'adopted'
          ? t('situationReports.document.adoptedLine', { adoption: adoptionText(t, r), revision: r.revision })
          : t('situationReports.document.draftLine', { revision: r.revision })}
      </p>

      <h2 class="heading-m">{t('situationReports.sections.mapping')}</h2>
      <TextOrNone text={r.mappingText} t={t} />
      {figureNote && <p class="body-s">{figureNote}</p>}
      {figures.map((f) => (
        <Figure f={f} t={t} locale={locale} />
      ))}

      <h2 class="heading-m">{t('situationReports.sections.otherInformation')}</h2>
      <TextOrNone text={r.otherInformation} t={t} />

      <h2 class="heading-m">{t('situationReports.sections.analysis')}</h2>
      <TextOrNone text={r.analysis} t={t} />
      <h3 class="heading-s">{t('situationReports.sections.causeAnalysis')}</h3>
      {d.problems.length === 0 && <p class="body">{t('situationReports.document.noProblems')}</p>}
      {d.problems.map(({ analysis, problem }) => (
        <section class="problem-analysis" aria-labelledby={`problem-${analysis.priority}`}>
          <h4 class="heading-s" id={`problem-${analysis.priority}`}>
            {t('situationReports.document.problemHeading', { n: analysis.priority, title: problem?.title ?? t('situationReports.document.problemGone') })}
          </h4>
          {problem?.description && <Paragraphs text={problem.description} />}
          {ANALYSIS_PARTS.map(([field, key]) => (
            <>
              <h5 class="heading-s">{t(`situationReports.analysis.${key}`)}</h5>
              <TextOrNone text={analysis[field]} t={t} />
            </>
          ))}
          {problem && (
            <div class="plan-causes">
              <h5 class="heading-s">{t('situationReports.document.planCauses', { plan: problem.plan.title })}</h5>
              {problem.causes.length ? (
                <ul class="list">
                  {problem.causes.map((c) => (
                    <li>{t('situationReports.document.cause', { n: c.position, title: c.title })}</li>
                  ))}
                </ul>
              ) : (
                <p class="body">{t('situationReports.document.noCauses')}</p>
              )}
              <p class="body-s">
                <a href={`${linkBase}/plans/${problem.plan.id}`}>{t('situationReports.document.planLink', { plan: problem.plan.title })}</a>
              </p>
            </div>
          )}
        </section>
      ))}

      <h2 class="heading-m">{t('situationReports.sections.sources')}</h2>
      {[
        ['used', used],
        ['unused', unused],
      ].map(([kind, list]) => (
        <>
          <h3 class="heading-s">{t(`situationReports.document.sources.${kind}`)}</h3>
          {(list as typeof used).length ? (
            <div class="table-wrap">
              <table class="table">
                <caption class="table__caption visually-hidden">{t(`situationReports.document.sources.${kind}`)}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('situationReports.fields.sourceName')}</th>
                    <th scope="col">{t('situationReports.fields.sourceLimitations')}</th>
                  </tr>
                </thead>
                <tbody>
                  {(list as typeof used).map((s) => (
                    <tr>
                      <td>{s.name}</td>
                      <td>{s.limitations || '–'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p class="body">{t('situationReports.document.sources.none')}</p>
          )}
        </>
      ))}

      <h2 class="heading-m">{t('situationReports.sections.adoption')}</h2>
      {r.status === 'adopted' ? (
        <dl class="summary-list">
          <div class="summary-list__row">
            <dt class="summary-list__key">{t('situationReports.fields.adoptedBy')}</dt>
            <dd class="summary-list__value">{r.adoptedBy}</dd>
          </div>
          <div class="summary-list__row">
            <dt class="summary-list__key">{t('situationReports.fields.adoptedOn')}</dt>
            <dd class="summary-list__value">{r.adoptedOn ? formatIsoDate(r.adoptedOn) : '–'}</dd>
          </div>
          <div class="summary-list__row">
            <dt class="summary-list__key">{t('situationReports.fields.adoptedParagraph')}</dt>
            <dd class="summary-list__value">{r.adoptedParagraph}</dd>
          </div>
          <div class="summary-list__row">
            <dt class="summary-list__key">{t('situationReports.fields.nextReviewDue')}</dt>
            <dd class="summary-list__value">{r.nextReviewDue ? formatIsoDate(r.nextReviewDue) : '–'}</dd>
          </div>
        </dl>
      ) : (
        <p class="body">{t('situationReports.document.notAdopted', { months: r.reviewIntervalMonths })}</p>
      )}
      {d.previous && (
        <p class="body-s">
          {t('situationReports.document.previous')} <a href={`${linkBase}/situation-reports/${d.previous.id}`}>{reportName(t, d.previous)}</a>
        </p>
      )}
    </article>
  )
}

/** A self-contained HTML document of the lägesbild (Swedish), for Chromium to print as a tagged PDF. */
export function reportHtmlDocument(d: ReportDocument, figures: MappingFigureData[], figureState: FigureState, t: Translate, linkBase: string): string {
  return `<!doctype html>${renderToString(
    <html lang="sv">
      <head>
        <meta charset="utf-8" />
        <title>{reportName(t, d.report)}</title>
        <meta name="description" content={t('situationReports.document.lead', { name: d.organisation.name, period: periodText(d.report) })} />
        <style dangerouslySetInnerHTML={{ __html: PRINT_CSS }} />
      </head>
      <body>
        <main>
          <ReportContent d={d} figures={figures} figureState={figureState} t={t} locale="sv" linkBase={linkBase} />
        </main>
      </body>
    </html>,
  )}`
}
