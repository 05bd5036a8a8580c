import type { Deps } from '../../platform/deps.ts'
import type { Actor } from '../../platform/http/actor.ts'
import { sortBySv } from '../../platform/i18n/collate.ts'
import type { Option } from '../../platform/views/form-controls.tsx'
import type { LoadedScope } from '../collaborations/index.ts'
import { editableParties } from './seats.policy.ts'
import * as repo from './seats.repo.ts'

/** The parties this actor may choose from, in Swedish order. */
export async function partyOptions(deps: Deps, actor: Actor | undefined, scope: LoadedScope): Promise<Option[]> {
  const rows = await repo.organisationNames(deps.db, editableParties(actor, scope))
  return sortBySv(
    rows.map((r) => ({ value: r.id, label: r.name })),
    (o) => o.label,
  )
}
