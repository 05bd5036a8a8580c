import type { FastifyRequest } from 'fastify'
import type { Deps } from '../../platform/deps.ts'
import type { Actor } from '../../platform/http/actor.ts'
import { DomainError } from '../../platform/http/errors.ts'
import { sortBySv } from '../../platform/i18n/collate.ts'
import type { FieldError } from '../../platform/views/error-summary.tsx'
import type { Option } from '../../platform/views/form-controls.tsx'
import type { LoadedScope } from '../collaborations/collaborations.scope.ts'
import { editableParties } from './seats.policy.ts'
import * as repo from './seats.repo.ts'
import type { FormValues } from './views/seats-parts.tsx'

/** A rule violation that belongs on the form (it names a field); anything else becomes an error page. */
export function formErrors(req: FastifyRequest, err: unknown): { errors: FieldError[]; status: number } | undefined {
  if (!(err instanceof DomainError) || !err.field) return undefined
  return { errors: [{ field: err.field, message: req.t(err.messageKey, err.params) }], status: err.status === 409 ? 409 : 400 }
}

/** The form exactly as typed, for re-rendering after a rule violation (the CSRF token is not a value). */
export function typedValues(body: unknown): FormValues {
  const out: FormValues = {}
  for (const [k, v] of Object.entries((body ?? {}) as Record<string, unknown>)) if (k !== '_csrf' && typeof v === 'string') out[k] = v
  return out
}

/** The parties this actor may choose from, in Swedish order. */
export async function partyOptions(deps: Deps, actor: Actor | undefined, scope: LoadedScope): Promise<Option[]> {
  const rows = await repo.organisationNames(deps.db, editableParties(actor, scope))
  return sortBySv(
    rows.map((r) => ({ value: r.id, label: r.name })),
    (o) => o.label,
  )
}
