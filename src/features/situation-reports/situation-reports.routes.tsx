import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Deps } from '../../platform/deps.ts'
import { formErrorOrThrow } from '../../platform/forms/form-errors.ts'
import { formValues, parseForm } from '../../platform/forms/parse-form.ts'
import { ctxOf } from '../../platform/http/ctx.ts'
import { NotFoundError, StaleVersionError } from '../../platform/http/errors.ts'
import { paramsOf } from '../../platform/http/params.ts'
import { platformFigureSources } from './figure-sources.ts'
import { reportFigures } from './frozen-figures.ts'
import { offersPdfa } from './pdfa.routes.tsx'
import { ReportNotAdopted } from './situation-reports.errors.ts'
import type { SituationReport } from './situation-reports.repo.ts'
import {
  AdoptInput,
  CreateReportInput,
  NewVersionInput,
  SectionsForm,
  figureRowCount,
  sectionsInput,
  sourceRowCount,
  toSectionsInput,
} from './situation-reports.schemas.ts'
import {
  adoptReport,
  checkCreate,
  createReport,
  listReports,
  loadDraft,
  loadEditableReport,
  reportDocument,
  startNewVersion,
  todayInSweden,
  updateSections,
} from './situation-reports.service.ts'
import { AdoptPage, NewVersionPage } from './views/adopt-page.tsx'
import { EditPage, sectionValues } from './views/edit-page.tsx'
import { ListPage } from './views/list-page.tsx'
import { NewPage } from './views/new-page.tsx'
import { ReportPage } from './views/report-page.tsx'

export const READ = { config: { policy: 'situationReports.read' } }
export const WRITE = { config: { policy: 'situationReports.write' } }

/** Signed-in users; who may see or change which lägesbild is decided per report in the service. */
export function registerPolicies(deps: Deps) {
  deps.policies.register('situationReports.read', (a) => a?.via === 'session')
  deps.policies.register('situationReports.write', (a) => a?.via === 'session')
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const uuidOr404 = (v: unknown): string => {
  const s = Array.isArray(v) ? v[0] : v
  if (typeof s !== 'string' || !UUID.test(s)) throw new NotFoundError()
  return s
}

/** The figures one may choose, for the edit form. */
async function figureOptions(deps: Deps, req: FastifyRequest) {
  return (await platformFigureSources(deps, req.actor).catalogue?.()) ?? []
}

export function reportRoutes(app: FastifyInstance, deps: Deps) {
  app.get('/organisations/:id/situation-reports', READ, async (req, reply) => {
    const ctx = await listReports(deps, req.actor, paramsOf(req).id)
    return reply.page(<ListPage {...ctx} today={todayInSweden()} />)
  })

  app.get('/situation-reports/new', WRITE, async (req, reply) => {
    const organisation = await checkCreate(deps, req.actor, uuidOr404((req.query as Record<string, unknown>).organisation))
    const year = todayInSweden().slice(0, 4)
    const values = { title: `Lägesbild ${year}`, periodStart: `${year}-01-01`, periodEnd: `${year}-12-31`, visibility: 'partners', reviewIntervalMonths: '24' }
    return reply.page(<NewPage organisation={organisation} values={values} />)
  })

  app.post('/situation-reports/new', { config: { ...WRITE.config, form: CreateReportInput } }, async (req, reply) => {
    const body = formValues(req.body)
    // Who may create is decided before the form is read: a forbidden user learns nothing from field errors.
    const organisation = await checkCreate(deps, req.actor, uuidOr404(body.organisationId))
    const form = parseForm(CreateReportInput, req.body, req.t)
    if (!form.ok) return reply.page(<NewPage organisation={organisation} values={form.values} errors={form.errors} />, 400)
    try {
      const report = await createReport(deps, ctxOf(req), form.data)
      reply.flash('success', 'situationReports.flash.created', { title: report.title })
      return reply.seeOther(`/situation-reports/${report.id}`)
    } catch (err) {
      const { errors, status } = formErrorOrThrow(err, req.t)
      return reply.page(<NewPage organisation={organisation} values={body} errors={errors} />, status)
    }
  })

  app.get('/situation-reports/:reportId', READ, async (req, reply) => {
    const d = await reportDocument(deps, req.actor, paramsOf(req).reportId)
    const { figures, state } = await reportFigures(deps, req.actor, d, req.t)
    return reply.page(<ReportPage d={d} figures={figures} figureState={state} today={todayInSweden()} pdfa={offersPdfa(deps, d.report.status)} />)
  })

  app.get('/situation-reports/:reportId/edit', WRITE, async (req, reply) => {
    const { report, organisation } = await loadDraft(deps, req.actor, paramsOf(req).reportId)
    return reply.page(<EditPage report={report} organisation={organisation} figureOptions={await figureOptions(deps, req)} values={sectionValues(report)} />)
  })

  app.post('/situation-reports/:reportId/edit', { config: { ...WRITE.config, form: SectionsForm } }, async (req, reply) => {
    const { report, organisation } = await loadDraft(deps, req.actor, paramsOf(req).reportId)
    const page = { report, organisation, figureOptions: await figureOptions(deps, req) }
    const body = formValues(req.body)
    const figureRows = figureRowCount(body)
    const sourceRows = sourceRowCount(body)
    const form = parseForm(sectionsInput(figureRows, sourceRows), req.body, req.t)
    if (!form.ok) return reply.page(<EditPage {...page} values={form.values} errors={form.errors} />, 400)
    try {
      await updateSections(deps, ctxOf(req), report.id, toSectionsInput(form.data, figureRows, sourceRows))
    } catch (err) {
      if (err instanceof StaleVersionError) {
        // Overtaken: what is stored is shown beside what the user wrote, which stays in the form, now aimed at the stored version.
        const current = err.current as SituationReport
        return reply.page(
          <EditPage
            {...page}
            conflict={current}
            values={{ ...body, version: String(current.version) }}
            errors={[{ field: '', message: req.t('situationReports.edit.conflictError') }]}
          />,
          409,
        )
      }
      const { errors, status } = formErrorOrThrow(err, req.t)
      return reply.page(<EditPage {...page} values={body} errors={errors} />, status)
    }
    reply.flash('success', 'situationReports.flash.saved', { title: form.data.title as string })
    return reply.seeOther(`/situation-reports/${report.id}`)
  })

  app.get('/situation-reports/:reportId/adopt', WRITE, async (req, reply) => {
    const { report, organisation } = await loadDraft(deps, req.actor, paramsOf(req).reportId)
    return reply.page(<AdoptPage report={report} organisation={organisation} values={{ version: String(report.version), adoptedBy: 'Kommunfullmäktige' }} />)
  })

  app.post('/situation-reports/:reportId/adopt', { config: { ...WRITE.config, form: AdoptInput } }, async (req, reply) => {
    const { report, organisation } = await loadDraft(deps, req.actor, paramsOf(req).reportId)
    const form = parseForm(AdoptInput, req.body, req.t)
    if (!form.ok) return reply.page(<AdoptPage report={report} organisation={organisation} values={form.values} errors={form.errors} />, 400)
    try {
      await adoptReport(deps, ctxOf(req), report.id, form.data)
    } catch (err) {
      if (err instanceof StaleVersionError) {
        const current = err.current as SituationReport
        return reply.page(
          <AdoptPage
            report={current}
            organisation={organisation}
            values={{ ...formValues(req.body), version: String(current.version) }}
            errors={[{ field: '', message: req.t('situationReports.adopt.conflictError') }]}
          />,
          409,
        )
      }
      throw err
    }
    reply.flash('success', 'situationReports.flash.adopted', { title: report.title })
    return reply.seeOther(`/situation-reports/${report.id}`)
  })

  app.get('/situation-reports/:reportId/new-version', WRITE, async (req, reply) => {
    const { report, organisation } = await loadEditableReport(deps, req.actor, paramsOf(req).reportId)
    if (report.status !== 'adopted') throw new ReportNotAdopted()
    return reply.page(<NewVersionPage report={report} organisation={organisation} />)
  })

  app.post('/situation-reports/:reportId/new-version', { config: { ...WRITE.config, form: NewVersionInput } }, async (req, reply) => {
    const { report } = await startNewVersion(deps, ctxOf(req), paramsOf(req).reportId)
    reply.flash('success', 'situationReports.flash.newVersion', { revision: report.revision })
    return reply.seeOther(`/situation-reports/${report.id}/edit`)
  })
}
