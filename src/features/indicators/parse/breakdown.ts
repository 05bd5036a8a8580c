import type { Breakdown } from '../indicators.tables.ts'
import { BREAKDOWNS } from '../indicators.tables.ts'

/** What `kon` may be; the other breakdowns take a short lower-case value ("16-24", "65+", "natt"). */
export const GENDERS = ['kvinna', 'man', 'annat'] as const
const VALUE = /^[\p{Ll}\d_+-]{1,40}$/u
const ALIASES: Record<string, string> = { kön: 'kon', 'tid på dygnet': 'tid_pa_dygnet', åldersgrupp: 'aldersgrupp' }

/**
 * A breakdown cell as stored: '' for everyone, else `key=value` pairs joined by `;` with the keys in
 * order (`aldersgrupp=16-24;kon=kvinna`), so the same cell is always written the same way.
 */
export function normaliseBreakdown(
  raw: string,
  allowed: readonly Breakdown[],
): { ok: true; value: string } | { ok: false; key: string; params?: Record<string, string> } {
  const text = raw.trim()
  if (text === '' || ['alla', 'samtliga', 'totalt'].includes(text.toLocaleLowerCase('sv'))) return { ok: true, value: '' }
  const pairs = new Map<string, string>()
  for (const part of text.split(/[;,]/)) {
    const m = /^\s*([^=]+?)\s*=\s*(.+?)\s*$/.exec(part)
    if (!m) return { ok: false, key: 'breakdownFormat', params: { value: text } }
    const key = ALIASES[m[1].toLocaleLowerCase('sv')] ?? m[1].toLocaleLowerCase('sv')
    const value = m[2].toLocaleLowerCase('sv').replace(/[\u2010-\u2015\u2212]/g, '-')
    if (!(BREAKDOWNS as readonly string[]).includes(key) || !allowed.includes(key as Breakdown))
      return { ok: false, key: 'breakdownNotAllowed', params: { name: m[1], allowed: allowed.join(', ') || '–' } }
    if (key === 'kon' ? !(GENDERS as readonly string[]).includes(value) : !VALUE.test(value))
      return { ok: false, key: 'breakdownValue', params: { name: key, value: m[2] } }
    if (pairs.has(key)) return { ok: false, key: 'breakdownFormat', params: { value: text } }
    pairs.set(key, value)
  }
  return {
    ok: true,
    value: [...pairs]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => `${k}=${v}`)
      .join(';'),
  }
}
