import { z } from 'zod'
import { trimmed } from '../../platform/forms/parse-form.ts'
import { VISIBILITIES } from './collaborations.tables.ts'
import { isoDate, optionalIsoDate } from '../../platform/forms/dates.ts'

import { checkbox, versionField } from '../../platform/forms/fields.ts'

export { checkbox, versionField }

const text = (requiredKey: string, max: number, tooLongKey: string) =>
  z.preprocess(trimmed, z.string({ error: requiredKey }).min(1, { error: requiredKey }).max(max, { error: tooLongKey }))

export const UpdateCollaborationInput = z
  .object({
    name: text('collaborations.errors.nameRequired', 200, 'collaborations.errors.tooLong'),
    shortName: text('collaborations.errors.shortNameRequired', 40, 'collaborations.errors.tooLong'),
    periodStart: isoDate('collaborations.errors.periodStartInvalid', 'collaborations.errors.periodStartInvalid'),
    periodEnd: isoDate('collaborations.errors.periodEndInvalid', 'collaborations.errors.periodEndInvalid'),
    purpose: z.preprocess((v) => (typeof v === 'string' ? v.trim() : (v ?? '')), z.string().max(5000, { error: 'collaborations.errors.tooLong' })),
    visibility: z.enum(VISIBILITIES, { error: 'collaborations.errors.visibilityRequired' }),
    version: versionField,
  })
  .refine((v) => v.periodEnd >= v.periodStart, { path: ['periodEnd'], error: 'collaborations.errors.periodOrder' })
export type UpdateCollaborationInput = z.output<typeof UpdateCollaborationInput>

export const AddPartyInput = z.object({
  organisationId: z.preprocess(trimmed, z.uuid({ error: 'collaborations.errors.organisationRequired' })),
  isConvenor: checkbox,
  joinedOn: optionalIsoDate('collaborations.errors.joinedOnInvalid'),
})
export type AddPartyInput = z.output<typeof AddPartyInput>

// --- JSON API -------------------------------------------------------------------------------------

export const PartyResponse = z.object({
  organisationId: z.uuid(),
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  isConvenor: z.boolean(),
  joinedOn: z.string().nullable(),
})

export const CollaborationResponse = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  shortName: z.string(),
  countyCode: z.string().nullable(),
  periodStart: z.string(),
  periodEnd: z.string(),
  purpose: z.string(),
  ownerOrganisationId: z.uuid(),
  visibility: z.enum(VISIBILITIES),
  version: z.number().int(),
})

export const CollaborationDetailResponse = CollaborationResponse.extend({ parties: z.array(PartyResponse) })

export const BodyResponse = z.object({
  id: z.uuid(),
  kind: z.string(),
  name: z.string(),
  theme: z.string().nullable(),
  mandate: z.string(),
  parentBodyId: z.uuid().nullable(),
  activeFrom: z.string().nullable(),
  activeTo: z.string().nullable(),
  isExample: z.boolean(),
  visibility: z.enum(VISIBILITIES),
  version: z.number().int(),
})
