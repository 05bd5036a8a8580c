import { AlignmentType, BorderStyle, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx'

/**
 * Small building blocks for the platform's Word documents: a note in small type, a bold "label:
 * value" line, and a plain full-width table with a repeated header row and right-aligned numbers.
 */
const line = { style: BorderStyle.SINGLE, size: 4, color: 'B1B4B6' }
const borders = { top: line, bottom: line, left: line, right: line }
export const small = (text: string) => new Paragraph({ spacing: { after: 80 }, children: [new TextRun({ text, size: 18 })] })
export const fact = (label: string, value: string) =>
  new Paragraph({ spacing: { after: 60 }, children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)] })
const cell = (text: string, opts: { bold?: boolean; right?: boolean; header?: boolean } = {}) =>
  new TableCell({
    borders,
    children: [new Paragraph({ alignment: opts.right ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [new TextRun({ text, bold: opts.bold })] })],
  })

/** Columns from `numericFrom` on are right-aligned numbers; the first column is bold when it names the row. */
export function simpleTable(header: string[], rows: string[][], numericFrom = 1): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h, i) => cell(h, { bold: true, right: i >= numericFrom })) }),
      ...rows.map((r) => new TableRow({ children: r.map((c, i) => cell(c, { bold: i === 0 && numericFrom > 0, right: i >= numericFrom })) })),
    ],
  })
}
