import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { renderToString } from 'preact-render-to-string'
import { BarChart, LineChart, niceMax } from './charts.tsx'

const pct = (v: number) => `${Math.round(v * 100)} %`

describe('charts', () => {
  it('draws bars with whiskers, a title, description and source, and "–" for a missing value', () => {
    const html = renderToString(
      <BarChart
        id="c1"
        title="Trygg på gator och torg"
        description="Andel trygga, kvinnor och män."
        attribution="Källa: Medborgarenkäten"
        missingLabel="–"
        format={pct}
        max={1}
        series={[
          { key: 'kvinna', label: 'Kvinnor' },
          { key: 'man', label: 'Män' },
        ]}
        categories={[
          { label: 'Linköping', values: { kvinna: { value: 0.2, low: 0.16, high: 0.24 }, man: { value: 0.34, low: 0.3, high: 0.38 } } },
          { label: 'Ydre', values: { kvinna: { value: null }, man: { value: null } } },
        ]}
      />,
    )
    assert.match(html, /<figure class="chart" aria-labelledby="c1-title"/)
    assert.match(html, /role="img" aria-labelledby="c1-title c1-desc"/)
    assert.match(html, /20 %/)
    assert.match(html, /34 %/)
    assert.match(html, /Källa: Medborgarenkäten/)
    assert.equal((html.match(/>–</g) ?? []).length, 2)
    // Three whisker lines (bar + two caps) for each of the two shown values.
    assert.equal((html.match(/<line x1="[\d.]+" y1="[\d.]+" x2="[\d.]+" y2="[\d.]+"><\/line>/g) ?? []).length, 6)
    assert.doesNotMatch(html, /style=/, 'no inline styles: the CSP refuses them')
  })

  it('draws a line per series with a gap where a value is missing', () => {
    const html = renderToString(
      <LineChart
        id="c2"
        title="Trend"
        description="Andel trygga 2019–2021."
        attribution="Källa: test"
        missingLabel="–"
        format={pct}
        max={1}
        series={[{ key: 'alla', label: 'Alla' }]}
        points={[
          { label: '2019', values: { alla: { value: 0.3 } } },
          { label: '2020', values: { alla: { value: 0.32 } } },
          { label: '2021', values: { alla: { value: null } } },
          { label: '2022', values: { alla: { value: 0.35 } } },
        ]}
      />,
    )
    assert.equal((html.match(/<polyline/g) ?? []).length, 1, 'the lone point after the gap is a marker, not a line')
    assert.equal((html.match(/<circle/g) ?? []).length, 3)
    assert.match(html, />2022</)
  })

  it('rounds an axis maximum up to 1, 2, 2,5 or 5 times a power of ten', () => {
    assert.equal(niceMax(0.37), 0.5)
    assert.equal(niceMax(1234), 2000)
    assert.equal(niceMax(210), 250)
  })
})
