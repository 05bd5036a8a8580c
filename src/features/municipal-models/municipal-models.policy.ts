import { type Actor, hasRole, isAdmin } from '../../platform/http/actor.ts'

/**
 * Municipal self-government (decision 008): a municipality's own lednings- och samordningsmodell is
 * written by the municipality — its editors and any coordinator role held at the municipality itself
 * — and by the system administrator. Länsstyrelsen's county coordinators read it like everyone else
 * signed in; they do not edit it.
 */
export const canEditMunicipalModel = (actor: Actor | undefined, organisationId: string): boolean =>
  actor?.via === 'session' && (isAdmin(actor) || hasRole(actor, 'editor', organisationId) || hasRole(actor, 'coordinator', organisationId))

/** Anyone signed in reads a municipality's model: the county, the other parties, the municipality itself. */
export const canReadMunicipalModel = (actor: Actor | undefined): boolean => actor?.via === 'session'
