import { BarChart } from '../../../platform/views/charts.tsx'
import { formatNumber } from '../../../platform/i18n/format.ts'
import type { Block } from '../report-model.ts'

type BarsBlock = Extract<Block, { type: 'bars' }>

/** A bars block as the platform's bar chart: the page and the PDF draw it, the Word document renders it to an image. */
export function BarsChart({ b }: { b: BarsBlock }) {
  return (
    <BarChart
      id={b.id}
      title={b.title}
      description={b.description}
      attribution={b.attribution}
      missingLabel="–"
      format={(v) => formatNumber(v, 'sv', b.unit === 'hours' ? 1 : 0)}
      series={b.series}
      categories={b.categories.map((c) => ({
        label: c.label,
        values: Object.fromEntries(Object.entries(c.values).map(([k, v]) => [k, { value: v }])),
      }))}
    />
  )
}

/**
 * The report's blocks as HTML, the same on the page and in the print view (PDF). Tables are real
 * tables with captions and header cells; a chart is always drawn beside the table with its numbers.
 */
export function Blocks({ blocks }: { blocks: Block[] }) {
  return (
    <>
      {blocks.map((b) => {
        switch (b.type) {
          case 'paragraph':
            return <p class="body">{b.text}</p>
          case 'facts':
            return (
              <dl class="summary-list">
                {b.rows.map(([k, v]) => (
                  <div class="summary-list__row">
                    <dt class="summary-list__key">{k}</dt>
                    <dd class="summary-list__value">{v}</dd>
                  </div>
                ))}
              </dl>
            )
          case 'bars':
            return b.categories.length ? <BarsChart b={b} /> : null
          case 'table':
            return (
              <div class="table-wrap">
                <table class="table" id={`table-${b.id}`}>
                  <caption class="table__caption">{b.caption}</caption>
                  <thead>
                    <tr>
                      {b.header.map((h, i) => (
                        <th scope="col" class={i >= b.numericFrom ? 'table__header--numeric' : undefined}>
                          {h}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {b.rows.map((r) => (
                      <tr>
                        {r.map((c, i) => (i === 0 ? <th scope="row">{c}</th> : <td class={i >= b.numericFrom ? 'table__cell--numeric' : undefined}>{c}</td>))}
                      </tr>
                    ))}
                  </tbody>
                </table>
                {b.notes?.map((n) => (
                  <p class="body-s">{n}</p>
                ))}
              </div>
            )
        }
      })}
    </>
  )
}
