import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../platform/deps.ts'
import { formErrorOrThrow } from '../../platform/forms/form-errors.ts'
import { formValues, parseForm } from '../../platform/forms/parse-form.ts'
import { ctxOf } from '../../platform/http/ctx.ts'
import { StaleVersionError } from '../../platform/http/errors.ts'
import { paramsOf } from '../../platform/http/params.ts'
import { listOrganisations } from '../organisations/index.ts'
import type { Check } from './work-process.repo.ts'
import { CheckInput, OverviewQuery } from './work-process.schemas.ts'
import { checkContext, countyOverview, currentPairOf, pairPage, saveCheck } from './work-process.service.ts'
import { CheckFormPage, checkValues } from './views/check-form-page.tsx'
import { OverviewPage } from './views/overview-page.tsx'
import { PairPage } from './views/pair-page.tsx'
import { pairHref } from './views/parts.tsx'

export const READ = { config: { policy: 'workProcess.read' } }
export const WRITE = { config: { policy: 'workProcess.write' } }

/** Signed-in users; who may see or record which pair is decided per pair in the service. */
export function registerPolicies(deps: Deps) {
  deps.policies.register('workProcess.read', (a) => a?.via === 'session')
  deps.policies.register('workProcess.write', (a) => a?.via === 'session')
}

export function workProcessRoutes(app: FastifyInstance, deps: Deps) {
  app.get('/work-process', READ, async (req, reply) => {
    const query = OverviewQuery.catch({}).parse(req.query)
    const overview = await countyOverview(deps, req.actor!, query.county)
    const boards = await listOrganisations(deps.db, { kind: 'county_board' })
    const nameOf = (code: string) => boards.find((b) => b.countyCode?.trim() === code)?.countyName ?? code
    return reply.page(
      <OverviewPage
        countyCode={overview.countyCode}
        countyName={overview.countyCode ? nameOf(overview.countyCode) : undefined}
        counties={overview.counties.map((code) => ({ code, name: nameOf(code) }))}
        rows={overview.rows}
        own={overview.own}
      />,
    )
  })

  app.get('/organisations/:id/work-process', READ, async (req, reply) => {
    const pair = await currentPairOf(deps, req.actor, paramsOf(req).id)
    return reply.seeOther(pairHref(pair))
  })

  app.get('/work-process/:municipalityId/:policeAreaId', READ, async (req, reply) => {
    const { municipalityId, policeAreaId } = paramsOf(req)
    const page = await pairPage(deps, req.actor, municipalityId, policeAreaId)
    return reply.page(<PairPage pair={page.pair} steps={page.steps} canEdit={page.canEdit} />)
  })

  app.get('/work-process/:municipalityId/:policeAreaId/checks/:checkKey', WRITE, async (req, reply) => {
    const { municipalityId, policeAreaId, checkKey } = paramsOf(req)
    const ctx = await checkContext(deps, req.actor, municipalityId, policeAreaId, checkKey)
    return reply.page(<CheckFormPage pair={ctx.pair} point={ctx.point} result={ctx.result} values={checkValues(ctx.check)} />)
  })

  app.post('/work-process/:municipalityId/:policeAreaId/checks/:checkKey', { config: { ...WRITE.config, form: CheckInput } }, async (req, reply) => {
    const { municipalityId, policeAreaId, checkKey } = paramsOf(req)
    // The pair and the right to record it are checked before the form is read.
    const ctx = await checkContext(deps, req.actor, municipalityId, policeAreaId, checkKey)
    const page = { pair: ctx.pair, point: ctx.point, result: ctx.result }
    const form = parseForm(CheckInput, req.body, req.t)
    if (!form.ok) return reply.page(<CheckFormPage {...page} values={form.values} errors={form.errors} />, 400)
    try {
      await saveCheck(deps, ctxOf(req), municipalityId, policeAreaId, checkKey, form.data)
    } catch (err) {
      if (err instanceof StaleVersionError) {
        // Overtaken: what is stored is shown beside what the user wrote, which stays in the form, now aimed at the stored version.
        const current = err.current as Check | undefined
        return reply.page(
          <CheckFormPage
            {...page}
            conflict={current}
            values={{ ...formValues(req.body), version: current ? String(current.version) : undefined }}
            errors={[{ field: '', message: req.t('workProcess.check.conflictError') }]}
          />,
          409,
        )
      }
      const { errors, status } = formErrorOrThrow(err, req.t)
      return reply.page(<CheckFormPage {...page} values={formValues(req.body)} errors={errors} />, status)
    }
    reply.flash('success', 'workProcess.flash.saved', { point: req.t(`workProcess.points.${checkKey}.label`) })
    return reply.seeOther(`${pairHref(ctx.pair)}#step-${STEP_NUMBER[ctx.point.step]}`)
  })
}

const STEP_NUMBER: Record<string, number> = { initiate: 1, 'own-preparations': 2, 'joint-preparations': 3, implementation: 4, 'follow-up': 5 }
