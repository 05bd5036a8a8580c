/**
 * PDF from HTML with Debian's Chromium (playwright-core drives it; Playwright's own browser downloads
 * are impossible here). The PDF is tagged (a structure tree from the HTML's headings, lists and
 * tables, so screen readers and archives read it) and has an outline from the headings.
 *
 * Made synchronously in the request: the platform has no job-with-progress pattern for documents
 * (the job queue only sends mail and runs housekeeping), and one protocol takes well under a second
 * (≈ 0.5 s to start Chromium, ≈ 90 ms to print). A browser per document keeps nothing running between
 * requests and cannot leak a Chromium process past the request.
 */
import fs from 'node:fs'

export const PDF_CONTENT_TYPE = 'application/pdf'

// Background networking, component updates and QUIC make Chromium reach out to Google and hang in sandboxes.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]

/** No Chromium on this server: the feature explains it (in its own words) and offers its HTML or DOCX instead. */
export class PdfUnavailable extends Error {
  constructor(readonly chromiumPath: string) {
    super(`Chromium not found at ${chromiumPath} (install Debian's chromium or set CHROMIUM_PATH)`)
  }
}

export const chromiumAvailable = (chromiumPath: string) => fs.existsSync(chromiumPath)

/**
 * A self-contained HTML document (styles inline, no external resources: the page is set as content
 * and never loads anything) as an A4 tagged PDF. @throws PdfUnavailable when Chromium is missing
 */
export async function htmlToPdf(html: string, options: { chromiumPath: string; title?: string }): Promise<Buffer> {
  if (!chromiumAvailable(options.chromiumPath)) throw new PdfUnavailable(options.chromiumPath)
  const { chromium } = await import('playwright-core')
  const browser = await chromium.launch({ executablePath: options.chromiumPath, args: CHROMIUM_ARGS })
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true })
    const page = await context.newPage()
    await page.setContent(html, { waitUntil: 'load' })
    const pdf = await page.pdf({
      format: 'A4',
      tagged: true,
      outline: true,
      printBackground: true,
      margin: { top: '20mm', bottom: '20mm', left: '22mm', right: '22mm' },
    })
    return Buffer.from(pdf)
  } finally {
    await browser.close()
  }
}

/** A safe download name, as for DOCX: UTF-8 for browsers that read filename*, ASCII for the rest. */
export function pdfDisposition(filename: string, disposition: 'attachment' | 'inline' = 'inline'): string {
  const ascii = filename
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\/]/g, '')
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`
}
