import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../platform/deps.ts'
import { municipalModelsRoutes, registerMunicipalModelPolicies } from './municipal-models.routes.tsx'

export { canEditMunicipalModel } from './municipal-models.policy.ts'
export { type CoordinationFact, coordinationFacts } from './law-facts.read.ts'

/**
 * Each municipality's own lednings- och samordningsmodell (issue 6 D10): its local bodies, its
 * samordningsfunktion and an organisation sketch. Written by the municipality (decision 008), read
 * by everyone signed in.
 */
export async function municipalModels(app: FastifyInstance, { deps }: { deps: Deps }) {
  deps.auditLabels.actions({
    'municipal_model.created': 'municipalModels.audit.created',
    'municipal_model.updated': 'municipalModels.audit.updated',
    'municipal_body.created': 'municipalModels.audit.bodyCreated',
    'municipal_body.updated': 'municipalModels.audit.bodyUpdated',
    'municipal_body.removed': 'municipalModels.audit.bodyRemoved',
  })
  deps.auditLabels.entities({ municipal_model: 'municipalModels.audit.entity', municipal_body: 'municipalModels.audit.bodyEntity' })
  registerMunicipalModelPolicies(deps)
  municipalModelsRoutes(app, deps)
}
