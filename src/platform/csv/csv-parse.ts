/**
 * Reads CSV as Swedish Excel writes it ("CSV UTF-8"): `;` between fields (a `,` is accepted when the
 * header line has no `;`), with or without a byte order mark, CRLF or LF, RFC 4180 quoting. Bytes
 * that are not UTF-8 (Excel's older "CSV" saves Windows-1252) are refused rather than guessed at, so
 * Å, Ä and Ö never arrive garbled.
 */

export type CsvParseResult = { ok: true; rows: string[][]; separator: ';' | ',' } | { ok: false; reason: 'encoding' | 'binary' | 'quote' }

export function parseCsv(data: Buffer | string): CsvParseResult {
  let text: string
  if (typeof data === 'string') text = data
  else {
    if (data.includes(0)) return { ok: false, reason: 'binary' }
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(data)
    } catch {
      return { ok: false, reason: 'encoding' }
    }
  }
  if (text.startsWith('\uFEFF')) text = text.slice(1)
  const separator = separatorOf(text)
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  let i = 0
  while (i < text.length) {
    const c = text[i]
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"'
          i += 2
          continue
        }
        quoted = false
      } else field += c
      i++
      continue
    }
    if (c === '"' && field === '') quoted = true
    else if (c === separator) {
      row.push(field)
      field = ''
    } else if (c === '\r' || c === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      if (c === '\r' && text[i + 1] === '\n') i++
    } else field += c
    i++
  }
  if (quoted) return { ok: false, reason: 'quote' }
  if (field !== '' || row.length) {
    row.push(field)
    rows.push(row)
  }
  return { ok: true, rows, separator }
}

/** `;` unless the first line has none outside quotes and has a `,`. */
function separatorOf(text: string): ';' | ',' {
  let quoted = false
  let commas = 0
  for (const c of text) {
    if (c === '"') quoted = !quoted
    else if (!quoted && (c === '\n' || c === '\r')) break
    else if (!quoted && c === ';') return ';'
    else if (!quoted && c === ',') commas++
  }
  return commas > 0 ? ',' : ';'
}
