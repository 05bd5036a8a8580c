import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../platform/deps.ts'
import { lawTrackerRoutes, registerLawTrackerPolicies } from './law-tracker.routes.tsx'

export { LEGAL, OBLIGATIONS, type Colour, type Obligation, type ObligationStatus } from './law-tracker.evaluate.ts'
export { countyStatus, type HistoryYear, type MunicipalityRow } from './law-tracker.service.ts'

/**
 * The tracker of Lag (2023:196) om kommuners ansvar för brottsförebyggande arbete (issue 10 §1):
 * per municipality its lägesbild, åtgärdsplan and samordningsfunktion, with its agreement and
 * medborgarlöfte with the police; a county matrix for Länsstyrelsen and history by year.
 */
export async function lawTracker(app: FastifyInstance, { deps }: { deps: Deps }) {
  registerLawTrackerPolicies(deps)
  deps.auditLabels.actions({ 'law_tracker.settings_updated': 'lawTracker.audit.settingsUpdated' })
  deps.auditLabels.entities({ law_tracker_settings: 'lawTracker.audit.entity' })
  deps.nav.add({
    href: '/law',
    labelKey: 'lawTracker.nav',
    descriptionKey: 'lawTracker.navDescription',
    order: 32,
    visible: (a) => a?.via === 'session',
  })
  lawTrackerRoutes(app, deps)
}
