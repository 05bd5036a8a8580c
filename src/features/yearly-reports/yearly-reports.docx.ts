/**
 * The yearly report as a Word document, declared Swedish with real headings (Heading 1 the report,
 * 2 the sections, 3 the assessment), every table a real table with its caption and notes, a chart as
 * an image with alternative text before its table. The numbers are the model's, exactly as the page
 * and the PDF show them.
 */
import { Paragraph, type Table, TextRun } from 'docx'
import { chartImageParagraph } from '../../platform/docx/chart-image.ts'
import { headingParagraph, swedishDocx, textParagraphs } from '../../platform/docx/docx.ts'
import { fact, simpleTable, small } from '../../platform/docx/tables.ts'
import { formatDate } from '../../platform/i18n/format.ts'
import { translator } from '../../platform/i18n/i18n.ts'
import type { Block } from './report-model.ts'
import { sectionsOf } from './sections.ts'
import { BarsChart } from './views/blocks.tsx'
import type { ReportView } from './yearly-reports.service.ts'

const sv = translator('sv')

function blockParts(b: Block): (Paragraph | Table)[] {
  switch (b.type) {
    case 'paragraph':
      return textParagraphs(b.text)
    case 'facts':
      return b.rows.map(([k, v]) => fact(k, v))
    case 'table':
      return [
        new Paragraph({ spacing: { after: 60 }, children: [new TextRun({ text: b.caption, bold: true })] }),
        simpleTable(b.header, b.rows.length ? b.rows : [[sv('yearlyReports.doc.emptyTable'), ...b.header.slice(1).map(() => '')]], b.numericFrom),
        ...(b.notes ?? []).map(small),
      ]
    case 'bars': {
      // The page's chart as an image; the chart's table follows it in the model, so without the
      // image (nothing to draw, or rendering failed) Word still has the numbers.
      const image = b.categories.length
        ? chartImageParagraph(BarsChart({ b }), {
            title: b.title,
            description: sv('yearlyReports.doc.chartAlt', { title: b.title, description: b.description }),
          })
        : undefined
      return image ? [image] : []
    }
  }
}

export async function yearlyReportDocx(v: ReportView): Promise<Buffer> {
  const r = v.report
  const m = v.model
  const children: (Paragraph | Table)[] = [
    headingParagraph(m.title, 1),
    fact(sv('yearlyReports.doc.collaboration'), m.collaborationName),
    fact(sv('yearlyReports.doc.span'), `${formatDate(m.from, 'sv')} – ${formatDate(m.to, 'sv')}`),
    fact(
      sv('yearlyReports.doc.status'),
      r.status === 'adopted'
        ? sv('yearlyReports.doc.adopted', { body: r.adoptedBy ?? '', date: formatDate(r.adoptedOn ?? '', 'sv'), paragraph: r.adoptedParagraph ?? '' })
        : sv(`yearlyReports.status.${r.status}`),
    ),
    fact(sv('yearlyReports.doc.generated'), formatDate(m.generatedOn, 'sv')),
  ]
  for (const s of sectionsOf(r)) {
    children.push(headingParagraph(sv(`yearlyReports.sections.${s.key}`), 2))
    for (const b of m.sections.find((d) => d.key === s.key)?.blocks ?? []) children.push(...blockParts(b))
    const text = v.narratives.find((n) => n.sectionKey === s.key)?.narrative ?? ''
    if (s.data && text) children.push(headingParagraph(sv('yearlyReports.doc.assessment'), 3))
    if (text) children.push(...textParagraphs(text))
  }
  return swedishDocx({ title: m.title, creator: 'Tillsammans', description: sv('yearlyReports.doc.description', { name: m.collaborationName }) }, [
    { children },
  ])
}

export const documentName = (v: ReportView) => v.model.title.replace(/[\\/:*?"<>|]/g, '-')
