import { z } from 'zod'
import { trimmed } from '../../platform/forms/parse-form.ts'
import { ORGANISATION_KINDS } from '../organisations/organisations.tables.ts'
import { SIGNATURE_STATUSES } from './declarations.tables.ts'
import { linesOf } from './signatures.workflow.ts'
import { isoDate, optionalIsoDate, apiDate } from '../../platform/forms/dates.ts'

const requiredText = (max: number, requiredKey: string) =>
  z.preprocess(trimmed, z.string({ error: requiredKey }).max(max, { error: 'declarations.errors.tooLong' }))
const optionalText = (max: number) => z.preprocess(trimmed, z.string().max(max, { error: 'declarations.errors.tooLong' }).optional())
const date = (requiredKey: string) => isoDate(requiredKey, 'declarations.errors.dateInvalid')
const optionalDate = optionalIsoDate('declarations.errors.dateInvalid')
export const Version = z.coerce.number({ error: 'platform.errors.badRequest' }).int().min(1).max(2147483647)

// ---- Declaration versions (the file field is checked separately: it is bytes, not text) ----

export const VersionInput = z.object({
  title: requiredText(300, 'declarations.errors.titleRequired'),
  bodyText: z.preprocess(
    (v) => (typeof v === 'string' ? v.replace(/\r\n/g, '\n').trim() : ''),
    z.string().max(200_000, { error: 'declarations.errors.tooLong' }),
  ),
  adoptedOn: optionalDate,
})
export type VersionInput = z.output<typeof VersionInput>

export const UpdateVersionInput = VersionInput.extend({ version: Version, removeFile: z.preprocess((v) => v === 'yes', z.boolean()) })
export type UpdateVersionInput = z.output<typeof UpdateVersionInput>

// ---- Signature steps: one shape per step; the hidden `step` says which form was sent ----

const decisionLinesText = z.preprocess(
  (v) => (typeof v === 'string' ? linesOf(v) : v),
  z
    .array(z.string().max(1000, { error: 'declarations.errors.tooLong' }))
    .min(1, { error: 'declarations.errors.decisionLinesRequired' })
    .max(30, { error: 'declarations.errors.tooManyLines' }),
)
const decisionLinesJson = z.array(z.string().trim().min(1).max(1000)).min(1).max(30)

interface StepParts {
  lines: z.ZodType<string[]>
  eventId: z.ZodType<string | undefined>
  date: (requiredKey: string) => z.ZodType<string>
  optionalDate: z.ZodType<string | undefined>
  version: z.ZodType<number>
}

const stepShapes = (p: StepParts) =>
  [
    z.object({
      step: z.literal('in_preparation'),
      version: p.version,
      caseNumber: optionalText(100),
      responsibleOfficial: requiredText(200, 'declarations.errors.officialRequired'),
      memoDate: p.optionalDate,
    }),
    z.object({
      step: z.literal('decided'),
      version: p.version,
      decisionBody: requiredText(200, 'declarations.errors.decisionBodyRequired'),
      decisionDate: p.date('declarations.errors.decisionDateRequired'),
      decisionParagraph: optionalText(50),
      decisionLines: p.lines,
    }),
    z.object({
      step: z.literal('signed'),
      version: p.version,
      signerName: requiredText(200, 'declarations.errors.signerRequired'),
      signerTitle: optionalText(200),
      signedOn: p.date('declarations.errors.signedOnRequired'),
      /** Signed at the collaboration's joint signing (a joint event of kind `signing`). */
      signedAtEventId: p.eventId,
    }),
    z.object({ step: z.literal('declined'), version: p.version, reason: requiredText(2000, 'declarations.errors.reasonRequired') }),
    z.object({ step: z.literal('withdrawn'), version: p.version, reason: requiredText(2000, 'declarations.errors.reasonRequired') }),
  ] as const

/** A step as a form posts it (decision lines in a TextArea, one per line). */
export const StepForm = z.discriminatedUnion(
  'step',
  stepShapes({
    lines: decisionLinesText,
    eventId: z.preprocess(trimmed, z.uuid({ error: 'declarations.errors.eventUnknown' }).optional()),
    date,
    optionalDate,
    version: Version,
  }),
  {
    error: 'declarations.errors.stepUnknown',
  },
)

/** The same step as a JSON client sends it (decision lines as an array, the version as a number). */
export const StepBody = z.discriminatedUnion(
  'step',
  stepShapes({
    lines: decisionLinesJson,
    eventId: z.uuid().optional().describe('The joint signing it was signed at'),
    date: () => apiDate(),
    optionalDate: apiDate().optional(),
    version: z.number().int().min(1),
  }),
)

/** What the service receives, whichever door it came through. */
export type StepInput = z.output<typeof StepForm>

export const AttachmentInput = z.object({ description: optionalText(500) })

// ---- The status board ----

export const BOARD_SORTS = ['party', 'status', 'invited', 'decided', 'signed'] as const
export type BoardSort = (typeof BOARD_SORTS)[number]
const KINDS = ORGANISATION_KINDS

/** Filters and sorting from the query string; anything unknown falls back to the default. */
export const BoardQuery = z.object({
  status: z.enum(SIGNATURE_STATUSES).optional().catch(undefined),
  kind: z.enum(KINDS).optional().catch(undefined),
  sort: z.enum(BOARD_SORTS).catch('party').default('party'),
  dir: z.enum(['asc', 'desc']).catch('asc').default('asc'),
})
export type BoardQuery = z.output<typeof BoardQuery>

// ---- API responses ----

export const SignatureResponse = z.object({
  id: z.uuid(),
  declarationVersionId: z.uuid(),
  organisation: z.object({ id: z.uuid(), name: z.string(), kind: z.string() }),
  status: z.enum(SIGNATURE_STATUSES),
  invitedOn: z.string().nullable().describe('ISO date'),
  caseNumber: z.string().nullable().describe('Diarienummer'),
  responsibleOfficial: z.string().nullable(),
  memoDate: z.string().nullable().describe('Date of the tjänsteskrivelse (ISO)'),
  decisionBody: z.string().nullable(),
  decisionDate: z.string().nullable(),
  decisionParagraph: z.string().nullable(),
  decisionLines: z.array(z.string()),
  signerName: z.string().nullable(),
  signerTitle: z.string().nullable(),
  signedOn: z.string().nullable(),
  signedAtEventId: z.uuid().nullable().describe('The joint signing (gemensamt undertecknande) it was signed at'),
  reason: z.string().nullable().describe('Why the party declined or withdrew'),
  version: z.number().int().describe('Send it back with the next step (optimistic locking)'),
  nextSteps: z.array(z.enum(SIGNATURE_STATUSES)).describe('Steps the caller may take now'),
})

export const BoardResponse = z.object({
  collaboration: z.object({ id: z.uuid(), name: z.string() }),
  declarationVersion: z.object({ id: z.uuid(), versionNo: z.number().int(), title: z.string() }).nullable(),
  parties: z.array(
    z.object({
      organisationId: z.uuid(),
      name: z.string(),
      kind: z.string(),
      signatureId: z.uuid().nullable(),
      status: z.enum(SIGNATURE_STATUSES).nullable().describe('null: not invited to this version'),
      invitedOn: z.string().nullable(),
      decisionDate: z.string().nullable(),
      signedOn: z.string().nullable(),
    }),
  ),
})

// ---- The tjänsteskrivelse form: every section is editable text ----

const memoText = (max: number) =>
  z.preprocess((v) => (typeof v === 'string' ? v.replace(/\r\n/g, '\n').trim() : ''), z.string().max(max, { error: 'declarations.errors.tooLong' }))
const memoRequired = (max: number, key: string) => memoText(max).pipe(z.string().min(1, { error: key }))

export const MemoForm = z.object({
  municipality: memoRequired(200, 'declarations.errors.memoMunicipalityRequired'),
  department: memoText(200),
  date: isoDate('declarations.errors.memoDateRequired', 'declarations.errors.dateInvalid'),
  caseNumber: memoText(100),
  heading: memoRequired(300, 'declarations.errors.memoHeadingRequired'),
  proposal: memoRequired(5000, 'declarations.errors.memoProposalRequired'),
  matter: memoText(10000),
  basis: memoText(5000),
  background: memoText(20000),
  economy: memoText(5000),
  goals: memoText(5000),
  goalsLink: memoText(1000).refine((v) => v === '' || /^https?:\/\/\S+$/.test(v), { error: 'declarations.errors.linkInvalid' }),
  equality: memoText(5000),
  consultation: memoText(5000),
  followUp: memoText(5000),
  mbl: memoText(5000),
  official: memoText(200),
  officialTitle: memoText(200),
  distribution: memoText(5000),
})
export type MemoFields = z.output<typeof MemoForm>
export const MEMO_FIELDS = Object.keys(MemoForm.shape) as (keyof MemoFields)[]
