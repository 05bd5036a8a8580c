import { parseCsv } from '../../platform/csv/csv-parse.ts'
import { KNOWN_TYPES, type UploadedFile, checkUpload } from '../../platform/files/uploads.ts'
import { ZIP_LIMITS, sniffZip } from '../../platform/files/zip-sniff.ts'
import { readFirstSheet } from '../../platform/xlsx/xlsx.ts'

/** A plan holds a few hundred rows; a file with many more is a mistake, refused before it is validated. */
export const MAX_IMPORT_ROWS = 5000
/** An import file is text or a small workbook: 5 MB is far more than any plan needs. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024

/** What an import workbook may unpack to (the platform allows 100 MB for documents). */
const MAX_UNPACKED_BYTES = 30 * 1024 * 1024

export type ReadResult = { ok: true; format: 'xlsx' | 'csv'; rows: string[][] } | { ok: false; errorKey: string }

/**
 * The uploaded file as rows of text, whatever it came as. XLSX is recognised by its bytes (a zip
 * whose content types say spreadsheet; zip bombs are refused unopened, see uploads.ts); anything else
 * must be UTF-8 CSV. The name's extension decides nothing.
 */
export async function readImportFile(file: UploadedFile): Promise<ReadResult> {
  if (file.truncated || file.data.length > MAX_IMPORT_BYTES) return { ok: false, errorKey: 'plans.import.errors.tooLarge' }
  if (file.data.length === 0) return { ok: false, errorKey: 'plans.import.errors.empty' }
  if (file.data.subarray(0, 4).equals(ZIP_SIGNATURE)) {
    const checked = await checkUpload(file, { xlsx: KNOWN_TYPES.xlsx })
    if (!checked.ok) return { ok: false, errorKey: checked.errorKey === 'platform.files.zipBomb' ? checked.errorKey : 'plans.import.errors.wrongType' }
    // exceljs unpacks the whole workbook into memory: hold it to what a plan of a few thousand rows needs.
    if ((await sniffZip(file.data, { ...ZIP_LIMITS, maxUnpackedBytes: MAX_UNPACKED_BYTES })).kind !== 'ooxml')
      return { ok: false, errorKey: 'plans.import.errors.tooLarge' }
    const sheet = await readFirstSheet(file.data, MAX_IMPORT_ROWS + 1)
    if (!sheet) return { ok: false, errorKey: 'plans.import.errors.unreadable' }
    if ('tooMany' in sheet) return { ok: false, errorKey: 'plans.import.errors.tooManyRows' }
    return { ok: true, format: 'xlsx', rows: sheet.rows.map(restoreText) }
  }
  const csv = parseCsv(file.data)
  if (!csv.ok) return { ok: false, errorKey: `plans.import.errors.csv_${csv.reason}` }
  if (csv.rows.length > MAX_IMPORT_ROWS + 1) return { ok: false, errorKey: 'plans.import.errors.tooManyRows' }
  return { ok: true, format: 'csv', rows: csv.rows.map(restoreText) }
}

const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04])

/**
 * Our own exports put an apostrophe before text that starts like a formula, and write identifiers and
 * dates as ="…" so Excel keeps them as text (csv.ts): a re-import takes both off again.
 */
function restoreText(row: string[]): string[] {
  return row.map((c) => {
    if (/^'[=+\-@\t\r]/.test(c)) return c.slice(1)
    const wrapped = /^="((?:[^"]|"")*)"$/.exec(c)
    return wrapped ? wrapped[1].replaceAll('""', '"') : c
  })
}
