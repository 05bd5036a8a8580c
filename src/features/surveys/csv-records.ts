/**
 * A streaming CSV reader for survey files (issue 9 §5: a million rows are never in memory at once).
 * Reads UTF-8 with or without a BOM, CRLF or LF, fields quoted with `"` (a doubled `""` inside), and
 * the delimiter sniffed from the header line (`;`, `,` or a tab, whichever it has most of). Records
 * come in batches, one batch per chunk of input, each with the line of the file it starts on.
 * Pure: it knows nothing of surveys.
 */

export interface CsvRecord {
  fields: string[]
  /** The line of the file the record starts on (the header is line 1). */
  line: number
}

export class CsvFormatError extends Error {
  constructor(
    public readonly reason: 'unterminatedQuote' | 'notUtf8' | 'lineTooLong',
    public readonly line: number,
  ) {
    super(reason)
  }
}

/** Longer than any honest record: a file without line breaks is refused instead of filling memory. */
const MAX_RECORD_CHARS = 1 << 20
const QUOTE = 34
const LF = 10

export interface CsvState {
  /** Set once the header line has been seen. */
  delimiter?: string
}

/** The delimiter a header line uses most, outside quotes (a header of one column counts as `,`). */
export function sniffDelimiter(headerLine: string): string {
  const counts = new Map<string, number>([
    [';', 0],
    [',', 0],
    ['\t', 0],
  ])
  let quoted = false
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1)
  }
  let best = ','
  for (const [d, n] of counts) if (n > counts.get(best)!) best = d
  return best
}

interface Parsed {
  fields: string[]
  next: number
  newlines: number
}

/** One record from `pos`, or null when the buffer ends before it does (and more input may come). */
function parseRecord(buf: string, pos: number, delimiter: string, eof: boolean, line: number): Parsed | null {
  const nl = buf.indexOf('\n', pos)
  if (nl === -1 && !eof) return null
  const end = nl === -1 ? buf.length : nl
  const text = buf.slice(pos, end)
  if (text.indexOf('"') === -1) {
    // The common case: no quotes, so the line is the record.
    return { fields: (text.endsWith('\r') ? text.slice(0, -1) : text).split(delimiter), next: nl === -1 ? buf.length : nl + 1, newlines: nl === -1 ? 0 : 1 }
  }
  const d = delimiter.charCodeAt(0)
  const fields: string[] = []
  let field = ''
  let from = pos
  let quoted = false
  let newlines = 0
  let i = pos
  while (i < buf.length) {
    const ch = buf.charCodeAt(i)
    if (quoted) {
      if (ch === QUOTE) {
        if (i + 1 >= buf.length && !eof) return null
        field += buf.slice(from, i)
        if (buf.charCodeAt(i + 1) === QUOTE) {
          field += '"'
          i += 2
        } else {
          quoted = false
          i++
        }
        from = i
        continue
      }
      if (ch === LF) newlines++
      i++
      continue
    }
    if (ch === QUOTE) {
      field += buf.slice(from, i)
      quoted = true
      from = ++i
    } else if (ch === d) {
      fields.push(field + buf.slice(from, i))
      field = ''
      from = ++i
    } else if (ch === LF) {
      fields.push(stripCr(field + buf.slice(from, i)))
      return { fields, next: i + 1, newlines: newlines + 1 }
    } else i++
  }
  if (!eof) return null
  if (quoted) throw new CsvFormatError('unterminatedQuote', line)
  fields.push(stripCr(field + buf.slice(from, i)))
  return { fields, next: buf.length, newlines }
}

const stripCr = (s: string) => (s.endsWith('\r') ? s.slice(0, -1) : s)

/**
 * The records of a CSV read from chunks of bytes (a Readable, a file stream) or text. Empty lines
 * are skipped (but counted). @throws CsvFormatError
 */
export async function* csvRecords(source: AsyncIterable<Uint8Array | string>, state: CsvState = {}): AsyncGenerator<CsvRecord[]> {
  const decoder = new TextDecoder('utf-8', { fatal: true })
  let buf = ''
  let line = 1
  let first = true

  const drain = (eof: boolean): CsvRecord[] => {
    const out: CsvRecord[] = []
    let pos = 0
    while (pos < buf.length) {
      if (!state.delimiter) {
        const nl = buf.indexOf('\n')
        if (nl === -1 && !eof) break
        state.delimiter = sniffDelimiter(buf.slice(0, nl === -1 ? buf.length : nl))
      }
      const r = parseRecord(buf, pos, state.delimiter, eof, line)
      if (!r) break
      if (!(r.fields.length === 1 && r.fields[0] === '')) out.push({ fields: r.fields, line })
      line += r.newlines
      pos = r.next
    }
    buf = pos === 0 ? buf : buf.slice(pos)
    if (buf.length > MAX_RECORD_CHARS) throw new CsvFormatError('lineTooLong', line)
    return out
  }

  for await (const chunk of source) {
    let text: string
    try {
      text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true })
    } catch {
      throw new CsvFormatError('notUtf8', line)
    }
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
      first = false
    }
    buf += text
    const batch = drain(false)
    if (batch.length) yield batch
  }
  try {
    buf += decoder.decode()
  } catch {
    throw new CsvFormatError('notUtf8', line)
  }
  const last = drain(true)
  if (last.length) yield last
}

/** The bytes as chunks of 64 kB (a Buffer already in memory read the same way as a stream). */
export async function* chunksOf(data: Uint8Array, size = 64 * 1024): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size)
}
