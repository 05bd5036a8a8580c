import { audit } from '../../platform/audit/audit.ts'
import type { Deps } from '../../platform/deps.ts'
import type { Actor } from '../../platform/http/actor.ts'
import { ForbiddenError } from '../../platform/http/errors.ts'
import { formatIsoDate } from '../../platform/i18n/format.ts'
import { listBodies } from '../bodies/index.ts'
import { canEditForParty } from '../collaborations/collaborations.policy.ts'
import { viewerOf } from '../collaborations/collaborations.visibility.ts'
import { MemoOnlyForMunicipalities } from './declarations.errors.ts'
import * as declarationsRepo from './declarations.repo.ts'
import { MEMO_FIELDS, type MemoFields } from './declarations.schemas.ts'
import { todayIso } from './declarations.service.ts'
import * as repo from './signatures.repo.ts'
import { loadSignature } from './signatures.service.ts'
import type { Ctx } from '../../platform/http/ctx.ts'

const andList = (items: string[]) => new Intl.ListFormat('sv', { style: 'long', type: 'conjunction' }).format(items)
const years = (c: { periodStart: string; periodEnd: string }) => `${c.periodStart.slice(0, 4)}–${c.periodEnd.slice(0, 4)}`

const BODY_KINDS: Record<string, string> = {
  steering: 'styrgrupp',
  preparation: 'beredningsgrupp',
  working_group: 'arbetsgrupp',
  network: 'nätverk',
  local_council: 'lokalt brottsförebyggande råd',
  other: 'annan grupp',
}

/**
 * The memo pre-filled from the data: the collaboration (name, period, purpose, parties, convenors,
 * structure), the declaration version, the party's record (diarienummer, official, memo date) and
 * its attachments. Swedish text: the memo is the municipality's document.
 */
export async function memoDefaults(deps: Deps, actor: Actor | undefined, s: repo.SignatureRow): Promise<MemoFields> {
  const c = (await declarationsRepo.findCollaborationInfo(deps.db, s.collaborationId))!
  const parties = await declarationsRepo.listCurrentParties(deps.db, c.id)
  const bodies = (await listBodies(deps.db, viewerOf(actor), c.id)).filter((b) => !b.isExample)
  const attachments = await repo.listAttachments(deps.db, s.id)
  const period = years(c)
  const convenorNames = parties.filter((p) => p.isConvenor).map((p) => p.name)
  const convenors = andList(convenorNames.length ? convenorNames : [c.ownerName])
  const date = s.memoDate ?? todayIso()
  const partyNames = parties.map((p) => p.name).sort((a, b) => a.localeCompare(b, 'sv'))

  const background = [
    c.purpose,
    `Programförklaringen gäller perioden ${c.periodStart}–${c.periodEnd}. Parter i samarbetet är ${andList(partyNames)}.`,
    bodies.length ? `Samarbetet är organiserat i ${andList(bodies.map((b) => `${b.name} (${BODY_KINDS[b.kind] ?? b.kind})`))}.` : '',
    'Genom att underteckna programförklaringen åtar sig varje kommun att under perioden ha minst en tjänsteperson i minst en av samarbetets arbetsgrupper.',
  ].filter(Boolean)

  const basis = [
    `Tjänsteskrivelse, ${date}`,
    `${/^programförklaring/i.test(s.versionTitle) ? s.versionTitle : `Programförklaring ${s.versionTitle}`}, version ${s.versionNo}${s.versionAdoptedOn ? `, ${s.versionAdoptedOn}` : ''}`,
    ...attachments.map((a) => `${a.description || a.filename}, ${formatIsoDate(a.createdAt)}`),
  ]

  return {
    municipality: s.organisationName,
    department: 'Kommunledningsförvaltningen',
    date,
    caseNumber: s.caseNumber ?? '',
    heading: `Programförklaring för ${c.name} ${period}`,
    proposal: [
      `Kommunstyrelsen godkänner programförklaringen ${c.name} ${period}.`,
      'Kommunstyrelsens ordförande får i uppdrag att underteckna programförklaringen.',
    ].join('\n'),
    matter: `${convenors} har tagit fram en programförklaring för ett länsövergripande brottsförebyggande och trygghetsskapande samarbete, ${c.name} (${c.shortName}), för perioden ${period}. Varje part godkänner programförklaringen genom beslut och undertecknande. ${s.organisationName} föreslås godkänna programförklaringen och ge kommunstyrelsens ordförande i uppdrag att underteckna den.`,
    basis: basis.join('\n'),
    background: background.join('\n\n'),
    economy:
      'Inga kostnader utöver arbetstid. Kommunens insats är den tid som kommunens representanter lägger i samarbetets styrgrupp, beredningsgrupp och arbetsgrupper.',
    goals: '',
    equality:
      'Kvinnor känner sig generellt mindre trygga än män i det offentliga rummet, vilket både den nationella trygghetsundersökningen (NTU) och kommunens medborgarenkät visar. Ett jämställdhetsperspektiv ska därför finnas med i samarbetets analyser och åtgärder.',
    consultation: `Ärendet har beretts i dialog med ${convenors}.`,
    followUp: `Beredningsgruppen följer tillsammans med ${convenors} upp och utvärderar samarbetet under perioden.`,
    mbl: 'Ärendet har inte krävt information eller förhandling enligt MBL.',
    official: s.responsibleOfficial ?? '',
    officialTitle: '',
    distribution: (convenorNames.length ? convenorNames : parties.filter((p) => p.organisationId !== s.organisationId).map((p) => p.name)).join('\n'),
  }
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
