import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../platform/deps.ts'
import { formErrorOrThrow } from '../../platform/forms/form-errors.ts'
import { formValues, parseForm } from '../../platform/forms/parse-form.ts'
import { ctxOf } from '../../platform/http/ctx.ts'
import { StaleVersionError } from '../../platform/http/errors.ts'
import { paramsOf } from '../../platform/http/params.ts'
import type { SituationReport } from './situation-reports.repo.ts'
import { WRITE } from './situation-reports.routes.tsx'
import { ProblemsForm, problemRowCount, problemsInput, toProblemsInput } from './situation-reports.schemas.ts'
import { problemsPage, saveProblems } from './situation-reports.service.ts'
import { ProblemsPage, problemValues } from './views/problems-page.tsx'

/** The prioritised problems: chosen among the åtgärdsplan's problems, ordered, and analysed (the fishbone and the event chain). */
export function problemsRoutes(app: FastifyInstance, deps: Deps) {
  app.get('/situation-reports/:reportId/problems', WRITE, async (req, reply) => {
    const ctx = await problemsPage(deps, req.actor, paramsOf(req).reportId)
    return reply.page(
      <ProblemsPage report={ctx.report} organisation={ctx.organisation} problems={ctx.problems} values={problemValues(ctx.report, ctx.problems, ctx.chosen)} />,
    )
  })

  app.post('/situation-reports/:reportId/problems', { config: { ...WRITE.config, form: ProblemsForm } }, async (req, reply) => {
    const ctx = await problemsPage(deps, req.actor, paramsOf(req).reportId)
    const page = { report: ctx.report, organisation: ctx.organisation, problems: ctx.problems }
    const body = formValues(req.body)
    const rows = problemRowCount(body)
    const form = parseForm(problemsInput(rows), req.body, req.t)
    if (!form.ok) return reply.page(<ProblemsPage {...page} values={form.values} errors={form.errors} />, 400)
    try {
      await saveProblems(deps, ctxOf(req), ctx.report.id, toProblemsInput(form.data, rows))
    } catch (err) {
      if (err instanceof StaleVersionError) {
        const current = err.current as SituationReport
        return reply.page(
          <ProblemsPage
            {...page}
            conflict
            values={{ ...body, version: String(current.version) }}
            errors={[{ field: '', message: req.t('situationReports.problems.conflictError') }]}
          />,
          409,
        )
      }
      const { errors, status } = formErrorOrThrow(err, req.t)
      return reply.page(<ProblemsPage {...page} values={body} errors={errors} />, status)
    }
    reply.flash('success', 'situationReports.flash.problemsSaved', { title: ctx.report.title })
    return reply.seeOther(`/situation-reports/${ctx.report.id}#${encodeURIComponent('problem-1')}`)
  })
}
