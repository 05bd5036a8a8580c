import type { FastifyReply } from 'fastify'
import { type CsvValue, toCsv } from '../csv/csv.ts'
import { contentDisposition, sendXlsx, toXlsx } from './xlsx.ts'

/** A download: a sheet name, a header row and the rows, the same for CSV and XLSX. */
export interface Table {
  sheet: string
  header: string[]
  rows: CsvValue[][]
}

/** A table as CSV (Swedish Excel's dialect, csv.ts) or XLSX; both neutralise formulas. */
export async function sendTable(reply: FastifyReply, table: Table, format: 'csv' | 'xlsx', basename: string) {
  if (format === 'xlsx') return sendXlsx(reply, await toXlsx(table.sheet, table.header, table.rows), `${basename}.xlsx`)
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', contentDisposition(`${basename}.csv`))
    .header('cache-control', 'private, no-store')
    .send(toCsv(table.header, table.rows))
}
