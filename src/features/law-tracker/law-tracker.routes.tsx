import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../platform/deps.ts'
import { formErrorOrThrow } from '../../platform/forms/form-errors.ts'
import { formValues, parseForm } from '../../platform/forms/parse-form.ts'
import { ctxOf } from '../../platform/http/ctx.ts'
import { NotFoundError, StaleVersionError } from '../../platform/http/errors.ts'
import { paramsOf } from '../../platform/http/params.ts'
import type { StoredSettings } from './law-tracker.repo.ts'
import { SettingsInput } from './law-tracker.schemas.ts'
import { countyTracker, homeCountyOf, municipalityTracker, saveSettings, settingsOf, todayInSweden } from './law-tracker.service.ts'
import { CountyPage } from './views/county-page.tsx'
import { MunicipalityPage } from './views/municipality-page.tsx'
import { SettingsPage, settingsValues } from './views/settings-page.tsx'

const READ = { config: { policy: 'lawTracker.read' } }
const SETTINGS = { config: { policy: 'lawTracker.settings' } }

/** Pages for people signed in; which county and municipality they may see is decided in the service. */
export function registerLawTrackerPolicies(deps: Deps) {
  deps.policies.register('lawTracker.read', (a) => a?.via === 'session')
  deps.policies.register('lawTracker.settings', (a) => a?.via === 'session')
}

const countyOr404 = (v: string | undefined) => {
  if (!v || !/^\d{2}$/.test(v)) throw new NotFoundError()
  return v
}
const municipalityOr404 = (v: string | undefined) => {
  if (!v || !/^\d{4}$/.test(v)) throw new NotFoundError()
  return v
}

/** /law: the Lag 2023:196 tracker — the county matrix, each municipality's page, and the settings. */
export function lawTrackerRoutes(app: FastifyInstance, deps: Deps) {
  // The menu's entry: the matrix of the actor's own county, without a redirect.
  app.get('/law', READ, async (req, reply) => {
    const ctx = await countyTracker(deps, req.actor, await homeCountyOf(deps, req.actor), todayInSweden())
    return reply.page(<CountyPage {...ctx} />)
  })

  app.get('/law/counties/:countyCode', READ, async (req, reply) => {
    const ctx = await countyTracker(deps, req.actor, countyOr404(paramsOf(req).countyCode), todayInSweden())
    return reply.page(<CountyPage {...ctx} />)
  })

  app.get('/law/municipalities/:municipalityCode', READ, async (req, reply) => {
    const ctx = await municipalityTracker(deps, req.actor, municipalityOr404(paramsOf(req).municipalityCode), todayInSweden())
    return reply.page(<MunicipalityPage {...ctx} />)
  })

  app.get('/law/counties/:countyCode/settings', SETTINGS, async (req, reply) => {
    const { county, settings } = await settingsOf(deps, req.actor, countyOr404(paramsOf(req).countyCode))
    return reply.page(<SettingsPage county={county} values={settingsValues(settings)} />)
  })

  app.post('/law/counties/:countyCode/settings', { config: { ...SETTINGS.config, form: SettingsInput } }, async (req, reply) => {
    // Who may change them is decided before the form is read: a refused user learns nothing from field errors.
    const { county } = await settingsOf(deps, req.actor, countyOr404(paramsOf(req).countyCode))
    const form = parseForm(SettingsInput, req.body, req.t)
    if (!form.ok) return reply.page(<SettingsPage county={county} values={form.values} errors={form.errors} />, 400)
    try {
      await saveSettings(deps, ctxOf(req), county.code, form.data)
    } catch (err) {
      if (err instanceof StaleVersionError) {
        const current = err.current as StoredSettings
        const values = { ...formValues(req.body), version: String(current.version) }
        return reply.page(<SettingsPage county={county} values={values} errors={[{ field: '', message: req.t('platform.errors.staleVersion') }]} />, 409)
      }
      const { errors, status } = formErrorOrThrow(err, req.t)
      return reply.page(<SettingsPage county={county} values={formValues(req.body)} errors={errors} />, status)
    }
    reply.flash('success', 'lawTracker.settings.saved', { county: county.name })
    return reply.seeOther(`/law/counties/${county.code}`)
  })
}
