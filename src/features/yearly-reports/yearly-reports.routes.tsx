import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../platform/deps.ts'
import { sendDocx } from '../../platform/docx/docx.ts'
import { formErrorOrThrow } from '../../platform/forms/form-errors.ts'
import { formValues, parseForm } from '../../platform/forms/parse-form.ts'
import { ctxOf } from '../../platform/http/ctx.ts'
import { StaleVersionError } from '../../platform/http/errors.ts'
import { paramsOf } from '../../platform/http/params.ts'
import { PDF_CONTENT_TYPE, PdfUnavailable, htmlToPdf, pdfDisposition } from '../../platform/pdf/pdf.ts'
import { offersPdfa } from './pdfa.routes.tsx'
import { documentName, yearlyReportDocx } from './yearly-reports.docx.ts'
import { AdoptInput, CommentInput, CreateInput, NarrativeInput, ReviewInput } from './yearly-reports.schemas.ts'
import {
  ReportPdfUnavailable,
  addComment,
  adoptReport,
  availableKinds,
  checkAdopt,
  checkComment,
  checkCreate,
  createReport,
  listPage,
  loadSection,
  reportView,
  saveNarrative,
  sendForComments,
  todayInSweden,
} from './yearly-reports.service.ts'
import { AdoptPage, ListPage, NarrativePage, ReportPage } from './views/pages.tsx'
import { reportHtmlDocument } from './views/print-document.tsx'

// An adopted public report is for anyone (the service shows everything else to signed-in partners only).
const READ = { config: { policy: 'public' } }
const WRITE = { config: { policy: 'yearlyReports.write' } }

/** Reading is for anyone (an adopted public report is public); which report to whom is the service's rule. */
export function registerYearlyReportPolicies(deps: Deps) {
  deps.policies.register('yearlyReports.write', (a) => a?.via === 'session')
}

/** /collaborations/:id/yearly-reports and /yearly-reports/:reportId (issue 10 §4–5). */
export function yearlyReportRoutes(app: FastifyInstance, deps: Deps) {
  app.get('/collaborations/:collaborationId/yearly-reports', { config: { policy: 'yearlyReports.write' } }, async (req, reply) => {
    const ctx = await listPage(deps, req.actor, paramsOf(req).collaborationId)
    const values = { kind: 'follow_up', year: todayInSweden().slice(0, 4), scope: 'year', visibility: 'partners' }
    return reply.page(<ListPage {...ctx} values={values} />)
  })

  app.post('/collaborations/:collaborationId/yearly-reports', { config: { ...WRITE.config, form: CreateInput } }, async (req, reply) => {
    const id = paramsOf(req).collaborationId
    await checkCreate(deps, req.actor, id)
    const ctx = await listPage(deps, req.actor, id)
    const form = parseForm(CreateInput, req.body, req.t)
    if (form.ok && !availableKinds().includes(form.data.kind)) {
      return reply.page(<ListPage {...ctx} values={formValues(req.body)} errors={[{ field: 'kind', message: req.t('yearlyReports.errors.kind') }]} />, 400)
    }
    if (!form.ok) return reply.page(<ListPage {...ctx} values={form.values} errors={form.errors} />, 400)
    try {
      const report = await createReport(deps, ctxOf(req), id, form.data)
      reply.flash('success', 'yearlyReports.flash.created', { title: report.title })
      return reply.seeOther(`/yearly-reports/${report.id}`)
    } catch (err) {
      const { errors, status } = formErrorOrThrow(err, req.t)
      return reply.page(<ListPage {...ctx} values={formValues(req.body)} errors={errors} />, status)
    }
  })

  app.get('/yearly-reports/:reportId', READ, async (req, reply) => {
    const v = await reportView(deps, req.actor, paramsOf(req).reportId)
    return reply.page(<ReportPage v={v} pdfa={offersPdfa(deps, v.report.status, req.actor?.via)} />)
  })

  app.get('/yearly-reports/:reportId/sections/:sectionKey', WRITE, async (req, reply) => {
    const { reportId, sectionKey } = paramsOf(req)
    const { section } = await loadSection(deps, req.actor, reportId, sectionKey)
    const v = await reportView(deps, req.actor, reportId)
    return reply.page(<NarrativePage v={v} sectionKey={sectionKey} values={{ narrative: section?.narrative ?? '', version: String(section?.version ?? 0) }} />)
  })

  app.post('/yearly-reports/:reportId/sections/:sectionKey', { config: { ...WRITE.config, form: NarrativeInput } }, async (req, reply) => {
    const { reportId, sectionKey } = paramsOf(req)
    await loadSection(deps, req.actor, reportId, sectionKey)
    const v = await reportView(deps, req.actor, reportId)
    const form = parseForm(NarrativeInput, req.body, req.t)
    if (!form.ok) return reply.page(<NarrativePage v={v} sectionKey={sectionKey} values={form.values} errors={form.errors} />, 400)
    try {
      await saveNarrative(deps, ctxOf(req), reportId, sectionKey, form.data)
    } catch (err) {
      if (err instanceof StaleVersionError) {
        // Overtaken: the stored text is shown above the user's, which stays in the form, now aimed at the stored version.
        const current = err.current as { narrative: string; version: number } | undefined
        const values = { ...formValues(req.body), version: String(current?.version ?? 0) }
        const errors = [{ field: '', message: req.t('platform.errors.staleVersion') }]
        return reply.page(<NarrativePage v={v} sectionKey={sectionKey} values={values} errors={errors} conflict={current?.narrative ?? ''} />, 409)
      }
      const { errors, status } = formErrorOrThrow(err, req.t)
      return reply.page(<NarrativePage v={v} sectionKey={sectionKey} values={formValues(req.body)} errors={errors} />, status)
    }
    reply.flash('success', 'yearlyReports.flash.narrativeSaved')
    return reply.seeOther(`/yearly-reports/${reportId}#section-${sectionKey}`)
  })

  app.post('/yearly-reports/:reportId/review', { config: { ...WRITE.config, form: ReviewInput } }, async (req, reply) => {
    const { reportId } = paramsOf(req)
    const form = parseForm(ReviewInput, req.body, req.t)
    await checkAdopt(deps, req.actor, reportId)
    if (!form.ok) return reply.page(<ReportPage v={await reportView(deps, req.actor, reportId)} errors={form.errors} />, 400)
    try {
      await sendForComments(deps, ctxOf(req), reportId, form.data)
    } catch (err) {
      const { errors, status } = formErrorOrThrow(err, req.t)
      return reply.page(<ReportPage v={await reportView(deps, req.actor, reportId)} errors={errors} />, status)
    }
    reply.flash('success', 'yearlyReports.flash.sent')
    return reply.seeOther(`/yearly-reports/${reportId}`)
  })

  app.post('/yearly-reports/:reportId/comments', { config: { ...WRITE.config, form: CommentInput } }, async (req, reply) => {
    const { reportId } = paramsOf(req)
    await checkComment(deps, req.actor, reportId)
    const form = parseForm(CommentInput, req.body, req.t)
    if (!form.ok) return reply.page(<ReportPage v={await reportView(deps, req.actor, reportId)} values={form.values} errors={form.errors} />, 400)
    await addComment(deps, ctxOf(req), reportId, form.data)
    reply.flash('success', 'yearlyReports.flash.commented')
    return reply.seeOther(`/yearly-reports/${reportId}#comments`)
  })

  app.get('/yearly-reports/:reportId/adopt', WRITE, async (req, reply) => {
    const { reportId } = paramsOf(req)
    const report = await checkAdopt(deps, req.actor, reportId)
    const v = await reportView(deps, req.actor, reportId)
    const values = {
      adoptedBy: `Styrgruppen för ${v.collaboration.name}`,
      adoptedOn: todayInSweden(),
      visibility: report.visibility,
      version: String(report.version),
    }
    return reply.page(<AdoptPage v={v} values={values} />)
  })

  app.post('/yearly-reports/:reportId/adopt', { config: { ...WRITE.config, form: AdoptInput } }, async (req, reply) => {
    const { reportId } = paramsOf(req)
    await checkAdopt(deps, req.actor, reportId)
    const form = parseForm(AdoptInput, req.body, req.t)
    if (!form.ok) return reply.page(<AdoptPage v={await reportView(deps, req.actor, reportId)} values={form.values} errors={form.errors} />, 400)
    try {
      await adoptReport(deps, ctxOf(req), reportId, form.data)
    } catch (err) {
      const { errors, status } = formErrorOrThrow(err, req.t)
      return reply.page(<AdoptPage v={await reportView(deps, req.actor, reportId)} values={formValues(req.body)} errors={errors} />, status)
    }
    reply.flash('success', 'yearlyReports.flash.adopted')
    return reply.seeOther(`/yearly-reports/${reportId}`)
  })

  app.get('/yearly-reports/:reportId/export.docx', READ, async (req, reply) => {
    const v = await reportView(deps, req.actor, paramsOf(req).reportId)
    return sendDocx(reply, await yearlyReportDocx(v), `${documentName(v)}.docx`)
  })

  app.get('/yearly-reports/:reportId/export.pdf', READ, async (req, reply) => {
    const v = await reportView(deps, req.actor, paramsOf(req).reportId)
    let pdf: Buffer
    try {
      pdf = await htmlToPdf(reportHtmlDocument(v), { chromiumPath: deps.config.chromiumPath, title: v.model.title })
    } catch (err) {
      if (err instanceof PdfUnavailable) throw new ReportPdfUnavailable()
      throw err
    }
    return reply
      .type(PDF_CONTENT_TYPE)
      .header('content-disposition', pdfDisposition(`${documentName(v)}.pdf`))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .send(pdf)
  })
}
