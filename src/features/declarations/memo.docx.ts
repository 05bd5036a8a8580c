/**
 * The tjänsteskrivelse as a Word document, in the shape of a Swedish municipal memo: the
 * municipality's name in the page header, "Tjänsteskrivelse" with date and diarienummer at the top
 * right, the heading, the sections in the usual order, the responsible official, the distribution.
 */
import { AlignmentType, BorderStyle, Footer, Header, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx'
import { headingParagraph, lineParagraphs, numberedParagraphs, swedishDocx, textParagraphs } from '../../platform/docx/docx.ts'
import type { MemoFields } from './declarations.schemas.ts'
import { linesOf } from './signatures.workflow.ts'

/** Section headings in document order (Swedish: the document is the municipality's, in its language). */
export const MEMO_SECTIONS = [
  ['matter', 'Ärende'],
  ['basis', 'Beslutsunderlag'],
  ['background', 'Bakgrund'],
  ['economy', 'Ekonomiska konsekvenser'],
  ['goals', 'Kommunala mål'],
  ['equality', 'Jämställdhet'],
  ['consultation', 'Samråd'],
  ['followUp', 'Uppföljning och utvärdering'],
  ['mbl', 'Information eller förhandling enligt MBL'],
] as const

const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }
const noBorders = { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none }

const heading = (text: string, level: 1 | 2 = 2) => headingParagraph(text, level)

/** Top block: the department on the left; document type, date and diarienummer on the right. */
function topBlock(f: MemoFields) {
  const right = [
    new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: 'Tjänsteskrivelse', bold: true, size: 28 })] }),
    new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: `Datum: ${f.date}` })] }),
    new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: `Dnr: ${f.caseNumber || '–'}` })] }),
  ]
  // The municipality's name is the page header (on every page); the department sits under it.
  const left = [new Paragraph({ children: [new TextRun({ text: f.department })] })]
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: noBorders,
    rows: [
      new TableRow({
        children: [
          new TableCell({ width: { size: 55, type: WidthType.PERCENTAGE }, borders: noBorders, children: left }),
          new TableCell({ width: { size: 45, type: WidthType.PERCENTAGE }, borders: noBorders, children: right }),
        ],
      }),
    ],
  })
}

/** The document's body, section by section; empty optional sections are left out. */
function body(f: MemoFields): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [topBlock(f), heading(f.heading, 1)]
  out.push(heading('Förslag till kommunstyrelsens beslut'), ...numberedParagraphs(linesOf(f.proposal)))
  for (const [key, title] of MEMO_SECTIONS) {
    const text = f[key]
    if (!text) continue
    out.push(
      heading(title),
      ...(key === 'basis'
        ? lineParagraphs(
            text
              .split('\n')
              .map((l) => l.trim())
              .filter(Boolean),
          )
        : textParagraphs(text)),
    )
  }
  // The signature block: who answers for the memo.
  out.push(new Paragraph({ spacing: { before: 480 }, children: [] }))
  if (f.official) out.push(new Paragraph({ children: [new TextRun({ text: f.official, bold: true })] }))
  if (f.officialTitle) out.push(new Paragraph({ children: [new TextRun({ text: f.officialTitle })] }))
  if (f.department) out.push(new Paragraph({ children: [new TextRun({ text: f.department })] }))
  const distribution = f.distribution
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
  if (distribution.length) out.push(heading('Beslutet skickas till'), ...lineParagraphs(distribution))
  return out
}

export async function memoDocx(f: MemoFields): Promise<Buffer> {
  return swedishDocx({ title: `Tjänsteskrivelse – ${f.heading}`, creator: f.official || f.municipality, description: f.heading }, [
    {
      properties: { page: { margin: { top: 1134, bottom: 1134, left: 1418, right: 1418 } } },
      headers: { default: new Header({ children: [new Paragraph({ children: [new TextRun({ text: f.municipality, bold: true, size: 24 })] })] }) },
      footers: {
        default: new Footer({
          children: [
            new Paragraph({
              alignment: AlignmentType.RIGHT,
              children: [new TextRun({ children: ['Sida ', PageNumber.CURRENT, ' av ', PageNumber.TOTAL_PAGES] })],
            }),
          ],
        }),
      },
      children: body(f),
    },
  ])
}

/** "Tjänsteskrivelse Linköpings kommun 2021-12-10.docx" */
export const memoFilename = (f: MemoFields) => `Tjänsteskrivelse ${f.municipality} ${f.date}.docx`
