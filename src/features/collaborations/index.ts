import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../platform/deps.ts'
import { collaborationsApi } from './collaborations.api.ts'
import { collaborationsRoutes } from './collaborations.routes.tsx'
import { collaborationsWriteApi } from './collaborations.write-api.ts'
import { partiesRoutes } from './parties.routes.tsx'
import { publicRoutes } from './public.routes.tsx'

export { canEditForParty, canManageCollaboration, canSee, isPartner } from './collaborations.policy.ts'
export type { CollaborationScope, Visibility } from './collaborations.policy.ts'
export { collaborationScope, isUuid, scopeOfBody } from './collaborations.scope.ts'
export type { LoadedScope } from './collaborations.scope.ts'
export { type Viewer, collaborationVisibleTo, isCurrentParty, viewerOf, visibleTo } from './collaborations.visibility.ts'
export { findCollaborationFor, listParties } from './collaborations.repo.ts'
export type { CollaborationRow, PartyRow } from './collaborations.repo.ts'
export { getCollaboration, getManagedCollaboration, listPublicCollaborations, publicOverview } from './collaborations.service.ts'
export type { PublicOverview, PublicParty } from './collaborations.service.ts'
export { collaborationsCrumbs } from './views/parts.tsx'
// The structure drawing's geometry, reused for a municipality's own organisation sketch.
export { bodyTree, layoutStructure } from './structure-diagram.ts'
export type { DiagramBody, TreeNode } from './structure-diagram.ts'

/**
 * Collaborations (such as ÖTMB): the partners' pages, the coordinator's edits, the public overview
 * and the read API. `collaboration.read` (any signed-in user) guards the routes; who may see or
 * change what is decided per collaboration in the services (owner's coordinator, parties, visibility).
 */
export async function collaborations(app: FastifyInstance, { deps }: { deps: Deps }) {
  deps.auditLabels.actions({
    'collaboration.updated': 'collaborations.audit.updated',
    'collaboration.party_added': 'collaborations.audit.partyAdded',
    'collaboration.party_removed': 'collaborations.audit.partyRemoved',
    // The seeds that load ÖTMB and the demo collaborations.
    'reference.otmb_loaded': 'collaborations.audit.otmbLoaded',
    'reference.demo_loaded': 'collaborations.audit.demoLoaded',
  })
  deps.auditLabels.entities({ collaboration: 'collaborations.audit.entity' })
  if (!deps.policies.has('collaboration.read')) deps.policies.register('collaboration.read', (a) => a?.via === 'session')
  deps.nav.add({ href: '/public/collaborations', labelKey: 'collaborations.public.nav', order: 5, visible: (a) => !a })
  deps.nav.add({
    href: '/collaborations',
    labelKey: 'collaborations.nav',
    descriptionKey: 'collaborations.navDescription',
    order: 10,
    visible: (a) => a?.via === 'session',
  })
  collaborationsRoutes(app, deps)
  partiesRoutes(app, deps)
  publicRoutes(app, deps)
  collaborationsApi(app, deps)
  collaborationsWriteApi(app, deps)
}
