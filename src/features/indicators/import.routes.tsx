import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { formValues, parseForm, trimmed } from '../../platform/forms/parse-form.ts'
import type { Deps } from '../../platform/deps.ts'
import { isUploadedFile } from '../../platform/files/uploads.ts'
import { NotFoundError } from '../../platform/http/errors.ts'
import { paramsOf } from '../../platform/http/params.ts'
import { areasOf, checkOptions, importObservations } from './import.service.ts'
import type { Indicator } from './indicators.repo.ts'
import { loadWritableIndicator } from './indicators.service.ts'
import { IMPORT_FORMATS } from './parse/types.ts'
import { problemLine } from './problem-line.ts'
import { ImportPage, type ImportPageProps } from './views/import-page.tsx'

const WRITE = { policy: 'indicators.write' }

/**
 * The fields beside the file. The period and the area hold only what a period or an area name can
 * (letters, digits, spaces, dashes, dots): whether they name a real one is checked with the indicator.
 */
export const ImportForm = z.object({
  format: z.enum(IMPORT_FORMATS, { error: 'indicators.import.errors.formatNeeded' }),
  period: z.preprocess(
    trimmed,
    z
      .string()
      .regex(/^[0-9A-Za-z-]{1,10}$/, { error: 'indicators.import.errors.periodShape' })
      .optional(),
  ),
  area: z.preprocess(
    trimmed,
    z
      .string()
      .regex(/^[\p{L}\p{N} .\u2013-]{1,100}$/u, { error: 'indicators.import.errors.areaShape' })
      .optional(),
  ),
})

/** Upload of observations (issue 9 §2): the file checked whole, then stored in one transaction, or nothing. */
export function importRoutes(app: FastifyInstance, deps: Deps) {
  const page = (reply: FastifyReply, props: ImportPageProps, status = 200) => reply.page(<ImportPage {...props} />, status)

  app.get('/indicators/:key/import', { config: WRITE }, async (req, reply) => {
    const indicator = await loadWritableIndicator(deps.db, req.actor, paramsOf(req).key)
    return page(reply, { indicator })
  })

  app.post(
    '/indicators/:key/import',
    {
      config: { ...WRITE, uploads: true, form: ImportForm },
      // Someone who may not import is refused before a byte of the upload is read; an indicator
      // that does not exist is left to the handler, after the platform's CSRF check.
      preParsing: async (req: FastifyRequest) => {
        try {
          await loadWritableIndicator(deps.db, req.actor, paramsOf(req).key)
        } catch (err) {
          if (!(err instanceof NotFoundError)) throw err
        }
      },
    },
    async (req, reply) => {
      const indicator: Indicator = await loadWritableIndicator(deps.db, req.actor, paramsOf(req).key)
      const body = (req.body ?? {}) as Record<string, unknown>
      const form = parseForm(ImportForm, body, req.t)
      const values = formValues(body) as ImportPageProps['values']
      if (!form.ok) return page(reply, { indicator, values, errors: form.errors }, 400)
      const file = body.file
      const areas = await areasOf(deps.db)
      const opts = checkOptions(indicator, form.data, areas)
      const errors: { field: string; message: string }[] = opts.ok
        ? []
        : opts.errors.map((e) => ({ field: e.field, message: req.t(`indicators.import.errors.${e.key}`, e.params ?? {}) }))
      if (!isUploadedFile(file)) errors.push({ field: 'file', message: req.t('indicators.import.errors.noFile') })
      if (!opts.ok || !isUploadedFile(file)) return page(reply, { indicator, values, errors }, 400)
      if (file.truncated) return page(reply, { indicator, values, errors: [{ field: 'file', message: req.t('indicators.import.errors.tooLarge') }] }, 400)
      const outcome = await importObservations(deps.db, { actor: req.actor!, requestId: req.id }, indicator, {
        format: form.data.format,
        period: opts.period,
        area: opts.area,
        fileName: file.filename,
        data: file.data,
      })
      if (!outcome.ok && 'errorKey' in outcome) return page(reply, { indicator, values, errors: [{ field: 'file', message: req.t(outcome.errorKey) }] }, 400)
      if (!outcome.ok) {
        const problems = outcome.problems.map((p) => problemLine(req.t, p))
        return page(
          reply,
          { indicator, values, problems, errors: [{ field: 'file', message: req.t('indicators.import.refused', { count: problems.length }) }] },
          400,
        )
      }
      const mine = outcome.stored.find((s) => s.indicatorKey === indicator.key)
      reply.flash('success', 'indicators.import.done', {
        count: outcome.total,
        indicators: outcome.stored.length,
        suppressed: outcome.stored.reduce((n, s) => n + s.suppressed, 0),
      })
      const area = opts.area
      return reply.seeOther(`/indicators/${mine ? indicator.key : outcome.stored[0].indicatorKey}${area ? `?area=${encodeURIComponent(area)}` : ''}`)
    },
  )
}
