import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../platform/deps.ts'
import { isCoordinator } from '../../platform/http/actor.ts'
import { importRoutes } from './import.routes.tsx'
import { indicatorsApi } from './indicators.api.ts'
import { indicatorRoutes } from './indicators.routes.tsx'
import { populationRoutes } from './populations.routes.tsx'

export { canWriteIndicator } from './indicators.policy.ts'
export {
  type IndicatorSeries,
  type SeriesObservation,
  allObservations,
  indicatorSeries,
  indicatorsForMunicipality,
  listIndicatorChoices,
} from './indicators.service.ts'
export { importObservations, importPopulations } from './import.service.ts'

/** Indicators and observations (issue 9 §1–3): the registry, Brå's and NTU's files, per 100 000 inv. */
export async function indicators(app: FastifyInstance, { deps }: { deps: Deps }) {
  // Aggregate observations are public statistics: anyone reads them (the read routes are `public`).
  // Who may import into which indicator is decided per indicator in the service (indicators.policy.ts).
  deps.policies.register('indicators.write', (a) => a?.via === 'session')
  // Folkmängd is the denominator of every "per 100 000 inv.": the county coordinators (and the admin) load it.
  deps.policies.register('indicators.populations', (a) => a?.via === 'session' && isCoordinator(a))
  // Reached from the knowledge base (/knowledge), the menu's one entry for indicators, surveys and lägesbild underlag.
  deps.auditLabels.actions({
    'observations.imported': 'indicators.audit.imported',
    'populations.imported': 'indicators.audit.populationsImported',
    'indicator_registry.loaded': 'indicators.audit.referenceLoaded',
  })
  deps.auditLabels.entities({ indicator: 'indicators.audit.entity', area_population: 'indicators.audit.populationEntity' })
  indicatorRoutes(app, deps)
  populationRoutes(app, deps)
  importRoutes(app, deps)
  indicatorsApi(app, deps)
}
