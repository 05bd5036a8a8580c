/**
 * XLSX with `exceljs` (architecture §2: not the `xlsx` package): a one-sheet workbook for exports and
 * templates, and the first sheet of an uploaded workbook as rows of text for imports. The same rule
 * as the CSV exports holds: text that a spreadsheet would run as a formula gets a leading apostrophe
 * and every text cell is a string cell, never a formula.
 *
 * exceljs is loaded on first use: it takes ~0.35 s to load, a tenth of a cold start (issue 2).
 */
import type ExcelJS from 'exceljs'
import type { FastifyReply } from 'fastify'
import { type CsvValue, neutraliseFormula } from '../csv/csv.ts'

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** A workbook of one sheet: a bold, frozen header row and the rows; numbers stay numbers (Excel shows the decimal comma itself). */
export async function toXlsx(sheetName: string, header: readonly string[], rows: Iterable<readonly CsvValue[]>): Promise<Buffer> {
  const wb = await newWorkbook()
  wb.creator = 'Tillsammans'
  // Sheet names are at most 31 characters and may not hold : \ / ? * [ ]
  const ws = wb.addWorksheet(sheetName.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'Blad1', { views: [{ state: 'frozen', ySplit: 1 }] })
  ws.addRow(header.map((h) => neutraliseFormula(h)))
  ws.getRow(1).font = { bold: true }
  const widths = header.map((h) => Math.min(Math.max(h.length + 2, 10), 60))
  for (const r of rows) {
    const cells = r.map(xlsxCell)
    ws.addRow(cells)
    cells.forEach((c, i) => {
      if (typeof c === 'string') widths[i] = Math.min(Math.max(widths[i] ?? 10, c.length + 2), 60)
    })
  }
  ws.columns.forEach((col, i) => {
    col.width = widths[i] ?? 12
  })
  return Buffer.from(await wb.xlsx.writeBuffer())
}

function xlsxCell(v: CsvValue): string | number | null {
  if (v === null || v === undefined) return null
  if (typeof v === 'number') return Number.isFinite(v) ? v : null
  // An identifier marked as text (csvText) is a string cell: XLSX keeps "0580" as it is.
  return neutraliseFormula(typeof v === 'object' ? v.text : v)
}

/** Sends a workbook as a download, named safely for every browser. */
export function sendXlsx(reply: FastifyReply, data: Buffer, filename: string) {
  return reply
    .type(XLSX_CONTENT_TYPE)
    .header('content-disposition', contentDisposition(filename))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(data)
}

/** `attachment` with an ASCII name for old clients and the UTF-8 one for the rest. */
export function contentDisposition(filename: string): string {
  const ascii = filename
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\/]/g, '')
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`
}

/** A sheet read as text: `rows[i]` is spreadsheet row i + 1, cells by column (A = 0). */
export interface SheetText {
  rows: string[][]
}

/**
 * The first worksheet of a workbook as text. Dates become ISO dates (Excel stores them as days; exceljs
 * gives them at midnight UTC), numbers their JavaScript text (a point as decimal separator), formulas
 * their cached result. The caller must have sniffed the bytes first (zip bombs are refused there).
 * Returns undefined for a file exceljs cannot read.
 */
export async function readFirstSheet(data: Buffer, maxRows: number): Promise<SheetText | { tooMany: true } | undefined> {
  const wb = await newWorkbook()
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer)
  } catch {
    return undefined
  }
  const ws = wb.worksheets[0]
  if (!ws) return { rows: [] }
  if (ws.actualRowCount > maxRows) return { tooMany: true }
  const rows: string[][] = []
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = []
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value)
    })
    rows[rowNumber - 1] = Array.from(cells, (c) => c ?? '')
  })
  return { rows: Array.from(rows, (r) => r ?? []) }
}

/** An empty workbook, loading exceljs the first time. */
export async function newWorkbook(): Promise<ExcelJS.Workbook> {
  const { default: excel } = await import('exceljs')
  return new excel.Workbook()
}

/** A cell as text (see readFirstSheet); booleans as the caller's words for true and false. */
export function cellText(v: ExcelJS.CellValue, booleans: readonly [string, string] = ['TRUE', 'FALSE']): string {
  if (v === null || v === undefined) return ''
  if (typeof v === 'string') return v
  if (typeof v === 'number') return String(v)
  if (typeof v === 'boolean') return v ? booleans[0] : booleans[1]
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10)
  if ('richText' in v) return v.richText.map((r) => r.text).join('')
  if ('formula' in v || 'sharedFormula' in v) return cellText((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue, booleans)
  if ('hyperlink' in v) return String((v as ExcelJS.CellHyperlinkValue).text ?? '')
  if ('error' in v) return String((v as ExcelJS.CellErrorValue).error)
  return ''
}
