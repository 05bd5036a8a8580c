/**
 * The lägesbild as a Word document, declared Swedish with real headings (Heading 1 the document,
 * 2 the sections of Lag 2023:196 4 §, 3 the figures and problems), each figure's chart as an image
 * followed by its numbers as a real table, "–" with a note for a suppressed cell, exactly as the page
 * shows them (an adopted version's frozen figures).
 */
import { AlignmentType, Footer, PageNumber, Paragraph, type Table, TextRun } from 'docx'
import { chartImageParagraph } from '../../platform/docx/chart-image.ts'
import { headingParagraph, lineParagraphs, swedishDocx, textParagraphs } from '../../platform/docx/docx.ts'
import { fact, simpleTable as table, small } from '../../platform/docx/tables.ts'
import type { Translate } from '../../platform/i18n/i18n.ts'
import { formatIsoDate } from '../../platform/i18n/format.ts'
import { type MappingFigureData, cellText } from './figures.ts'
import { type FigureState, figureStateNote } from './frozen-figures.ts'
import type { ReportDocument } from './situation-reports.service.ts'
import { FigureChart } from './views/figure.tsx'
import { ANALYSIS_PARTS } from './views/report-document.tsx'
import { adoptionText, periodText, reportName } from './views/parts.tsx'

function figureBlock(f: MappingFigureData, t: Translate): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [headingParagraph(f.title, 3)]
  if (f.missing) return [...out, ...textParagraphs(f.notes.join(' '))]
  if (f.caption) out.push(...textParagraphs(f.caption))
  // The page's chart as an image before its table; without it (rendering failed) the table says it all.
  const image = chartImageParagraph(FigureChart({ f, locale: 'sv' }), {
    title: f.title,
    description: t('situationReports.figures.chartAlt', { title: f.title, caption: f.caption }).replace(/\s+/g, ' ').trim(),
  })
  if (image) out.push(image)
  out.push(
    new Paragraph({ spacing: { after: 60 }, children: [new TextRun({ text: t('situationReports.figures.tableCaption', { title: f.title }), bold: true })] }),
    table(
      [t(f.unit === 'share' ? 'situationReports.figures.year' : 'situationReports.figures.period'), ...f.columns.map((c) => c.label)],
      f.rows.map((r) => [r.label, ...r.cells.map((c) => cellText(c, f.unit, 'sv'))]),
    ),
    ...f.notes.map(small),
  )
  if (f.attribution) out.push(small(f.attribution))
  return out
}

/** The whole document: kartläggning with figures, annan information, analys with the orsaksanalys per problem, sources, adoption. */
export async function reportDocx(d: ReportDocument, figures: MappingFigureData[], figureState: FigureState, t: Translate): Promise<Buffer> {
  const r = d.report
  const children: (Paragraph | Table)[] = [
    headingParagraph(reportName(t, r), 1),
    new Paragraph({
      spacing: { after: 160 },
      children: [new TextRun({ text: t('situationReports.document.lead', { name: d.organisation.name, period: periodText(r) }), bold: true })],
    }),
    ...textParagraphs(
      r.status === 'adopted'
        ? t('situationReports.document.adoptedLine', { adoption: adoptionText(t, r), revision: r.revision })
        : t('situationReports.document.draftLine', { revision: r.revision }),
    ),
  ]
  const text = (s: string) => (s.trim() ? textParagraphs(s) : textParagraphs(t('situationReports.document.notWritten')))

  children.push(headingParagraph(t('situationReports.sections.mapping'), 2), ...text(r.mappingText))
  const figureNote = figureStateNote(t, r, figureState, figures.length)
  if (figureNote) children.push(small(figureNote))
  for (const f of figures) children.push(...figureBlock(f, t))

  children.push(headingParagraph(t('situationReports.sections.otherInformation'), 2), ...text(r.otherInformation))

  children.push(headingParagraph(t('situationReports.sections.analysis'), 2), ...text(r.analysis))
  children.push(headingParagraph(t('situationReports.sections.causeAnalysis'), 3))
  if (!d.problems.length) children.push(...textParagraphs(t('situationReports.document.noProblems')))
  for (const { analysis, problem } of d.problems) {
    children.push(
      headingParagraph(
        t('situationReports.document.problemHeading', { n: analysis.priority, title: problem?.title ?? t('situationReports.document.problemGone') }),
        3,
      ),
    )
    if (problem?.description) children.push(...textParagraphs(problem.description))
    for (const [field, key] of ANALYSIS_PARTS) {
      children.push(
        new Paragraph({ spacing: { before: 120, after: 40 }, children: [new TextRun({ text: t(`situationReports.analysis.${key}`), bold: true })] }),
      )
      children.push(...text(analysis[field]))
    }
    if (problem) {
      children.push(
        new Paragraph({
          spacing: { before: 120, after: 40 },
          children: [new TextRun({ text: t('situationReports.document.planCauses', { plan: problem.plan.title }), bold: true })],
        }),
        ...lineParagraphs(
          problem.causes.length
            ? problem.causes.map((c) => t('situationReports.document.cause', { n: c.position, title: c.title }))
            : [t('situationReports.document.noCauses')],
        ),
      )
    }
  }

  children.push(headingParagraph(t('situationReports.sections.sources'), 2))
  for (const used of [true, false]) {
    const list = r.sources.filter((s) => s.used === used)
    children.push(headingParagraph(t(`situationReports.document.sources.${used ? 'used' : 'unused'}`), 3))
    if (!list.length) children.push(...textParagraphs(t('situationReports.document.sources.none')))
    else
      children.push(
        table(
          [t('situationReports.fields.sourceName'), t('situationReports.fields.sourceLimitations')],
          list.map((s) => [s.name, s.limitations || '–']),
          2,
        ),
      )
  }

  children.push(headingParagraph(t('situationReports.sections.adoption'), 2))
  if (r.status === 'adopted') {
    children.push(
      fact(t('situationReports.fields.adoptedBy'), r.adoptedBy ?? ''),
      fact(t('situationReports.fields.adoptedOn'), r.adoptedOn ? formatIsoDate(r.adoptedOn) : '–'),
      fact(t('situationReports.fields.adoptedParagraph'), r.adoptedParagraph ?? ''),
      fact(t('situationReports.fields.nextReviewDue'), r.nextReviewDue ? formatIsoDate(r.nextReviewDue) : '–'),
    )
  } else {
    children.push(...textParagraphs(t('situationReports.document.notAdopted', { months: r.reviewIntervalMonths })))
  }

  return swedishDocx(
    {
      title: reportName(t, r),
      creator: d.organisation.name,
      description: t('situationReports.document.lead', { name: d.organisation.name, period: periodText(r) }),
      subject: t('situationReports.document.subject'),
    },
    [
      {
        properties: { page: { margin: { top: 1134, bottom: 1134, left: 1418, right: 1418 } } },
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
        children,
      },
    ],
  )
}

/** "Lägesbild 2025 – Linköpings kommun" as a file name. */
export const documentName = (t: Translate, d: ReportDocument) => `${reportName(t, d.report)} – ${d.organisation.name}`
