import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { renderToString } from 'preact-render-to-string'
import { docxParts } from '../../test-support/docx-xml.ts'
import { BarChart, LineChart } from '../views/charts.tsx'
import { chartImageParagraph, chartPng, chartSvg } from './chart-image.ts'
import { swedishDocx } from './docx.ts'

const common = { title: 'Trygga på gator & torg', description: 'Andel trygga.', attribution: 'Källa: test', missingLabel: '–' }
const bar = BarChart({
  ...common,
  id: 'bar',
  format: (v) => `${Math.round(v * 100)} %`,
  max: 1,
  series: [
    { key: 'k', label: 'Kvinnor' },
    { key: 'm', label: 'Män' },
  ],
  categories: [{ label: '2021', values: { k: { value: 0.2, low: 0.15, high: 0.25 }, m: { value: null } } }],
})!
const line = LineChart({
  ...common,
  id: 'line',
  format: (v) => String(Math.round(v)),
  series: [
    { key: 'a', label: 'Linköping' },
    { key: 'b', label: 'Östergötlands län' },
  ],
  points: [
    { label: '2023', values: { a: { value: 1200 }, b: { value: 1000 } } },
    { label: '2024', values: { a: { value: 1300 }, b: { value: null } } },
  ],
})!

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47])

describe('charts as images for Word', () => {
  test('the SVG stands alone: the legend drawn in it, the chart below, no HTML-only bare attributes', () => {
    const drawn = chartSvg(renderToString(line))!
    assert.ok(drawn.width > 0 && drawn.height > 0)
    assert.match(drawn.svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/)
    assert.match(drawn.svg, />Östergötlands län<\/text>/)
    // preact writes an empty stroke-dasharray as a bare attribute, which is not XML.
    assert.doesNotMatch(drawn.svg, /<[^>]*\sstroke-dasharray(?=[\s/>])/)
    assert.equal(chartSvg('<p>no chart</p>'), undefined)
  })

  test('bar and line charts render to PNG with text; anything else gives nothing to draw', () => {
    for (const chart of [bar, line]) {
      const png = chartPng(chart)!
      assert.ok(png.data.subarray(0, 4).equals(PNG))
      // Drawn at twice the size for print.
      assert.ok(png.data.length > 2000)
    }
    assert.equal(chartPng(<p>Ingen figur</p>), undefined)
  })

  test('in a document: an image part with alternative text, no wider than the page', async () => {
    const image = chartImageParagraph(bar, { title: common.title, description: 'Diagram: andel trygga.' })!
    const parts = await docxParts(await swedishDocx({ title: 'T' }, [{ children: [image] }]))
    assert.ok([...parts.keys()].some((k) => /^word\/media\/.+\.png$/.test(k)))
    const xml = parts.get('word/document.xml')!
    assert.match(xml, /<wp:docPr [^>]*descr="Diagram: andel trygga\."[^>]*title="Trygga på gator &amp; torg"/)
    // LibreOffice clips an image in a paragraph without an "auto" line rule to one line of text.
    assert.match(xml, /<w:spacing [^>]*w:lineRule="auto"\/>(?:(?!<\/w:p>).)*<w:drawing>/)
    const cx = Number(/<wp:extent cx="(\d+)"/.exec(xml)?.[1])
    assert.ok(cx > 0 && cx <= 600 * 9525, `width ${cx} EMU`)
  })
})
