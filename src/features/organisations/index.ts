import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../platform/deps.ts'
import { organisationsRoutes } from './organisations.routes.tsx'

export { findOrganisation, findOrganisationByCode, listCounties, listOrganisations } from './organisations.repo.ts'
export { ORGANISATION_KINDS, type OrganisationKind } from './organisations.tables.ts'
export type { Organisation } from './organisations.repo.ts'
export { type MunicipalityPoliceArea, municipalityPoliceAreas, organisationChain } from './police-areas.read.ts'

/** The parties of the platform: reference data every other feature points at. */
export async function organisations(app: FastifyInstance, { deps }: { deps: Deps }) {
  // The reference data (counties, municipalities, organisations) is loaded by `npm run cli -- seed`.
  deps.auditLabels.actions({ 'reference.loaded': 'organisations.audit.referenceLoaded' })
  deps.auditLabels.entities({ organisation: 'organisations.audit.entity', reference_data: 'organisations.audit.referenceEntity' })
  deps.nav.add({
    href: '/organisations',
    labelKey: 'organisations.nav',
    descriptionKey: 'organisations.navDescription',
    order: 40,
    visible: (a) => a?.via === 'session',
  })
  organisationsRoutes(app, deps)
}
