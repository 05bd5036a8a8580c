import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Deps } from '../../platform/deps.ts'
import { isUploadedFile } from '../../platform/files/uploads.ts'
import { ctxOf } from '../../platform/http/ctx.ts'
import { StaleVersionError } from '../../platform/http/errors.ts'
import { paramsOf } from '../../platform/http/params.ts'
import { todayInSweden } from './follow-up.service.ts'
import { sendTable } from '../../platform/xlsx/send-table.ts'
import { templateTable } from './export-rows.ts'
import { readImportFile } from './import-read.ts'
import type { Problem } from './import-validate.ts'
import { checkImportRows, loadImportablePlan, runImport } from './import.service.ts'
import * as repo from './plans.repo.ts'
import { loadPlan } from './plans.service.ts'
import { isImportKind } from './import-columns.ts'
import { NotFoundError } from '../../platform/http/errors.ts'
import { ImportPage, type ImportPageProps } from './views/import-page.tsx'

/** One problem of a refused file as a sentence: "Rad 7, kolumn Status: ”pågår” är inte en status – använd …". */
function problemLine(req: FastifyRequest, p: Problem): string {
  const list = new Intl.ListFormat(req.locale === 'en' ? 'en' : 'sv', { type: 'disjunction' })
  const params = Object.fromEntries(Object.entries(p.params ?? {}).map(([k, v]) => [k, Array.isArray(v) ? list.format(v) : v]))
  return req.t('plans.import.problemLine', { row: p.row, column: p.column, message: req.t(`plans.import.errors.${p.key}`, params) })
}

/** Import of an åtgärdsplan's or medborgarlöfte's rows from XLSX or CSV, and its templates (issue 8 §13). */
export function importRoutes(app: FastifyInstance, deps: Deps) {
  const page = async (reply: FastifyReply, props: Omit<ImportPageProps, 'ownerName'>, status = 200) => {
    const names = await repo.organisationNames(deps.db, [props.plan.organisationId])
    return reply.page(<ImportPage {...props} ownerName={names.get(props.plan.organisationId) ?? ''} />, status)
  }

  app.get('/plans/:planId/import', { config: { policy: 'plans.write' } }, async (req, reply) => {
    const ctx = await loadImportablePlan(deps, req.actor, paramsOf(req).planId)
    return page(reply, { plan: ctx.plan, kind: ctx.kind })
  })

  app.post(
    '/plans/:planId/import',
    {
      config: { policy: 'plans.write', uploads: true },
      // Someone who may read the plan but not import into it is refused before a byte of the upload
      // is read. A plan they cannot see is left to the handler, after the platform's CSRF check, so a
      // request without a token is refused for that (403) and learns nothing about the plan.
      preParsing: async (req: FastifyRequest) => {
        try {
          await loadImportablePlan(deps, req.actor, paramsOf(req).planId)
        } catch (err) {
          if (!(err instanceof NotFoundError)) throw err
        }
      },
    },
    async (req, reply) => {
      const ctx = await loadImportablePlan(deps, req.actor, paramsOf(req).planId)
      const props = { plan: ctx.plan, kind: ctx.kind }
      const file = (req.body as Record<string, unknown> | undefined)?.file
      if (!isUploadedFile(file)) return page(reply, { ...props, errors: [{ field: 'file', message: req.t('plans.import.errors.noFile') }] }, 400)
      const read = await readImportFile(file)
      if (!read.ok) return page(reply, { ...props, errors: [{ field: 'file', message: req.t(read.errorKey) }] }, 400)
      const checked = await checkImportRows(deps, ctx, read.rows)
      if (!checked.ok) {
        const problems = checked.problems.map((p) => problemLine(req, p))
        return page(reply, { ...props, problems, errors: [{ field: 'file', message: req.t('plans.import.refused', { count: problems.length }) }] }, 400)
      }
      try {
        const counts = await runImport(deps, ctxOf(req), ctx.plan.id, checked, { filename: file.filename, format: read.format })
        reply.flash('success', checked.ignoredHeaders.length ? 'plans.import.doneIgnored' : 'plans.import.done', {
          ...counts,
          ignored: checked.ignoredHeaders.join(', '),
        })
        return reply.seeOther(`/plans/${ctx.plan.id}`)
      } catch (err) {
        if (!(err instanceof StaleVersionError)) throw err
        return page(reply, { ...props, errors: [{ field: 'file', message: req.t('plans.import.errors.stale') }] }, 409)
      }
    },
  )

  for (const format of ['xlsx', 'csv'] as const) {
    app.get(`/plans/:planId/import/template.${format}`, { config: { policy: 'plans.read' } }, async (req, reply) => {
      const { plan } = await loadPlan(deps, req.actor, paramsOf(req).planId)
      if (!isImportKind(plan.kind)) throw new NotFoundError()
      return sendTable(reply, templateTable(plan.kind), format, `mall-${plan.kind === 'action_plan' ? 'atgardsplan' : 'medborgarlofte'}-${todayInSweden()}`)
    })
  }
}
