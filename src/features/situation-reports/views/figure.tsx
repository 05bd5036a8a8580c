import type { Locale, Translate } from '../../../platform/i18n/i18n.ts'
import { BarChart, LineChart } from '../../../platform/views/charts.tsx'
import { type MappingFigureData, cellText, formatFigureValue } from '../figures.ts'

/** The figure's numbers as a table: the same numbers as the chart, "–" for a suppressed or missing cell. */
export function FigureTable({ f, t, locale }: { f: MappingFigureData; t: Translate; locale: Locale }) {
  return (
    <div class="table-wrap">
      <table class="table figure-table">
        <caption class="table__caption">{t('situationReports.figures.tableCaption', { title: f.title })}</caption>
        <thead>
          <tr>
            <th scope="col">{t(f.unit === 'share' ? 'situationReports.figures.year' : 'situationReports.figures.period')}</th>
            {f.columns.map((c) => (
              <th scope="col" class="table__header--numeric">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {f.rows.map((r) => (
            <tr>
              <th scope="row">{r.label}</th>
              {r.cells.map((c) => (
                <td class="table__cell--numeric">{cellText(c, f.unit, locale)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/**
 * A figure's chart (server-rendered SVG) with its title, caption and source: the page and the print
 * view draw it beside the table, the Word document renders the same chart to an image.
 */
export function FigureChart({ f, locale }: { f: MappingFigureData; locale: Locale }) {
  const values = (cells: MappingFigureData['rows'][number]['cells']) =>
    Object.fromEntries(
      f.columns.map((c, i) => {
        const cell = cells[i]
        return [c.key, !cell || cell.suppressed ? { value: null } : { value: cell.value, low: cell.low ?? null, high: cell.high ?? null }]
      }),
    )
  const common = {
    id: f.id,
    title: f.title,
    description: f.caption || f.title,
    attribution: f.attribution,
    missingLabel: '–',
    format: (v: number) => formatFigureValue(v, f.unit, locale),
    series: f.columns,
  }
  return f.chart === 'line' ? (
    <LineChart {...common} points={f.rows.map((r) => ({ label: r.label, values: values(r.cells) }))} />
  ) : (
    <BarChart {...common} max={f.unit === 'share' ? 1 : undefined} categories={f.rows.map((r) => ({ label: r.label, values: values(r.cells) }))} />
  )
}

/**
 * One figure of the kartläggning: the chart with its title, caption and source, the data table
 * beside it, and the notes. A figure without numbers says so and why.
 */
export function Figure({ f, t, locale }: { f: MappingFigureData; t: Translate; locale: Locale }) {
  return (
    <section class="figure" aria-labelledby={`${f.id}-heading`}>
      <h3 class="heading-s" id={`${f.id}-heading`}>
        {f.title}
      </h3>
      {f.missing ? (
        <p class="body">{f.notes.join(' ')}</p>
      ) : (
        <>
          <FigureChart f={f} locale={locale} />
          <FigureTable f={f} t={t} locale={locale} />
          {f.notes.map((n) => (
            <p class="body-s">{n}</p>
          ))}
          {f.attribution && <p class="body-s">{f.attribution}</p>}
        </>
      )}
    </section>
  )
}
