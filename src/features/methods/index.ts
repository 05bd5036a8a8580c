import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../platform/deps.ts'
import { addPlanItemExtras } from '../plans/index.ts'
import { methodLinkRoutes } from './links.routes.tsx'
import { measureMethodRoutes } from './measure-methods.routes.tsx'
import { methodsApi } from './methods.api.ts'
import { methodRoutes, registerMethodPolicies } from './methods.routes.tsx'
import { planExtras } from './plan-extras.tsx'

/**
 * The library of methods and measures (issue 10 §3): EST, CTC, trygghetsvandring, grannsamverkan,
 * SSPF … with what each addresses, what is known of its effect and the source, the municipalities
 * that use it, and the åtgärdsplan measures that apply it. Länsstyrelsen curates; municipalities propose.
 */
export async function methods(app: FastifyInstance, { deps }: { deps: Deps }) {
  registerMethodPolicies(deps)
  deps.auditLabels.actions({
    'method.created': 'methods.audit.created',
    'method.proposed': 'methods.audit.proposed',
    'method.updated': 'methods.audit.updated',
    'method.curated': 'methods.audit.curated',
    'method.declined': 'methods.audit.declined',
    'method.contact_added': 'methods.audit.contactAdded',
    'method.contact_removed': 'methods.audit.contactRemoved',
    'method.measure_linked': 'methods.audit.measureLinked',
    'method.measure_unlinked': 'methods.audit.measureUnlinked',
  })
  deps.auditLabels.entities({ method: 'methods.audit.entity' })
  methodRoutes(app, deps)
  // Links after the method's own forms: the security tests submit forms in registration order.
  methodLinkRoutes(app, deps)
  // The same links seen from the åtgärdsplan: a measure's methods, and what others did about a problem.
  measureMethodRoutes(app, deps)
  addPlanItemExtras(deps, planExtras(deps))
  methodsApi(app, deps)
}
