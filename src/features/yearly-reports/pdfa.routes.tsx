import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../platform/deps.ts'
import { sendStoredFile } from '../../platform/files/files.repo.ts'
import { ctxOf } from '../../platform/http/ctx.ts'
import { NotFoundError } from '../../platform/http/errors.ts'
import { paramsOf } from '../../platform/http/params.ts'
import { PdfaNotAdopted, PdfaUnavailableHere, pdfaFileOf, readyPdfaHref, registerPdfaSource, startPdfaTask } from '../../platform/pdf/pdfa-task.ts'
import { libreOfficeAvailable } from '../../platform/pdf/pdfa.ts'
import { actorForUser } from '../accounts/index.ts'
import { documentName, yearlyReportDocx } from './yearly-reports.docx.ts'
import { reportView } from './yearly-reports.service.ts'

/**
 * The adopted report's archival copy as PDF/A-2b (issue 10 §4, Arkivlagen): its DOCX converted by
 * LibreOffice as a background task. Only an adopted report: it is the version that is archived, and
 * the snapshot makes the copy the same whenever it is made. Whoever may read the report (and its
 * export.pdf) may ask for it and fetch it; asking needs a session, because the task page is its
 * creator's. The download checks the reader against the report again.
 */
const SOURCE = 'yearly_report'

/** Whether the report's page offers PDF/A to this reader: adopted, a session, and LibreOffice on the server. */
export const offersPdfa = (deps: Deps, status: string, via: string | undefined) =>
  status === 'adopted' && via === 'session' && libreOfficeAvailable(deps.config.libreOfficePath)

export function registerYearlyReportPdfa(deps: Deps) {
  deps.policies.register('yearlyReports.pdfa', (a) => a?.via === 'session')
  registerPdfaSource(deps, SOURCE, {
    entityType: 'yearly_report',
    async document(userId, reportId) {
      const actor = await actorForUser(deps, userId, 'session')
      if (!actor) return null
      const v = await reportView(deps, actor, reportId).catch((err) => {
        if (err instanceof NotFoundError) return null
        throw err
      })
      if (v?.report.status !== 'adopted') return null
      return { docx: await yearlyReportDocx(v), name: documentName(v), organisationId: v.report.organisationId, actor }
    },
    downloadHref: (reportId, taskId) => `/yearly-reports/${reportId}/pdfa/${taskId}`,
  })
}

export function yearlyReportPdfaRoutes(app: FastifyInstance, deps: Deps) {
  app.post('/yearly-reports/:reportId/pdfa', { config: { policy: 'yearlyReports.pdfa' } }, async (req, reply) => {
    const { reportId } = paramsOf(req)
    const v = await reportView(deps, req.actor, reportId)
    if (v.report.status !== 'adopted') throw new PdfaNotAdopted('yearlyReports.errors.pdfaNotAdopted')
    if (!libreOfficeAvailable(deps.config.libreOfficePath)) throw new PdfaUnavailableHere('yearlyReports.errors.pdfaUnavailable')
    const ready = await readyPdfaHref(deps, { source: SOURCE, subjectId: reportId })
    if (ready) return reply.seeOther(ready)
    const task = await startPdfaTask(deps, ctxOf(req), {
      source: SOURCE,
      subjectId: reportId,
      title: `${v.model.title} – PDF/A`,
      organisationId: v.report.organisationId,
      retryHref: `/yearly-reports/${reportId}`,
    })
    return reply.seeOther(`/tasks/${task.id}`)
  })

  // The same readers as export.pdf: an adopted public report's copy is for anyone with the link.
  app.get('/yearly-reports/:reportId/pdfa/:taskId', { config: { policy: 'public' } }, async (req, reply) => {
    const { reportId, taskId } = paramsOf(req)
    const v = await reportView(deps, req.actor, reportId)
    if (v.report.status !== 'adopted') throw new NotFoundError()
    return sendStoredFile(reply, await pdfaFileOf(deps, { source: SOURCE, subjectId: reportId, taskId }))
  })
}
