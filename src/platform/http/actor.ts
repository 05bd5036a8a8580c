export const ROLES = ['admin', 'coordinator', 'editor', 'reporter', 'viewer'] as const
export type Role = (typeof ROLES)[number]

export interface RoleGrant {
  organisationId: string
  role: Role
}

/** Who is acting: a signed-in user (session) or a machine client (API token acting as a user). */
export interface Actor {
  userId: string
  email: string
  name: string
  organisationId: string
  organisationName: string
  roles: RoleGrant[]
  via: 'session' | 'token'
  /** A token's scopes (token-scopes.ts), chosen when it was created; sessions have none and need none. */
  scopes?: readonly ('read' | 'write')[]
  sessionId?: string
  mustChangePassword: boolean
}

export const isAdmin = (actor: Actor | undefined): boolean => !!actor?.roles.some((r) => r.role === 'admin')

export const hasRole = (actor: Actor | undefined, role: Role, organisationId?: string): boolean =>
  !!actor?.roles.some((r) => r.role === role && (organisationId === undefined || r.organisationId === organisationId))

/** Coordinators work county-wide (Länsstyrelsen); the system admin may do what they may. */
export const isCoordinator = (actor: Actor | undefined): boolean => isAdmin(actor) || hasRole(actor, 'coordinator')

/** The strongest role an actor holds, for labels and navigation. */
export function primaryRole(actor: Actor): Role {
  const order: Role[] = ['admin', 'coordinator', 'editor', 'reporter', 'viewer']
  return order.find((r) => actor.roles.some((g) => g.role === r)) ?? 'viewer'
}
