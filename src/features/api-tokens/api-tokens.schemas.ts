import { z } from 'zod'
import { trimmed } from '../../platform/forms/parse-form.ts'
import { optionalIsoDate } from '../../platform/forms/dates.ts'

export const CreateTokenInput = z.object({
  name: z.preprocess(
    trimmed,
    z.string({ error: 'apiTokens.errors.nameRequired' }).min(1, { error: 'apiTokens.errors.nameRequired' }).max(100, { error: 'apiTokens.errors.nameTooLong' }),
  ),
  userId: z.preprocess(trimmed, z.uuid({ error: 'apiTokens.errors.userRequired' })),
  // Optional: no date means the token lives until it is revoked.
  expiresOn: optionalIsoDate('apiTokens.errors.expiresInvalid'),
})

export type CreateTokenInput = z.output<typeof CreateTokenInput>
