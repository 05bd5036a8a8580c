import { z } from 'zod'
import type { Config } from '../config.ts'
import type { Database } from '../platform/db/connection.ts'
import { ROLES, type Role } from '../platform/http/actor.ts'
import { translator } from '../platform/i18n/i18n.ts'
import { CliError, cliLocale, message } from './messages.ts'

export interface CreateUserArgs {
  email?: string
  org?: string
  role?: string
  name?: string
}

/** Checks the arguments before the database is opened, so a typo costs nothing. */
function validate(args: CreateUserArgs): { email: string; org: string; role: Role; name: string } {
  for (const option of ['email', 'org', 'role'] as const) {
    if (!args[option]?.trim()) throw new CliError(message('missingOption', { option, command: 'create-user' }), 2)
  }
  const email = args.email!.trim().toLowerCase()
  if (!z.email().safeParse(email).success) throw new CliError(message('badEmail', { email: args.email! }), 2)
  const role = args.role!.trim() as Role
  if (!ROLES.includes(role)) throw new CliError(message('badRole', { role: args.role!, roles: ROLES.join(', ') }), 2)
  // Without --name the address's local part stands in; the person can be renamed later.
  return { email, org: args.org!.trim(), role, name: args.name?.trim() || email.split('@')[0] }
}

/** An organisation by code (kommun-0580) or id; an empty table means the reference data was never loaded. */
async function resolveOrganisation(database: Database, org: string) {
  const [{ findOrganisation, findOrganisationByCode }, { sql }, { queryRows }] = await Promise.all([
    import('../features/organisations/index.ts'),
    import('drizzle-orm'),
    import('../platform/db/query-rows.ts'),
  ])
  const found = z.uuid().safeParse(org).success ? await findOrganisation(database.db, org) : await findOrganisationByCode(database.db, org)
  if (found) return found
  const [{ n }] = await queryRows<{ n: string }>(database.db, sql`select count(*)::text as n from organisations`)
  throw new CliError(message(n === '0' ? 'noReferenceData' : 'unknownOrganisation', { org }))
}

/** Creates an account with one role and prints its one-time password: the only place it is ever shown. */
export async function createUserCommand(config: Config, args: CreateUserArgs): Promise<number> {
  const input = validate(args)
  // The application modules (accounts pull in the web routes) load only once the arguments are right.
  const [{ createUser }, { createDeps }, { requireMigrated, withDatabase }] = await Promise.all([
    import('../features/accounts/index.ts'),
    import('../platform/deps.ts'),
    import('./database.ts'),
  ])
  const { user, organisation, password } = await withDatabase(config, async (database) => {
    await requireMigrated(database)
    const organisation = await resolveOrganisation(database, input.org)
    const deps = await createDeps(config, database)
    const created = await createUser(deps, { label: 'cli' }, { name: input.name, email: input.email, organisationId: organisation.id, role: input.role })
    return { user: created.user, organisation, password: created.oneTimePassword! }
  })
  const roleName = translator(cliLocale())(`platform.roles.${input.role}`)
  console.log(message('userCreated', { email: user.email, role: roleName, organisation: organisation.name }))
  console.log(message('oneTimePassword', { password }))
  console.log(message('passwordAdvice'))
  return 0
}
