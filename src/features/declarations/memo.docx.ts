/**
 * The tjänsteskrivelse as a Word document, in the shape of a Swedish municipal memo: the
 * municipality's name in the page header, "Tjänsteskrivelse" with date and diarienummer at the top
 * right, the heading, the sections in the usual order, the responsible official, the distribution.
 */
import { AlignmentType, BorderStyle, Footer, Header, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx'
import { headingParagraph, lineParagraphs, numberedParagraphs, swedishDocx, textParagraphs } from '../../platform/docx/docx.ts'
import type { MemoFields } from './declarations.schemas.ts'
import { linesOf } from './signatures.workflow.ts'

/** The heading of the decision proposal, which comes before the sections. */
export const PROPOSAL_HEADING = 'Förslag till kommunstyrelsens beslut'
/** The heading of the distribution list, after the signature. */
export const DISTRIBUTION_HEADING = 'Beslutet skickas till'

/**
 * Section headings in the order of a Swedish municipal tjänsteskrivelse (the source document's):
 * every one is always in the document, as the municipality's template has them.
 */
export const MEMO_SECTIONS = [
  ['matter', 'Ärende'],
  ['basis', 'Beslutsunderlag'],
  ['background', 'Bakgrund'],
  ['economy', 'Ekonomiska konsekvenser'],
  ['goals', 'Kommunala mål'],
  ['equality', 'Jämställdhet'],
  ['consultation', 'Samråd'],
  ['followUp', 'Uppföljning och utvärdering'],
  ['mbl', 'Information eller förhandling enligt lag (1976:580) om medbestämmande i arbetslivet'],
] as const

/** Every heading of the document in order, after the title (the ärendemening). */
export const MEMO_HEADINGS = [PROPOSAL_HEADING, ...MEMO_SECTIONS.map(([, title]) => title), DISTRIBUTION_HEADING]

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

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)

/** The document's body: title, proposal, the sections in order, the signature, the distribution. */
function body(f: MemoFields): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [topBlock(f), heading(f.heading, 1)]
  out.push(heading(PROPOSAL_HEADING), ...numberedParagraphs(linesOf(f.proposal)))
  for (const [key, title] of MEMO_SECTIONS) {
    out.push(heading(title))
    if (key === 'basis') out.push(...lineParagraphs(lines(f.basis)))
    else if (key === 'goals') out.push(...textParagraphs(f.goals), ...(f.goalsLink ? textParagraphs(f.goalsLink) : []))
    else out.push(...textParagraphs(f[key]))
  }
  // The signature block: who answers for the memo.
  out.push(new Paragraph({ spacing: { before: 480 }, children: [] }))
  if (f.department) out.push(new Paragraph({ children: [new TextRun({ text: f.department })] }))
  if (f.official) out.push(new Paragraph({ spacing: { before: 240 }, children: [new TextRun({ text: f.official, bold: true })] }))
  if (f.officialTitle) out.push(new Paragraph({ children: [new TextRun({ text: f.officialTitle })] }))
  out.push(heading(DISTRIBUTION_HEADING), ...lineParagraphs(lines(f.distribution)))
  return out
}

export async function memoDocx(f: MemoFields): Promise<Buffer> {
  return swedishDocx(
    { title: f.heading, subject: 'Tjänsteskrivelse', creator: f.official || f.municipality, description: `Tjänsteskrivelse, ${f.municipality}, ${f.date}` },
    [
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
    ],
  )
}

/** "Tjänsteskrivelse Linköpings kommun 2021-12-10.docx" */
export const memoFilename = (f: MemoFields) => `Tjänsteskrivelse ${f.municipality} ${f.date}.docx`
