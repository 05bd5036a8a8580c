/**
 * A chart of the pages (platform/views/charts.tsx) as a PNG image for a Word document: the same
 * server-rendered SVG, its HTML legend redrawn inside the SVG, rendered by resvg with the system's
 * DejaVu Sans (Word cannot be trusted with SVG, and LibreOffice's converter draws PNG the same way).
 * The image has alternative text and always comes with the table of its numbers: if rendering fails
 * (no fonts, a broken SVG) the document simply has the table alone.
 */
import { Resvg } from '@resvg/resvg-js'
import { ImageRun, LineRuleType, Paragraph } from 'docx'
import type { VNode } from 'preact'
import { renderToString } from 'preact-render-to-string'

const INK = '#0b0c0c'
const FONT = 'DejaVu Sans'
/** The widest an image may be in the document, in pixels at 96 to the inch: an A4 page's text width with 2.5 cm margins. */
export const MAX_IMAGE_WIDTH = 600
/** Rendered at twice the size it is shown, so it stays sharp when printed or zoomed. */
const SCALE = 2

export interface ChartPng {
  data: Buffer
  /** The chart's own size in pixels (the image is SCALE times larger). */
  width: number
  height: number
}

/** Roughly how wide a label is in DejaVu Sans (0.6 em a character): enough to wrap the legend. */
const textWidth = (text: string, size: number) => text.length * size * 0.6

const plainText = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')

/**
 * HTML allows an attribute without a value (preact writes `stroke-dasharray=""` as a bare
 * `stroke-dasharray`), XML does not: such an attribute is dropped, which for SVG means the same.
 */
const asXml = (markup: string) =>
  markup.replace(
    /<([a-zA-Z][\w:-]*)((?:\s+[^\s="'/>]+(?:="[^"]*")?)*)\s*(\/?)>/g,
    (_tag, name: string, attrs: string, slash: string) =>
      `<${name}${attrs.replace(/(\s+[^\s="'/>]+)(="[^"]*")?/g, (_a, n: string, v?: string) => (v ? n + v : ''))}${slash}>`,
  )

/**
 * The standalone SVG of a rendered chart: the legend's swatches and labels on top, the chart below,
 * on white. Undefined when the markup is not a chart of charts.tsx.
 */
export function chartSvg(html: string): { svg: string; width: number; height: number } | undefined {
  const main = /<svg[^>]*class="chart-svg"[^>]*viewBox="0 0 ([\d.]+) ([\d.]+)"[^>]*>([\s\S]*?)<\/svg>/.exec(html)
  if (!main) return undefined
  const width = Number(main[1])
  const chartHeight = Number(main[2])
  const legendHtml = /<ul class="chart-legend">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? ''
  const parts: string[] = []
  let x = 8
  let y = 8
  let any = false
  for (const item of legendHtml.matchAll(/<li><svg([^>]*)>([\s\S]*?)<\/svg>([\s\S]*?)<\/li>/g)) {
    const label = item[3] as string
    const w = 28 + 6 + textWidth(plainText(label), 13) + 18
    if (any && x + w > width) {
      x = 8
      y += 22
    }
    parts.push(`<svg x="${x}" y="${y}" width="28" height="14" viewBox="0 0 28 14">${item[2]}</svg>`)
    parts.push(`<text x="${x + 34}" y="${y + 12}" font-size="13" fill="${INK}">${label}</text>`)
    x += w
    any = true
  }
  const top = any ? y + 26 : 0
  const height = top + chartHeight
  const svg = asXml(
    [
      `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}">`,
      `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
      ...parts,
      `<svg x="0" y="${top}" width="${width}" height="${chartHeight}" viewBox="0 0 ${width} ${chartHeight}">${main[3]}</svg>`,
      '</svg>',
    ].join(''),
  )
  return { svg, width, height }
}

/** The chart as PNG bytes, or undefined when it cannot be drawn (the caller keeps the table alone). */
export function chartPng(chart: VNode): ChartPng | undefined {
  try {
    const drawn = chartSvg(renderToString(chart))
    if (!drawn) return undefined
    const data = new Resvg(drawn.svg, {
      font: { loadSystemFonts: true, defaultFontFamily: FONT },
      fitTo: { mode: 'zoom', value: SCALE },
    })
      .render()
      .asPng()
    return { data, width: drawn.width, height: drawn.height }
  } catch {
    return undefined
  }
}

/**
 * A paragraph with the chart as an image, at most the page's width, with alternative text: the
 * title, and a description that says what the chart shows and where its numbers are. Undefined when
 * the chart cannot be drawn.
 */
export function chartImageParagraph(chart: VNode, alt: { title: string; description: string }): Paragraph | undefined {
  const png = chartPng(chart)
  if (!png) return undefined
  const width = Math.min(png.width, MAX_IMAGE_WIDTH)
  const height = Math.round((png.height * width) / png.width)
  return new Paragraph({
    // An explicit "auto" line rule: the documents' default line spacing has none, and LibreOffice then
    // takes the line as exact and clips the image to one line of text.
    spacing: { after: 120, line: 240, lineRule: LineRuleType.AUTO },
    keepNext: true,
    children: [
      new ImageRun({
        type: 'png',
        data: png.data,
        transformation: { width, height },
        altText: { name: alt.title, title: alt.title, description: alt.description },
      }),
    ],
  })
}
