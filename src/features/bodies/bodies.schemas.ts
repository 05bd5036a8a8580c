import { z } from 'zod'
import { trimmed } from '../../platform/forms/parse-form.ts'
import { VISIBILITIES } from '../collaborations/collaborations.tables.ts'
import { versionField } from '../../platform/forms/fields.ts'
import { BODY_KINDS } from './bodies.tables.ts'
import { isoDate, optionalIsoDate } from '../../platform/forms/dates.ts'

const optionalText = (max: number) => z.preprocess(trimmed, z.string().max(max, { error: 'bodies.errors.tooLong' }).optional())

export const BodyInput = z
  .object({
    kind: z.enum(BODY_KINDS, { error: 'bodies.errors.kindRequired' }),
    name: z.preprocess(
      trimmed,
      z.string({ error: 'bodies.errors.nameRequired' }).min(1, { error: 'bodies.errors.nameRequired' }).max(200, { error: 'bodies.errors.tooLong' }),
    ),
    theme: optionalText(200),
    mandate: optionalText(5000),
    // "No parent" is the empty option of the select: the body reports to nobody in the structure.
    parentBodyId: z.preprocess(trimmed, z.uuid({ error: 'bodies.errors.parentInvalid' }).optional()),
    activeFrom: optionalIsoDate('bodies.errors.activeFromInvalid'),
    activeTo: optionalIsoDate('bodies.errors.activeToInvalid'),
    visibility: z.enum(VISIBILITIES, { error: 'bodies.errors.visibilityRequired' }),
  })
  .refine((v) => !v.activeFrom || !v.activeTo || v.activeTo >= v.activeFrom, { path: ['activeTo'], error: 'bodies.errors.activeOrder' })
export type BodyInput = z.output<typeof BodyInput>

export const UpdateBodyInput = BodyInput.safeExtend({ version: versionField })
export type UpdateBodyInput = z.output<typeof UpdateBodyInput>

/** A convenor period: which party, from when, and until when (empty: still convening). */
export const ConvenorInput = z
  .object({
    organisationId: z.preprocess(trimmed, z.uuid({ error: 'bodies.convenors.errors.organisationRequired' })),
    validFrom: isoDate('bodies.convenors.errors.fromRequired'),
    validTo: optionalIsoDate(),
  })
  .refine((v) => !v.validTo || v.validTo >= v.validFrom, { path: ['validTo'], error: 'bodies.convenors.errors.order' })
export type ConvenorInput = z.output<typeof ConvenorInput>

export const UpdateConvenorInput = ConvenorInput.safeExtend({ version: versionField })
export type UpdateConvenorInput = z.output<typeof UpdateConvenorInput>
