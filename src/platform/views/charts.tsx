import type { ComponentChildren } from 'preact'

/**
 * Charts drawn on the server as plain SVG (decision 013): no script, no DOM shim, and every mark is
 * ours to make readable in greyscale and in print — series differ by fill pattern and line dash, not
 * only by colour. A chart is always a <figure> with a title, a caption and the source's attribution;
 * the caller puts the data table with the same numbers beside it (every chart has one).
 */

export interface ChartSeries {
  key: string
  label: string
}

export interface ChartValue {
  value: number | null
  low?: number | null
  high?: number | null
}

interface FigureProps {
  /** Unique within the page: ids of the title, description and patterns derive from it. */
  id: string
  title: string
  /** One or two sentences that say what the chart shows (read by screen readers, printed below). */
  description: string
  attribution: string
  /** Text for a value that is not shown (suppressed small cell, no data). */
  missingLabel: string
  format: (value: number) => string
}

/** Fill of the n-th series: dark solid, light hatched, white outlined — distinct without colour. */
const FILLS = ['#1d4f91', 'url(#%id-hatch)', '#ffffff', '#6f777b']
const DASHES = ['', '6 4', '2 3', '10 3 2 3']
const INK = '#0b0c0c'

const fillOf = (id: string, i: number) => (FILLS[i % FILLS.length] as string).replace('%id', id)

function Patterns({ id }: { id: string }) {
  return (
    <defs>
      <pattern id={`${id}-hatch`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="6" height="6" fill="#9fc3e7" />
        <line x1="0" y1="0" x2="0" y2="6" stroke={INK} stroke-width="1.5" />
      </pattern>
    </defs>
  )
}

function Legend({ id, series, kind }: { id: string; series: ChartSeries[]; kind: 'bar' | 'line' }) {
  return (
    <ul class="chart-legend">
      {series.map((s, i) => (
        <li>
          <svg width="28" height="14" viewBox="0 0 28 14" aria-hidden="true" focusable="false">
            {kind === 'bar' ? (
              <>
                <Patterns id={`${id}-legend-${i}`} />
                <rect x="1" y="1" width="26" height="12" fill={fillOf(`${id}-legend-${i}`, i)} stroke={INK} />
              </>
            ) : (
              <line x1="1" y1="7" x2="27" y2="7" stroke={INK} stroke-width="2.5" stroke-dasharray={DASHES[i % DASHES.length]} />
            )}
          </svg>
          {s.label}
        </li>
      ))}
    </ul>
  )
}

function Figure({ id, title, description, attribution, children }: FigureProps & { children: ComponentChildren }) {
  return (
    <figure class="chart" aria-labelledby={`${id}-title`}>
      <p class="chart-title" id={`${id}-title`}>
        {title}
      </p>
      {children}
      <figcaption>
        <span id={`${id}-desc`}>{description}</span> <span class="chart-source">{attribution}</span>
      </figcaption>
    </figure>
  )
}

export interface BarCategory {
  label: string
  values: Record<string, ChartValue>
}

/**
 * Horizontal grouped bars (long Swedish place names fit on the left), one bar per series in each
 * category, with the interval as a whisker when it is known. Values run from 0 to `max` (1 for shares).
 */
export function BarChart(props: FigureProps & { series: ChartSeries[]; categories: BarCategory[]; max?: number }) {
  const { id, series, categories, format, missingLabel } = props
  const labelW = 190
  const plotW = 380
  const barH = 18
  const gap = 4
  const groupGap = 16
  const top = 8
  const groupH = series.length * (barH + gap) + groupGap
  const height = top + categories.length * groupH + 24
  const max = props.max ?? Math.max(1e-9, ...categories.flatMap((c) => Object.values(c.values).flatMap((v) => [v.value ?? 0, v.high ?? 0])))
  const x = (v: number) => labelW + (Math.max(0, Math.min(v, max)) / max) * plotW
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * max)
  return (
    <Figure {...props}>
      <Legend id={id} series={series} kind="bar" />
      <svg
        xmlns="http://www.w3.org/2000/svg"
        class="chart-svg"
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        viewBox={`0 0 ${labelW + plotW + 70} ${height}`}
      >
        <title>{props.title}</title>
        <Patterns id={id} />
        {ticks.map((t) => (
          <g>
            <line x1={x(t)} y1={top - 4} x2={x(t)} y2={height - 20} stroke="#b1b4b6" stroke-width="1" />
            <text x={x(t)} y={height - 4} text-anchor="middle" font-size="12" fill={INK}>
              {format(t)}
            </text>
          </g>
        ))}
        {categories.map((c, ci) => {
          const y0 = top + ci * groupH
          return (
            <g>
              <text x={labelW - 8} y={y0 + (series.length * (barH + gap)) / 2 + 4} text-anchor="end" font-size="14" font-weight="bold" fill={INK}>
                {c.label}
              </text>
              {series.map((s, si) => {
                const v = c.values[s.key]
                const y = y0 + si * (barH + gap)
                if (!v || v.value === null) {
                  return (
                    <text x={labelW + 6} y={y + barH - 4} font-size="13" fill={INK}>
                      {missingLabel}
                    </text>
                  )
                }
                const end = x(v.value)
                const hasWhisker = v.low != null && v.high != null
                const labelX = (hasWhisker ? Math.max(end, x(v.high as number)) : end) + 6
                return (
                  <g>
                    <rect x={labelW} y={y} width={Math.max(1, end - labelW)} height={barH} fill={fillOf(id, si)} stroke={INK} stroke-width="1" />
                    {hasWhisker && (
                      <g stroke={INK} stroke-width="1.5">
                        <line x1={x(v.low as number)} y1={y + barH / 2} x2={x(v.high as number)} y2={y + barH / 2} />
                        <line x1={x(v.low as number)} y1={y + 3} x2={x(v.low as number)} y2={y + barH - 3} />
                        <line x1={x(v.high as number)} y1={y + 3} x2={x(v.high as number)} y2={y + barH - 3} />
                      </g>
                    )}
                    <text x={labelX} y={y + barH - 4} font-size="13" fill={INK}>
                      {format(v.value)}
                    </text>
                  </g>
                )
              })}
            </g>
          )
        })}
      </svg>
    </Figure>
  )
}

export interface LinePoint {
  label: string
  values: Record<string, ChartValue>
}

/** A line per series over the periods (a trend), dashes telling the series apart; a gap where a value is missing. */
export function LineChart(props: FigureProps & { series: ChartSeries[]; points: LinePoint[]; max?: number; min?: number }) {
  const { id, series, points, format } = props
  const left = 64
  const plotW = 520
  const plotH = 220
  const top = 12
  const all = points.flatMap((p) => Object.values(p.values).flatMap((v) => [v.value, v.high ?? null])).filter((v): v is number => v !== null)
  const max = props.max ?? niceMax(Math.max(1e-9, ...all))
  const min = props.min ?? 0
  const y = (v: number) => top + plotH - ((v - min) / (max - min || 1)) * plotH
  const step = points.length > 1 ? plotW / (points.length - 1) : 0
  const x = (i: number) => left + (points.length > 1 ? i * step : plotW / 2)
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => min + f * (max - min))
  return (
    <Figure {...props}>
      <Legend id={id} series={series} kind="line" />
      <svg
        xmlns="http://www.w3.org/2000/svg"
        class="chart-svg"
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        viewBox={`0 0 ${left + plotW + 30} ${top + plotH + 36}`}
      >
        <title>{props.title}</title>
        {ticks.map((t) => (
          <g>
            <line x1={left} y1={y(t)} x2={left + plotW} y2={y(t)} stroke="#b1b4b6" stroke-width="1" />
            <text x={left - 6} y={y(t) + 4} text-anchor="end" font-size="12" fill={INK}>
              {format(t)}
            </text>
          </g>
        ))}
        {points.map((p, i) => (
          <text x={x(i)} y={top + plotH + 22} text-anchor="middle" font-size="12" fill={INK}>
            {p.label}
          </text>
        ))}
        {series.map((s, si) => {
          const segments: string[][] = [[]]
          points.forEach((p, i) => {
            const v = p.values[s.key]?.value
            if (v === null || v === undefined) segments.push([])
            else (segments[segments.length - 1] as string[]).push(`${x(i).toFixed(1)},${y(v).toFixed(1)}`)
          })
          return (
            <g>
              {segments
                .filter((seg) => seg.length > 1)
                .map((seg) => (
                  <polyline points={seg.join(' ')} fill="none" stroke={INK} stroke-width="2.5" stroke-dasharray={DASHES[si % DASHES.length]} />
                ))}
              {points.map((p, i) => {
                const v = p.values[s.key]
                if (!v || v.value === null) return null
                return (
                  <g>
                    {v.low != null && v.high != null && <line x1={x(i)} y1={y(v.low)} x2={x(i)} y2={y(v.high)} stroke={INK} stroke-width="1" />}
                    <Marker index={si} cx={x(i)} cy={y(v.value)} />
                  </g>
                )
              })}
            </g>
          )
        })}
      </svg>
    </Figure>
  )
}

/** Circle, square, triangle, diamond: markers that differ in shape, not only colour. */
function Marker({ index, cx, cy }: { index: number; cx: number; cy: number }) {
  const k = index % 4
  if (k === 0) return <circle cx={cx} cy={cy} r="4.5" fill={INK} />
  if (k === 1) return <rect x={cx - 4} y={cy - 4} width="8" height="8" fill="#ffffff" stroke={INK} stroke-width="2" />
  if (k === 2) return <polygon points={`${cx},${cy - 5} ${cx + 5},${cy + 4} ${cx - 5},${cy + 4}`} fill={INK} />
  return <polygon points={`${cx},${cy - 5} ${cx + 5},${cy} ${cx},${cy + 5} ${cx - 5},${cy}`} fill="#ffffff" stroke={INK} stroke-width="2" />
}

/** A round upper bound for the axis: 1, 2, 2.5 or 5 times a power of ten. */
export function niceMax(v: number): number {
  const p = 10 ** Math.floor(Math.log10(v))
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p
  return 10 * p
}
