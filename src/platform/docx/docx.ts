/**
 * Small helpers for Word documents made with the `docx` package: the response, and the paragraph
 * shapes Swedish public-sector documents use (plain text with kept line breaks, numbered lines).
 */
import type { FastifyReply } from 'fastify'
import { Document, ExternalHyperlink, HeadingLevel, type ISectionOptions, type IStylesOptions, Packer, Paragraph, type ParagraphChild, TextRun } from 'docx'

export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

/** A safe download name: the UTF-8 name for browsers that read filename*, an ASCII one for the rest. */
export function sendDocx(reply: FastifyReply, data: Buffer, filename: string) {
  const ascii = filename
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\/]/g, '')
  return reply
    .type(DOCX_CONTENT_TYPE)
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(data)
}

const URL_PATTERN = /https?:\/\/[^\s<>"]+[^\s<>".,;:!?)]/g

function isWebLink(address: string): boolean {
  try {
    const url = new URL(address)
    return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password
  } catch {
    return false
  }
}

/**
 * One line of text as runs, with every web address a real hyperlink (Word and LibreOffice open it,
 * a tagged PDF keeps it). The address itself stays the visible text, so a printed copy still has it.
 */
export function linkedRuns(line: string, first: boolean): ParagraphChild[] {
  const runs: ParagraphChild[] = []
  let at = 0
  let lineBreak = first ? undefined : 1
  const text = (t: string) => {
    if (t) runs.push(new TextRun({ text: t, break: lineBreak }))
    if (t) lineBreak = undefined
  }
  for (const m of line.matchAll(URL_PATTERN)) {
    // Only an address a browser would open as a web page becomes a link; anything else stays text.
    if (!isWebLink(m[0])) continue
    text(line.slice(at, m.index))
    runs.push(new ExternalHyperlink({ link: m[0], children: [new TextRun({ text: m[0], style: 'Hyperlink', break: lineBreak })] }))
    lineBreak = undefined
    at = m.index + m[0].length
  }
  text(line.slice(at))
  if (!runs.length) runs.push(new TextRun({ text: '', break: lineBreak }))
  return runs
}

/** Text as paragraphs: an empty line starts a new paragraph, a single line break stays a break; addresses become links. */
export function textParagraphs(text: string, options: { spacingAfter?: number } = {}): Paragraph[] {
  const blocks = text
    .replace(/\r\n/g, '\n')
    .split(/\n{2,}/)
    .map((b) => b.trim())
    .filter(Boolean)
  return blocks.map(
    (block) =>
      new Paragraph({
        spacing: { after: options.spacingAfter ?? 160 },
        children: block.split('\n').flatMap((line, i) => linkedRuns(line, i === 0)),
      }),
  )
}

/**
 * Numbered lines ("1. …") with a hanging indent. The numbers are written as text, not Word
 * auto-numbering, so they survive copy-paste into e-mail, diarium systems and PDF text extraction.
 */
export function numberedParagraphs(lines: string[]): Paragraph[] {
  return lines.map(
    (line, i) =>
      new Paragraph({
        indent: { left: 425, hanging: 425 },
        spacing: { after: 120 },
        children: [new TextRun({ text: `${i + 1}.\t${line}` })],
        tabStops: [{ type: 'left', position: 425 }],
      }),
  )
}

/** One paragraph per line, for lists such as "Beslutsunderlag" and "Beslutet skickas till". */
export function lineParagraphs(lines: string[]): Paragraph[] {
  return lines.map((line) => new Paragraph({ spacing: { after: 60 }, children: [new TextRun({ text: line })] }))
}

// ---- Swedish documents with real headings (issue 6 G20) ----

/** The language every document declares: in the default run properties and in the metadata. */
export const DOCUMENT_LANGUAGE = 'sv-SE'

/** Heading sizes in half-points: Heading 1 for the document's title, 2 for its sections, 3 below. */
const HEADING_SIZES = [32, 24, 22] as const

/**
 * Styles for a Swedish document: sv-SE on every run (docDefaults), Calibri 11, and Heading 1–3 with
 * outline levels under Word's built-in names ("heading 1"), so Word's navigation pane, LibreOffice's
 * navigator and a tagged PDF see them as headings, not bold text.
 */
export function swedishStyles(options: { font?: string; size?: number } = {}): IStylesOptions {
  return {
    default: {
      document: {
        run: { font: options.font ?? 'Calibri', size: options.size ?? 22, language: { value: DOCUMENT_LANGUAGE } },
        paragraph: { spacing: { line: 276 } },
      },
    },
    paragraphStyles: HEADING_SIZES.map((size, i) => ({
      id: `Heading${i + 1}`,
      name: `heading ${i + 1}`,
      basedOn: 'Normal',
      next: 'Normal',
      quickFormat: true,
      run: { size, bold: true, language: { value: DOCUMENT_LANGUAGE } },
      paragraph: { outlineLevel: i, keepNext: true, keepLines: true, spacing: { before: 240, after: 120 } },
    })),
  }
}

const HEADING_LEVELS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const

/** A real heading (Heading 1–3, with its outline level from swedishStyles). */
export const headingParagraph = (text: string, level: 1 | 2 | 3 = 2) => new Paragraph({ heading: HEADING_LEVELS[level - 1], children: [new TextRun({ text })] })

export interface DocumentMetadata {
  title: string
  creator?: string
  description?: string
  subject?: string
  /** The time the document is made (tests pass a fixed one). */
  created?: Date
}

const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/**
 * docProps/core.xml with dc:language, which the docx package does not write. Everything else the
 * package would write is here too (title, creator, description, dates), so nothing is lost.
 */
export function coreProperties(meta: DocumentMetadata): string {
  const when = (meta.created ?? new Date()).toISOString()
  const el = (name: string, value: string | undefined) => (value ? `<${name}>${xmlText(value)}</${name}>` : '')
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    el('dc:title', meta.title),
    el('dc:subject', meta.subject),
    el('dc:creator', meta.creator),
    el('dc:description', meta.description),
    el('dc:language', DOCUMENT_LANGUAGE),
    el('cp:lastModifiedBy', meta.creator),
    '<cp:revision>1</cp:revision>',
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>`,
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>`,
    '</cp:coreProperties>',
  ].join('')
}

/**
 * A Swedish Word document as bytes: the sections with swedishStyles, and metadata that declares
 * sv-SE. Use this rather than `new Document` + `Packer` so every document the platform makes is
 * declared Swedish and has navigable headings.
 */
export async function swedishDocx(meta: DocumentMetadata, sections: ISectionOptions[], options: { font?: string; size?: number } = {}): Promise<Buffer> {
  const doc = new Document({
    title: meta.title,
    creator: meta.creator,
    description: meta.description,
    subject: meta.subject,
    styles: swedishStyles(options),
    sections,
  })
  return Packer.toBuffer(doc, false, [{ path: 'docProps/core.xml', data: coreProperties(meta) }])
}
