import { audit } from '../../platform/audit/audit.ts'
import type { Deps } from '../../platform/deps.ts'
import type { Actor } from '../../platform/http/actor.ts'
import { ForbiddenError } from '../../platform/http/errors.ts'
import type { Db } from '../../platform/db/types.ts'
import { listBodies, listConvenorsOfCollaboration, listPartySeats } from '../bodies/index.ts'
import { canEditForParty } from '../collaborations/index.ts'
import { viewerOf } from '../collaborations/index.ts'
import { MemoOnlyForMunicipalities } from './declarations.errors.ts'
import * as declarationsRepo from './declarations.repo.ts'
import { MEMO_FIELDS, type MemoFields } from './declarations.schemas.ts'
import { todayIso } from './declarations.service.ts'
import * as repo from './signatures.repo.ts'
import * as eventsRepo from './joint-events.repo.ts'
import { type MemoFacts, andList, memoText } from './memo-text.ts'
import { loadSignature } from './signatures.service.ts'
import type { Ctx } from '../../platform/http/ctx.ts'

const years = (c: { periodStart: string; periodEnd: string }) => `${c.periodStart.slice(0, 4)}–${c.periodEnd.slice(0, 4)}`

/**
 * Paragraphs other features add to the memo's Bakgrund for one municipality — its own agreement
 * with the police, its medborgarlöfte — when they hold such data. None registered: nothing is said.
 */
export type MemoBackgroundSource = (db: Db, q: { collaborationId: string; organisationId: string; date: string }) => Promise<string[]>
const backgroundSources = new WeakMap<Deps, MemoBackgroundSource[]>()
export function registerMemoBackground(deps: Deps, source: MemoBackgroundSource) {
  backgroundSources.set(deps, [...(backgroundSources.get(deps) ?? []), source])
}

/** "arbetsgruppen för trygghet i offentlig miljö", "beredningsgruppen" */
function bodyPhrase(b: { kind: string; name: string; theme: string | null }) {
  // The collaboration's own beredningsgrupp is "beredningsgruppen"; another (Regbrå's) goes by its name.
  if (b.kind === 'preparation') return /^beredningsgrupp(en)?$/i.test(b.name) ? 'beredningsgruppen' : b.name
  if (b.theme) return `arbetsgruppen för ${b.theme.charAt(0).toLowerCase()}${b.theme.slice(1)}`
  return b.name
}

/**
 * The facts the memo is written from: the collaboration and its convenors, the declaration version,
 * the joint decision meeting and signing (with the level this municipality is invited at), Regbrå's
 * history, the structure, and the municipality's current representatives by role title.
 */
export async function memoFacts(deps: Deps, actor: Actor | undefined, s: repo.SignatureRow): Promise<MemoFacts> {
  const c = (await declarationsRepo.findCollaborationInfo(deps.db, s.collaborationId))!
  const date = s.memoDate ?? todayIso()
  const [parties, allBodies, meetings, signings, seats, convenorPeriods] = await Promise.all([
    declarationsRepo.listCurrentParties(deps.db, c.id),
    listBodies(deps.db, viewerOf(actor), c.id),
    eventsRepo.listEvents(deps.db, c.id, 'decision_meeting'),
    eventsRepo.listEvents(deps.db, c.id, 'signing'),
    listPartySeats(deps.db, c.id, s.organisationId, todayIso()),
    listConvenorsOfCollaboration(deps.db, c.id),
  ])
  const bodies = allBodies.filter((b) => !b.isExample)
  const convenorNames = parties.filter((p) => p.isConvenor).map((p) => p.name)
  const nameOf = (organisationId: string) =>
    organisationId === c.organisationId ? c.ownerName : parties.find((p) => p.organisationId === organisationId)?.name
  // The earliest decision meeting and signing are the declaration's own (later ones re-adopt).
  const meeting = meetings.at(-1)
  const invitedHere = meeting && (await eventsRepo.findEventParty(deps.db, meeting.id, s.organisationId))
  const signing = signings.at(-1)
  const regbra = bodies.find((b) => b.kind === 'network' && /regbr/i.test(b.name))
  // Regbrå's convenor on the memo's date, from its convenor periods; the body's owner when none are recorded.
  const period = regbra && convenorPeriods.find((p) => p.bodyId === regbra.id && p.validFrom <= date && (!p.validTo || p.validTo >= date))
  const local = (
    await Promise.all((backgroundSources.get(deps) ?? []).map((source) => source(deps.db, { collaborationId: c.id, organisationId: s.organisationId, date })))
  ).flat()
  const real = seats.filter((x) => !x.isExample && x.personTitle)
  const chiefs = (membership: string) => [
    ...new Set(real.filter((x) => x.bodyKind === 'steering' && x.level === 'chief' && x.membership === membership).map((x) => x.personTitle!)),
  ]
  return {
    municipality: s.organisationName,
    collaborationName: c.name,
    shortName: c.shortName,
    period: years(c),
    convenors: andList(convenorNames.length ? convenorNames : [c.ownerName]),
    ownerName: c.ownerName,
    date,
    department: 'Kommunledningsförvaltningen',
    versionTitle: s.versionTitle,
    decisionMeeting: meeting && {
      eventDate: meeting.eventDate,
      startTime: meeting.startTime,
      endTime: meeting.endTime,
      place: meeting.place,
      invitedLevel: invitedHere?.invitedLevel || meeting.invitedLevel,
      hasInvitation: !!meeting.invitationFileId,
    },
    signing: signing && { eventDate: signing.eventDate, place: signing.place },
    regbra: regbra && {
      name: regbra.name,
      sinceYear: regbra.activeFrom ? Number(regbra.activeFrom.slice(0, 4)) : null,
      convenor: period ? period.organisationName : (nameOf(regbra.organisationId) ?? null),
      convenorSinceYear: period ? Number(period.validFrom.slice(0, 4)) : null,
    },
    localParagraphs: local,
    hasSteering: bodies.some((b) => b.kind === 'steering'),
    hasPreparation: bodies.some((b) => b.kind === 'preparation'),
    workingGroupThemes: bodies.filter((b) => b.kind === 'working_group').map((b) => (b.theme ?? b.name).toLowerCase()),
    steeringChiefs: chiefs('ordinary'),
    steeringSubstitutes: chiefs('substitute'),
    groupMembers: real
      .filter((x) => x.bodyKind === 'working_group' || x.bodyKind === 'preparation')
      .map((x) => ({ title: x.personTitle!, body: bodyPhrase({ kind: x.bodyKind, name: x.bodyName, theme: x.bodyTheme }) })),
  }
}

/** The memo pre-filled from the data (memo-text.ts writes it). Swedish: the memo is the municipality's document. */
export async function memoDefaults(deps: Deps, actor: Actor | undefined, s: repo.SignatureRow): Promise<MemoFields> {
  return memoText(await memoFacts(deps, actor, s), { caseNumber: s.caseNumber ?? '', official: s.responsibleOfficial ?? '' })
}

/**
 * The memo form for a municipality's record: the last saved draft when there is one (with any
 * section added since taken from the defaults), otherwise the defaults. Editors of the party and
 * coordinators only: it is a drafting tool that writes.
 * @throws NotFoundError, ForbiddenError, MemoOnlyForMunicipalities
 */
export async function loadMemo(deps: Deps, actor: Actor | undefined, signatureId: unknown) {
  const { signature, scope } = await loadSignature(deps, actor, signatureId)
  if (signature.organisationKind !== 'municipality') throw new MemoOnlyForMunicipalities()
  if (!canEditForParty(actor, scope, signature.organisationId)) throw new ForbiddenError()
  const draft = await repo.findMemoDraft(deps.db, signature.id)
  const defaults = await memoDefaults(deps, actor, signature)
  const fields = { ...defaults } as MemoFields
  for (const key of MEMO_FIELDS) if (draft && typeof draft.fields[key] === 'string') fields[key] = draft.fields[key]
  return { signature, fields, savedAt: draft?.updatedAt }
}

/** Keeps the form's values for the next draft (one draft per record), audited. */
export async function saveMemoDraft(deps: Deps, ctx: Ctx, signatureId: string, fields: MemoFields) {
  const { signature } = await loadMemo(deps, ctx.actor, signatureId)
  return deps.db.transaction(async (tx) => {
    const before = await repo.findMemoDraft(tx, signature.id)
    const saved = await repo.upsertMemoDraft(tx, signature.id, { ...fields }, ctx.actor.userId)
    await audit(tx, ctx, {
      action: 'memo.draft_saved',
      entityType: 'party_signature',
      entityId: signature.id,
      organisationId: signature.organisationId,
      before: before?.fields ?? null,
      after: saved.fields,
    })
    return saved
  })
}
