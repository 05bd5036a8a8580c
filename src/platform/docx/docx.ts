/**
 * Small helpers for Word documents made with the `docx` package: the response, and the paragraph
 * shapes Swedish public-sector documents use (plain text with kept line breaks, numbered lines).
 */
import type { FastifyReply } from 'fastify'
import { Paragraph, TextRun } from 'docx'

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

/** Text as paragraphs: an empty line starts a new paragraph, a single line break stays a break. */
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
        children: block.split('\n').map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined })),
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
