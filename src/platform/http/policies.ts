import type { FastifyRequest } from 'fastify'
import { type Actor, isAdmin, isCoordinator } from './actor.ts'

/** A policy is a pure predicate over the actor (and, where needed, the request). */
export type Policy = (actor: Actor | undefined, req: FastifyRequest) => boolean

/**
 * Named policies every route picks from when it is registered. Features add theirs with
 * `deps.policies.register` before declaring routes; a route naming an unknown policy fails at boot.
 * They are coarse (signed in, a role): which record an actor may touch is decided by the services'
 * loaders (decision 011).
 */
export class PolicyRegistry {
  private readonly policies = new Map<string, Policy>()

  constructor() {
    this.register('public', () => true)
    this.register('authenticated', (a) => a?.via === 'session')
    this.register('api.read', (a) => !!a)
    this.register('system.admin', (a) => a?.via === 'session' && isAdmin(a))
    // Coordinators reach the user and audit pages; what they see there is limited to their
    // administration scope (accounts/admin-scope.ts). Editors manage no users.
    this.register('users.manage', (a) => a?.via === 'session' && isCoordinator(a))
    this.register('audit.read', (a) => a?.via === 'session' && isCoordinator(a))
  }

  register(name: string, policy: Policy): void {
    if (this.policies.has(name)) throw new Error(`Policy ${name} is already registered`)
    this.policies.set(name, policy)
  }

  get(name: string): Policy | undefined {
    return this.policies.get(name)
  }

  has(name: string): boolean {
    return this.policies.has(name)
  }
}
