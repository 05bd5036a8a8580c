import { randomBytes } from 'node:crypto'
import { createUser } from '../features/accounts/index.ts'
import { hashPassword } from '../features/accounts/passwords.ts'
import { findOrganisationByCode } from '../features/organisations/index.ts'
import type { Role } from '../platform/http/actor.ts'
import type { Deps } from '../platform/deps.ts'

export const TEST_PASSWORD = 'korrekt-häst-batteri-häftklammer'
let testHash: Promise<string> | undefined

export interface BuiltUser {
  id: string
  email: string
  password: string
  organisationId: string
}

/** A user with one role in a reference organisation (default Linköpings kommun). Hashing is done once per file. */
export async function buildUser(
  deps: Deps,
  overrides: { role?: Role; organisationCode?: string; email?: string; name?: string; mustChangePassword?: boolean } = {},
): Promise<BuiltUser> {
  testHash ??= hashPassword(TEST_PASSWORD)
  const org = await findOrganisationByCode(deps.db, overrides.organisationCode ?? 'kommun-0580')
  if (!org) throw new Error(`No organisation ${overrides.organisationCode}`)
  const email = overrides.email ?? `${overrides.role ?? 'viewer'}-${randomBytes(4).toString('hex')}@test.invalid`
  const { user } = await createUser(
    deps,
    { label: 'test' },
    {
      email,
      name: overrides.name ?? `Test ${overrides.role ?? 'viewer'}`,
      organisationId: org.id,
      role: overrides.role ?? 'viewer',
      password: TEST_PASSWORD,
      passwordHash: await testHash,
      mustChangePassword: overrides.mustChangePassword ?? false,
    },
  )
  return { id: user.id, email: user.email, password: TEST_PASSWORD, organisationId: user.organisationId }
}
