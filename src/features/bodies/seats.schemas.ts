import { z } from 'zod'
import { trimmed } from '../../platform/forms/parse-form.ts'
import { VISIBILITIES } from '../collaborations/collaborations.tables.ts'
import { SEAT_LEVELS, SEAT_MEMBERSHIPS, SEAT_ROLES } from './bodies.tables.ts'
import { isoDate, optionalIsoDate, apiDate } from '../../platform/forms/dates.ts'

const date = (requiredKey: string) => isoDate(requiredKey, 'seats.errors.dateInvalid')
const optionalDate = optionalIsoDate('seats.errors.dateInvalid')
const optionalText = (max: number) => z.preprocess(trimmed, z.string().max(max).optional())
export const Version = z.coerce.number({ error: 'platform.errors.badRequest' }).int().min(1).max(2147483647)

// ---- People ----

export const PersonInput = z.object({
  name: z.preprocess(trimmed, z.string({ error: 'people.errors.nameRequired' }).max(200, { error: 'people.errors.tooLong' })),
  title: optionalText(200),
  organisationId: z.preprocess(trimmed, z.uuid({ error: 'people.errors.organisationRequired' })),
  email: z.preprocess(trimmed, z.email({ error: 'people.errors.emailInvalid' }).max(254).optional()),
  phone: z.preprocess(
    trimmed,
    z
      .string()
      .max(40)
      .regex(/^[+0-9 ()-]+$/, { error: 'people.errors.phoneInvalid' })
      .optional(),
  ),
})
export type PersonInput = z.output<typeof PersonInput>

export const UpdatePersonInput = PersonInput.extend({ version: Version })
export type UpdatePersonInput = z.output<typeof UpdatePersonInput>

// ---- Seats ----

/** Fields a seat's owner may change; the person and the body are fixed once the seat exists. */
const seatTerms = {
  organisationId: z.preprocess(trimmed, z.uuid({ error: 'seats.errors.partyRequired' })),
  role: z.enum(SEAT_ROLES, { error: 'seats.errors.roleRequired' }),
  level: z.enum(SEAT_LEVELS, { error: 'seats.errors.levelRequired' }),
  membership: z.enum(SEAT_MEMBERSHIPS, { error: 'seats.errors.membershipRequired' }),
  validFrom: date('seats.errors.validFromRequired'),
  validTo: optionalDate,
  // Empty means "as the level says": chief-level seats public, official-level seats partners only.
  visibility: z.preprocess(trimmed, z.enum(VISIBILITIES, { error: 'seats.errors.visibilityInvalid' }).optional()),
}

const validToAfterFrom = (v: { validFrom: string; validTo?: string }) => !v.validTo || v.validTo >= v.validFrom
const toAfterFromIssue = { path: ['validTo'], error: 'seats.errors.validToBeforeFrom' }

export const AddSeatInput = z
  .object({ personId: z.preprocess(trimmed, z.uuid({ error: 'seats.errors.personRequired' })), ...seatTerms })
  .refine(validToAfterFrom, toAfterFromIssue)
export type AddSeatInput = z.output<typeof AddSeatInput>

export const UpdateSeatInput = z.object({ ...seatTerms, version: Version }).refine(validToAfterFrom, toAfterFromIssue)
export type UpdateSeatInput = z.output<typeof UpdateSeatInput>

/** Ending a seat: its last day. The check against valid_from happens in the service (it needs the seat). */
export const EndSeatInput = z.object({ endedOn: date('seats.errors.endedOnRequired'), version: Version })
export type EndSeatInput = z.output<typeof EndSeatInput>

/** The visibility a seat gets when the form leaves it to the level (domain: chief seats are public). */
export const defaultVisibility = (level: (typeof SEAT_LEVELS)[number]) => (level === 'official' ? 'partners' : 'public')

// ---- API ----

export const SeatResponse = z.object({
  id: z.uuid(),
  bodyId: z.uuid(),
  person: z.object({ id: z.uuid(), name: z.string(), title: z.string().nullable(), organisationId: z.uuid() }),
  organisationId: z.uuid().describe('The party the person represents in the body'),
  organisationName: z.string(),
  role: z.enum(SEAT_ROLES),
  level: z.enum(SEAT_LEVELS),
  membership: z.enum(SEAT_MEMBERSHIPS),
  validFrom: z.string().describe('ISO date'),
  validTo: z.string().nullable().describe('ISO date, the last day of the seat; null = open-ended'),
  status: z.enum(['current', 'ended', 'upcoming']),
  visibility: z.enum(VISIBILITIES),
  version: z.number().int(),
})

export const AddSeatBody = z
  .object({
    personId: z.uuid(),
    organisationId: z.uuid(),
    role: z.enum(SEAT_ROLES).default('member'),
    level: z.enum(SEAT_LEVELS),
    membership: z.enum(SEAT_MEMBERSHIPS).default('ordinary'),
    validFrom: apiDate(),
    validTo: apiDate().optional(),
    visibility: z.enum(VISIBILITIES).optional(),
  })
  .refine(validToAfterFrom, toAfterFromIssue)

export const EndSeatBody = z.object({ endedOn: apiDate(), version: z.number().int().min(1) })
