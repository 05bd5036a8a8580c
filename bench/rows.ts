import type { Load } from './throughput.ts'

/** One line of the table `npm run bench` prints, and the formatting its cells share. */
export type Verdict = 'PASS' | 'FAIL' | 'info' | 'ERROR'
export interface Row {
  benchmark: string
  result: string
  reference: string
  goal: string
  verdict: Verdict
}

export const log = (msg: string) => process.stderr.write(`bench: ${msg}\n`)
export const num = (n: number) => Math.round(n).toLocaleString('en-US')
export const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`
export const ms = (n: number) => `${n.toFixed(1)} ms`
export const perSec = (l: Load) => `${num(l.reqPerSec)} req/s`
export const pct = (ratio: number) => `${(ratio * 100).toFixed(ratio < 0.1 ? 1 : 0)} %`

/** Non-2xx answers and socket errors, spelled out; any of them makes a load row fail. */
function problems(l: Load): string {
  const codes = Object.entries(l.statusCodes).filter(([c]) => !c.startsWith('2'))
  const parts = codes.map(([c, n]) => `${num(n)}×${c}`)
  if (l.errors) parts.push(`${num(l.errors)} errors`)
  if (l.timeouts) parts.push(`${num(l.timeouts)} timeouts`)
  return parts.length ? parts.join(', ') : ''
}
export const clean = (l: Load) => l.non2xx === 0 && l.errors === 0 && l.timeouts === 0
export const withProblems = (text: string, l: Load) => (clean(l) ? `${text}, 0 non-2xx` : `${text} — ${problems(l)}`)

export function errorRow(benchmark: string, err: unknown): Row {
  const message = (err instanceof Error ? err.message : String(err)).split('\n')[0]
  log(`${benchmark} failed: ${err instanceof Error ? err.message : String(err)}`)
  return { benchmark, result: `error: ${message}`, reference: '—', goal: '—', verdict: 'ERROR' }
}

export function table(rows: Row[]): string {
  const cell = (s: string) => s.replaceAll('|', '\\|')
  const lines = ['| Benchmark | Result | Reference (same run) | Goal | Verdict |', '|---|---|---|---|---|']
  for (const r of rows) lines.push(`| ${[r.benchmark, r.result, r.reference, r.goal, `**${r.verdict}**`].map(cell).join(' | ')} |`)
  return lines.join('\n')
}
