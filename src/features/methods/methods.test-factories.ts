import { randomBytes } from 'node:crypto'
import type { Deps } from '../../platform/deps.ts'
import { findOrganisationByCode } from '../organisations/index.ts'
import { methods } from './methods.tables.ts'

/** A method of the library: curated by Länsstyrelsen Östergötland unless told otherwise. */
export async function buildMethod(
  deps: Deps,
  opts: {
    name?: string
    status?: 'proposed' | 'curated' | 'declined'
    organisationCode?: string
    problemTypes?: string[]
    causeSides?: ('victim' | 'offender' | 'place')[]
  } = {},
) {
  const org = await findOrganisationByCode(deps.db, opts.organisationCode ?? 'lansstyrelsen-05')
  if (!org) throw new Error('buildMethod needs the reference data')
  const name = opts.name ?? `Metod ${randomBytes(3).toString('hex')}`
  const [m] = await deps.db
    .insert(methods)
    .values({
      slug: `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${randomBytes(3).toString('hex')}`,
      name,
      summary: `${name} i korthet.`,
      problemTypes: opts.problemTypes ?? ['otrygghet i offentlig miljö'],
      causeSides: opts.causeSides ?? ['place'],
      effectLevel: 'promising',
      status: opts.status ?? 'curated',
      organisationId: org.id,
    })
    .returning()
  return m
}
