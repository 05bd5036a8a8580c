import { z } from 'zod'
import { optionalIsoDate } from '../../platform/forms/dates.ts'
import { trimmed } from '../../platform/forms/parse-form.ts'
import { checkbox, versionField } from '../../platform/forms/fields.ts'
import { MUNICIPAL_BODY_KINDS } from './municipal-models.tables.ts'

const optionalText = (max: number) => z.preprocess(trimmed, z.string().max(max).optional())

/** The model's own page: description, samordningsfunktion and whether to draw the sketch. */
export const ModelInput = z.object({
  description: optionalText(5000),
  coordinationRole: optionalText(200),
  coordinationPerson: optionalText(200),
  coordinationSince: optionalIsoDate(),
  showSketch: checkbox,
  /** Absent the first time (no model yet). */
  version: z.preprocess(trimmed, versionField.optional()),
})
export type ModelInput = z.output<typeof ModelInput>

export const MunicipalBodyInput = z.object({
  name: z.preprocess(trimmed, z.string({ error: 'municipalModels.errors.nameRequired' }).min(1, { error: 'municipalModels.errors.nameRequired' }).max(200)),
  kind: z.enum(MUNICIPAL_BODY_KINDS, { error: 'municipalModels.errors.kindRequired' }),
  purpose: optionalText(5000),
  chair: optionalText(300),
  members: optionalText(2000),
  meetingRhythm: optionalText(200),
  parentId: z.preprocess(trimmed, z.uuid({ error: 'municipalModels.errors.parentInvalid' }).optional()),
})
export type MunicipalBodyInput = z.output<typeof MunicipalBodyInput>

export const UpdateMunicipalBodyInput = MunicipalBodyInput.safeExtend({ version: versionField })
export type UpdateMunicipalBodyInput = z.output<typeof UpdateMunicipalBodyInput>
