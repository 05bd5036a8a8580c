/**
 * CSV in the dialect Swedish Excel opens correctly by double-click: `;` between fields (the comma is
 * the decimal separator in sv-SE), a UTF-8 byte order mark (without it Excel reads Å, Ä, Ö as
 * Windows-1252), CRLF line ends, and RFC 4180 quoting. Pure functions: callers stream the rows.
 */

export const BOM = '\uFEFF'
export const SEPARATOR = ';'
export const EOL = '\r\n'

/** A cell: strings are text, numbers get a decimal comma, null/undefined are empty; see `csvText`. */
export type CsvValue = string | number | CsvText | null | undefined

/** An identifier or a hash that must reach the spreadsheet as the characters it is. */
export interface CsvText {
  readonly text: string
}

/**
 * Marks a value as text: a kommunkod "0580", a diarienummer "2022-45" or a hash of 64 zeros would
 * otherwise become the number 580, a date or 0 when Excel opens the file. Values that Excel would
 * not reinterpret are written as they are; the others as the formula ="…", which Excel shows as
 * exactly that text (the value's own quotes doubled, so it cannot break out of the string).
 */
export function csvText(value: string | null | undefined): CsvText | null {
  return value === null || value === undefined ? null : { text: value }
}

// What Excel's CSV import turns into a number or a date: digits with an optional sign, decimal
// comma or point, exponent, percent or thousands spaces; and digit groups joined by - / . or :.
const LOOKS_NUMERIC = /^\s*[-+]?(\d[\d\s]*([.,]\d*)?|[.,]\d+)(e[-+]?\d+)?\s*%?\s*$/i
const LOOKS_LIKE_DATE = /^\s*\d{1,4}([-/.:]\d{1,4}){1,2}\s*$/

const NEEDS_QUOTES = /[;"\r\n]/
/**
 * Text starting with = + - @ (or a tab/CR) is a formula to Excel; a value typed by an anonymous
 * visitor (a login e-mail) could run one on an official's machine. Such text always gets a leading
 * apostrophe (OWASP "CSV injection"), in every export: there is deliberately no way to turn it off.
 * Numbers are never touched.
 */
const FORMULA_START = /^[=+\-@\t\r]/

/** Text a spreadsheet would run as a formula, with the leading apostrophe; other text as it is. Used for XLSX too. */
export const neutraliseFormula = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text)

/** A number as Swedish Excel reads it: decimal comma, no thousands separator, ASCII minus. */
export function decimalComma(value: number, fractionDigits?: number): string {
  if (!Number.isFinite(value)) return ''
  const text = fractionDigits === undefined ? String(value) : value.toFixed(fractionDigits)
  // String() gives exponents for very large/small numbers; Excel reads "1,5E-7" too, so only the point changes.
  return text.replace('.', ',')
}

/** One field, quoted only when it must be (a `;`, a `"` or a line break inside). */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return decimalComma(value)
  if (typeof value === 'object') {
    if (!LOOKS_NUMERIC.test(value.text) && !LOOKS_LIKE_DATE.test(value.text)) return csvField(value.text)
    const formula = `="${value.text.replaceAll('"', '""')}"`
    return `"${formula.replaceAll('"', '""')}"`
  }
  const text = neutraliseFormula(value)
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** One record with its CRLF. */
export function csvRow(values: readonly CsvValue[]): string {
  return values.map((v) => csvField(v)).join(SEPARATOR) + EOL
}

/** A whole (small) document: BOM, header, rows. Large exports call csvRow per row and stream. */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvValue[]>): string {
  let out = BOM + csvRow(header)
  for (const r of rows) out += csvRow(r)
  return out
}

const stockholmParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
})

/**
 * An instant as ISO 8601 in Swedish local time with its offset, e.g. `2026-07-01T00:30:00+02:00`:
 * readable as local time, and unambiguous in the repeated hour when summer time ends.
 */
export function csvDateTime(value: Date | string): string {
  const d = typeof value === 'string' ? new Date(value) : value
  if (Number.isNaN(d.getTime())) return ''
  const p = Object.fromEntries(stockholmParts.formatToParts(d).map((x) => [x.type, x.value]))
  const local = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second)
  const offsetMinutes = Math.round((local - Math.floor(d.getTime() / 1000) * 1000) / 60000)
  const sign = offsetMinutes < 0 ? '-' : '+'
  const abs = Math.abs(offsetMinutes)
  const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${offset}`
}
