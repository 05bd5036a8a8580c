import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../platform/deps.ts'
import { sendStoredFile } from '../../platform/files/files.repo.ts'
import { ctxOf } from '../../platform/http/ctx.ts'
import { NotFoundError } from '../../platform/http/errors.ts'
import { paramsOf } from '../../platform/http/params.ts'
import { translator } from '../../platform/i18n/i18n.ts'
import { PdfaNotAdopted, PdfaUnavailableHere, pdfaFileOf, readyPdfaHref, registerPdfaSource, startPdfaTask } from '../../platform/pdf/pdfa-task.ts'
import { libreOfficeAvailable } from '../../platform/pdf/pdfa.ts'
import { actorForUser } from '../accounts/index.ts'
import { reportFigures } from './frozen-figures.ts'
import { documentName, reportDocx } from './situation-reports.docx.ts'
import { READ } from './situation-reports.routes.tsx'
import { reportDocument } from './situation-reports.service.ts'

/**
 * The adopted lägesbild's archival copy as PDF/A-2b: the same background task as the yearly report's
 * (its DOCX through LibreOffice). Only an adopted version: it is the municipality's decision, the one
 * that is archived. Whoever may read the lägesbild (and its export.pdf) may ask for it and fetch it;
 * the download checks the reader against the lägesbild again.
 */
const SOURCE = 'situation_report'

/** Whether the page offers PDF/A: an adopted version, and LibreOffice on the server (the pages are for sessions). */
export const offersPdfa = (deps: Deps, status: string) => status === 'adopted' && libreOfficeAvailable(deps.config.libreOfficePath)

export function registerSituationReportPdfa(deps: Deps) {
  const sv = translator('sv')
  registerPdfaSource(deps, SOURCE, {
    entityType: 'situation_report',
    async document(userId, reportId) {
      const actor = await actorForUser(deps, userId, 'session')
      if (!actor) return null
      const d = await reportDocument(deps, actor, reportId).catch((err) => {
        if (err instanceof NotFoundError) return null
        throw err
      })
      if (d?.report.status !== 'adopted') return null
      // The document is Swedish whatever the reader's language, as the other exports.
      // An adopted version's figures are those it was adopted with (frozen-figures.ts).
      const { figures, state } = await reportFigures(deps, actor, d, sv)
      return { docx: await reportDocx(d, figures, state, sv), name: documentName(sv, d), organisationId: d.report.organisationId, actor }
    },
    downloadHref: (reportId, taskId) => `/situation-reports/${reportId}/pdfa/${taskId}`,
  })
}

export function situationReportPdfaRoutes(app: FastifyInstance, deps: Deps) {
  const sv = translator('sv')
  app.post('/situation-reports/:reportId/pdfa', READ, async (req, reply) => {
    const { reportId } = paramsOf(req)
    const d = await reportDocument(deps, req.actor, reportId)
    if (d.report.status !== 'adopted') throw new PdfaNotAdopted('situationReports.errors.pdfaNotAdopted')
    if (!libreOfficeAvailable(deps.config.libreOfficePath)) throw new PdfaUnavailableHere('situationReports.errors.pdfaUnavailable')
    const ready = await readyPdfaHref(deps, { source: SOURCE, subjectId: reportId })
    if (ready) return reply.seeOther(ready)
    const task = await startPdfaTask(deps, ctxOf(req), {
      source: SOURCE,
      subjectId: reportId,
      title: `${documentName(sv, d)} – PDF/A`,
      organisationId: d.report.organisationId,
      retryHref: `/situation-reports/${reportId}`,
    })
    return reply.seeOther(`/tasks/${task.id}`)
  })

  app.get('/situation-reports/:reportId/pdfa/:taskId', READ, async (req, reply) => {
    const { reportId, taskId } = paramsOf(req)
    const d = await reportDocument(deps, req.actor, reportId)
    if (d.report.status !== 'adopted') throw new NotFoundError()
    return sendStoredFile(reply, await pdfaFileOf(deps, { source: SOURCE, subjectId: reportId, taskId }))
  })
}
