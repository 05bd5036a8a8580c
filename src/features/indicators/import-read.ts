import { parseCsv } from '../../platform/csv/csv-parse.ts'
import { ZIP_LIMITS, sniffZip } from '../../platform/files/zip-sniff.ts'
import { cellText, newWorkbook } from '../../platform/xlsx/xlsx.ts'
import type { Sheet } from './parse/ntu.ts'

/** Statistics files are tables of a few thousand rows; the long format may hold every DeSO area. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024
export const MAX_IMPORT_ROWS = 200_000
const MAX_UNPACKED_BYTES = 60 * 1024 * 1024

export type ReadFile = { ok: true; source: 'csv' | 'xlsx'; sheets: Sheet[] } | { ok: false; errorKey: string }

const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04])
/** A boolean cell in a statistics workbook reads as the Swedish word. */
const YES_NO = ['ja', 'nej'] as const

/**
 * A file as sheets of text rows: a workbook (recognised by its bytes, whatever its name) gives every
 * sheet, CSV one. CSV must be UTF-8 (with or without a byte order mark; Windows-1252 is refused
 * rather than guessed at).
 */
export async function readObservationFile(data: Buffer): Promise<ReadFile> {
  if (data.length > MAX_IMPORT_BYTES) return { ok: false, errorKey: 'indicators.import.errors.tooLarge' }
  if (data.length === 0) return { ok: false, errorKey: 'indicators.import.errors.empty' }
  if (data.subarray(0, 4).equals(ZIP_SIGNATURE)) {
    const verdict = await sniffZip(data, { ...ZIP_LIMITS, maxUnpackedBytes: MAX_UNPACKED_BYTES })
    if (verdict.kind === 'bomb') return { ok: false, errorKey: 'indicators.import.errors.tooLarge' }
    if (verdict.kind !== 'ooxml' || verdict.ext !== 'xlsx') return { ok: false, errorKey: 'indicators.import.errors.wrongType' }
    const sheets = await readSheets(data)
    if (!sheets) return { ok: false, errorKey: 'indicators.import.errors.unreadable' }
    if (sheets.reduce((n, s) => n + s.rows.length, 0) > MAX_IMPORT_ROWS) return { ok: false, errorKey: 'indicators.import.errors.tooManyRows' }
    return { ok: true, source: 'xlsx', sheets }
  }
  const csv = csvRows(data)
  if (!csv.ok) return { ok: false, errorKey: `indicators.import.errors.csv_${csv.reason}` }
  if (csv.rows.length > MAX_IMPORT_ROWS) return { ok: false, errorKey: 'indicators.import.errors.tooManyRows' }
  return { ok: true, source: 'csv', sheets: [{ name: '', rows: csv.rows }] }
}

/**
 * CSV rows, `;` between fields whenever one of the first lines has one: Brå's files can open with a
 * title line ("Anmälda brott 2024, samtliga brott") whose comma would otherwise be taken for the
 * separator. A file with no `;` at all is read with `,`.
 */
export function csvRows(data: Buffer): { ok: true; rows: string[][] } | { ok: false; reason: 'encoding' | 'binary' | 'quote' } {
  const first = parseCsv(data)
  if (!first.ok || first.separator === ';') return first
  let text = new TextDecoder('utf-8').decode(data)
  if (text.startsWith('\uFEFF')) text = text.slice(1)
  if (!text.split(/\r?\n/, 10).some((line) => line.includes(';'))) return first
  // A first line holding only a ';' makes the reader take ';'; it is dropped again, so row numbers stay the file's.
  const forced = parseCsv(`;\n${text}`)
  return forced.ok ? { ok: true, rows: forced.rows.slice(1) } : forced
}

async function readSheets(data: Buffer): Promise<Sheet[] | undefined> {
  const wb = await newWorkbook()
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer)
  } catch {
    return undefined
  }
  return wb.worksheets.map((ws) => {
    const rows: string[][] = []
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      const cells: string[] = []
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cells[col - 1] = cellText(cell.value, YES_NO)
      })
      rows[n - 1] = Array.from(cells, (c) => c ?? '')
    })
    return { name: ws.name, rows: Array.from(rows, (r) => r ?? []) }
  })
}
