import { z } from 'zod'
import { trimmed } from '../../platform/forms/parse-form.ts'
import { optionalIsoDate } from '../../platform/forms/dates.ts'
import { TOKEN_SCOPES } from '../../platform/http/token-scopes.ts'

export const CreateTokenInput = z.object({
  name: z.preprocess(
    trimmed,
    z.string({ error: 'apiTokens.errors.nameRequired' }).min(1, { error: 'apiTokens.errors.nameRequired' }).max(100, { error: 'apiTokens.errors.nameTooLong' }),
  ),
  userId: z.preprocess(trimmed, z.uuid({ error: 'apiTokens.errors.userRequired' })),
  // Optional: no date means the token lives until it is revoked.
  expiresOn: optionalIsoDate('apiTokens.errors.expiresInvalid'),
  // Checkboxes: one value, several, or none at all (the field is then missing from the form).
  scopes: z.preprocess(
    (v) => (v === undefined || v === '' ? [] : [...new Set(([] as unknown[]).concat(v))]),
    z.array(z.enum(TOKEN_SCOPES, { error: 'apiTokens.errors.scopesRequired' })).min(1, { error: 'apiTokens.errors.scopesRequired' }),
  ),
})

export type CreateTokenInput = z.output<typeof CreateTokenInput>
