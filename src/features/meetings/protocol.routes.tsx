import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../platform/deps.ts'
import { sendDocx } from '../../platform/docx/docx.ts'
import { paramsOf } from '../../platform/http/params.ts'
import { translator } from '../../platform/i18n/i18n.ts'
import { PDF_CONTENT_TYPE, PdfUnavailable, htmlToPdf, pdfDisposition } from '../../platform/pdf/pdf.ts'
import { kallelseDocx, protocolDocx } from './protocol.docx.ts'
import { ProtocolPdfUnavailable, documentName, kallelseOf, protocolOf } from './protocol.service.ts'
import { ProtocolPage, protocolHtmlDocument } from './views/protocol-document.tsx'

const read = { config: { policy: 'meetings.read' } }

/**
 * The meeting's documents for partners: the justerat protocol as a page, a tagged PDF and DOCX, and
 * the kallelse as DOCX. The documents are Swedish whatever the reader's language: they are the record.
 */
export function protocolRoutes(app: FastifyInstance, deps: Deps) {
  const sv = translator('sv')

  app.get('/meetings/:meetingId/protocol', read, async (req, reply) => {
    return reply.page(<ProtocolPage p={await protocolOf(deps, req.actor, paramsOf(req).meetingId, req.t)} />)
  })

  app.get('/meetings/:meetingId/protocol.docx', read, async (req, reply) => {
    const p = await protocolOf(deps, req.actor, paramsOf(req).meetingId, sv)
    return sendDocx(reply, await protocolDocx(p, sv), `${documentName('Protokoll', p)}.docx`)
  })

  app.get('/meetings/:meetingId/protocol.pdf', read, async (req, reply) => {
    const p = await protocolOf(deps, req.actor, paramsOf(req).meetingId, sv)
    let pdf: Buffer
    try {
      pdf = await htmlToPdf(protocolHtmlDocument(p, sv), { chromiumPath: deps.config.chromiumPath })
    } catch (err) {
      if (err instanceof PdfUnavailable) throw new ProtocolPdfUnavailable()
      throw err
    }
    return reply
      .type(PDF_CONTENT_TYPE)
      .header('content-disposition', pdfDisposition(`${documentName('Protokoll', p)}.pdf`))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .send(pdf)
  })

  app.get('/meetings/:meetingId/kallelse.docx', read, async (req, reply) => {
    const p = await kallelseOf(deps, req.actor, paramsOf(req).meetingId, sv)
    return sendDocx(reply, await kallelseDocx(p, sv), `${documentName('Kallelse', p)}.docx`)
  })
}
