/**
 * One cell of a statistics file, as Brå and the other sources write them: a decimal comma (a point is
 * accepted too, which is how a workbook's numbers arrive), thousands separated by a space, a no-break
 * space or a thin space, `..` for a value kept back (suppressed: stored without a value, never as 0)
 * and `-` for zero.
 */
export type Cell = { kind: 'value'; value: number } | { kind: 'suppressed' } | { kind: 'empty' } | { kind: 'invalid'; text: string }

/** Every kind of space a spreadsheet or a web page puts between digit groups, and around a value. */
const SPACES = /[\s\u00a0\u2007\u2009\u202f]+/g
const GROUPED = /^-?\d{1,3}( \d{3})+([.,]\d+)?$/
const PLAIN = /^-?\d+([.,]\d+)?$/
const DASHES = new Set(['-', '–', '—', '\u2212'])

export function parseCell(raw: string | undefined): Cell {
  const text = (raw ?? '').replace(SPACES, ' ').trim()
  if (text === '') return { kind: 'empty' }
  if (text === '..' || text === '…') return { kind: 'suppressed' }
  if (DASHES.has(text)) return { kind: 'value', value: 0 }
  const minusFixed = text.replace(/^[\u2212–]/, '-')
  if (!GROUPED.test(minusFixed) && !PLAIN.test(minusFixed)) return { kind: 'invalid', text: (raw ?? '').trim() }
  const value = Number(minusFixed.replace(/ /g, '').replace(',', '.'))
  return Number.isFinite(value) ? { kind: 'value', value } : { kind: 'invalid', text: (raw ?? '').trim() }
}

/** A header or label as compared: spaces of every kind made one, trimmed, lower case. */
export const headerKey = (s: string | undefined) => (s ?? '').replace(SPACES, ' ').trim().toLocaleLowerCase('sv')
