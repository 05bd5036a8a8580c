import { z } from 'zod'
import { ROLES } from '../../platform/http/actor.ts'
import { trimmed } from '../../platform/forms/parse-form.ts'
import { MIN_PASSWORD_LENGTH } from './passwords.ts'

const emailOf = (requiredKey: string) =>
  z.preprocess(trimmed, z.email({ error: (i) => (i.input === undefined ? requiredKey : 'accounts.errors.emailInvalid') }).max(254))

export const LoginInput = z.object({
  email: z.preprocess(trimmed, z.string({ error: 'accounts.errors.emailRequired' }).max(254)),
  password: z.string({ error: 'accounts.errors.passwordRequired' }).min(1, { error: 'accounts.errors.passwordRequired' }).max(1000),
  return: z.string().optional(),
})

export const ChangePasswordInput = z
  .object({
    currentPassword: z.string({ error: 'accounts.errors.currentPasswordRequired' }).min(1, { error: 'accounts.errors.currentPasswordRequired' }),
    newPassword: z
      .string({ error: 'accounts.errors.newPasswordRequired' })
      .min(1, { error: 'accounts.errors.newPasswordRequired' })
      .min(MIN_PASSWORD_LENGTH, { error: 'accounts.errors.newPasswordTooShort' })
      .max(1000),
    confirmPassword: z.string({ error: 'accounts.errors.confirmPasswordRequired' }).min(1, { error: 'accounts.errors.confirmPasswordRequired' }),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ['confirmPassword'], error: 'accounts.errors.passwordsDiffer' })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ['newPassword'], error: 'accounts.errors.passwordUnchanged' })

export const InviteUserInput = z.object({
  name: z.preprocess(trimmed, z.string({ error: 'accounts.errors.nameRequired' }).max(200)),
  // The invited person's address, not the signed-in user's: its own "required" message.
  email: emailOf('accounts.errors.inviteEmailRequired'),
  organisationId: z.preprocess(trimmed, z.uuid({ error: 'accounts.errors.organisationRequired' })),
  role: z.enum(ROLES, { error: 'accounts.errors.roleRequired' }),
})

export const GrantRoleInput = z.object({
  organisationId: z.preprocess(trimmed, z.uuid({ error: 'accounts.errors.organisationRequired' })),
  role: z.enum(ROLES, { error: 'accounts.errors.roleRequired' }),
})

export const UserListQuery = z.object({
  q: z.preprocess(trimmed, z.string().max(200).optional()),
  organisationId: z.preprocess(trimmed, z.uuid().optional()).catch(undefined),
  sort: z.enum(['name', 'email', 'organisation', 'lastLogin']).catch('name'),
  dir: z.enum(['asc', 'desc']).catch('asc'),
  page: z.coerce.number().int().min(1).max(100000).catch(1),
})

export type InviteUserInput = z.output<typeof InviteUserInput>

/** Deactivate or reactivate: the version the page was rendered from guards against overwriting someone else's change. */
export const SetUserStatusInput = z.object({
  status: z.enum(['active', 'deactivated']),
  version: z.coerce.number().int().min(1).max(2147483647),
})
