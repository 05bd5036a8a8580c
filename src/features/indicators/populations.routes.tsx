import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Deps } from '../../platform/deps.ts'
import { isUploadedFile } from '../../platform/files/uploads.ts'
import { isAdmin } from '../../platform/http/actor.ts'
import type { FieldError } from '../../platform/views/error-summary.tsx'
import { importPopulations } from './import.service.ts'
import { countiesOf, populationYears } from './populations.repo.ts'
import { problemLine } from './problem-line.ts'
import { PopulationsPage } from './views/populations-page.tsx'

const POLICY = { policy: 'indicators.populations' }
/** The error summary lists a refused file's problems one by one, up to this many, then how many more. */
const SHOWN_PROBLEMS = 100

/**
 * Folkmängd per municipality and year (issue 9 §2) for coordinators: what is loaded for their county,
 * and an upload of `kommun;ar;folkmangd` through the parser and service the CLI's populations-import
 * uses — every row checked first, then all stored in one audited transaction, or nothing.
 */
export function populationRoutes(app: FastifyInstance, deps: Deps) {
  async function page(req: FastifyRequest, reply: FastifyReply, errors?: FieldError[]) {
    const counties = await countiesOf(deps.db, [...new Set(req.actor!.roles.map((r) => r.organisationId))])
    // An admin working for no county sees the whole country; a coordinator their own county (or counties).
    const country = counties.length === 0 && isAdmin(req.actor)
    const years = await populationYears(deps.db, country ? undefined : counties)
    return reply.page(<PopulationsPage years={years} scope={country ? 'country' : 'county'} errors={errors} />, errors ? 400 : 200)
  }

  app.get('/indicators/populations', { config: POLICY }, (req, reply) => page(req, reply))

  // The policy refuses everyone but coordinators before the body is read; the CSRF token, the form's
  // first field, is checked before the file is.
  app.post('/indicators/populations', { config: { ...POLICY, uploads: true } }, async (req, reply) => {
    const file = (req.body as Record<string, unknown> | undefined)?.file
    const fileError = (message: string) => page(req, reply, [{ field: 'file', message }])
    if (!isUploadedFile(file)) return fileError(req.t('indicators.import.errors.noFile'))
    if (file.truncated) return fileError(req.t('indicators.import.errors.tooLarge'))
    const outcome = await importPopulations(deps.db, { actor: req.actor!, requestId: req.id }, { fileName: file.filename, data: file.data })
    if (!outcome.ok && 'errorKey' in outcome) return fileError(req.t(outcome.errorKey))
    if (!outcome.ok) {
      const lines = outcome.problems.map((p) => problemLine(req.t, p))
      const more = lines.length - SHOWN_PROBLEMS
      return page(req, reply, [
        { field: 'file', message: req.t('indicators.import.refused', { count: lines.length }) },
        ...lines.slice(0, SHOWN_PROBLEMS).map((message) => ({ field: 'file', message })),
        ...(more > 0 ? [{ field: 'file', message: req.t('indicators.import.moreProblems', { count: more }) }] : []),
      ])
    }
    reply.flash('success', 'indicators.populations.done', { rows: outcome.rows, years: outcome.years.join(', ') })
    return reply.seeOther('/indicators/populations')
  })
}
