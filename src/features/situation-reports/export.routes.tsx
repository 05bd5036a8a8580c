import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../platform/deps.ts'
import { sendDocx } from '../../platform/docx/docx.ts'
import { paramsOf } from '../../platform/http/params.ts'
import { translator } from '../../platform/i18n/i18n.ts'
import { PDF_CONTENT_TYPE, PdfUnavailable, htmlToPdf, pdfDisposition } from '../../platform/pdf/pdf.ts'
import { reportFigures } from './frozen-figures.ts'
import { documentName, reportDocx } from './situation-reports.docx.ts'
import { ReportPdfUnavailable } from './situation-reports.errors.ts'
import { READ } from './situation-reports.routes.tsx'
import { reportDocument } from './situation-reports.service.ts'
import { reportHtmlDocument } from './views/report-document.tsx'

/**
 * The lägesbild as Word (DOCX) and as a tagged PDF (the print view, rendered by Chromium). The
 * documents are Swedish whatever the reader's language: they are what the municipality adopts.
 */
export function exportRoutes(app: FastifyInstance, deps: Deps) {
  const sv = translator('sv')
  const load = async (actor: Parameters<typeof reportDocument>[1], reportId: string) => {
    const d = await reportDocument(deps, actor, reportId)
    return { d, ...(await reportFigures(deps, actor, d, sv)) }
  }

  app.get('/situation-reports/:reportId/export.docx', READ, async (req, reply) => {
    const { d, figures, state } = await load(req.actor, paramsOf(req).reportId)
    return sendDocx(reply, await reportDocx(d, figures, state, sv), `${documentName(sv, d)}.docx`)
  })

  app.get('/situation-reports/:reportId/export.pdf', READ, async (req, reply) => {
    const { d, figures, state } = await load(req.actor, paramsOf(req).reportId)
    let pdf: Buffer
    try {
      pdf = await htmlToPdf(reportHtmlDocument(d, figures, state, sv, deps.config.baseUrl), { chromiumPath: deps.config.chromiumPath })
    } catch (err) {
      if (err instanceof PdfUnavailable) throw new ReportPdfUnavailable()
      throw err
    }
    return reply
      .type(PDF_CONTENT_TYPE)
      .header('content-disposition', pdfDisposition(`${documentName(sv, d)}.pdf`))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .send(pdf)
  })
}
