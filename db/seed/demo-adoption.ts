/**
 * Demo story (issue 6 B5, C8): ÖTMB's joint decision meeting (2022-02-02 13.00–15.00) and joint
 * signing (2022-03-16), both at Linköpings slott, with every party's answer — Ydre declined,
 * Valdemarsvik has not answered — and Valdemarsvik's tjänsteskrivelse, a draft partly filled in.
 * Example data: roles, never real people. Idempotent: an event or draft that exists is left alone.
 *
 * The signatures themselves are demo-people.ts's; those made on the joint signing's day are linked
 * to it here (party_signatures.signed_at_event_id).
 */
import { and, eq, inArray, isNull } from 'drizzle-orm'
import { audit } from '../../src/platform/audit/audit.ts'
import { headingParagraph, swedishDocx, textParagraphs } from '../../src/platform/docx/docx.ts'
import { type CheckedFile, checkUpload } from '../../src/platform/files/uploads.ts'
import type { Deps } from '../../src/platform/deps.ts'
import { collaborations } from '../../src/features/collaborations/collaborations.tables.ts'
import { declarationVersions, partySignatures } from '../../src/features/declarations/declarations.tables.ts'
import { type JointEventAnswer, findMemoDraft, memoDefaults, recordJointEvent, upsertMemoDraft } from '../../src/features/declarations/index.ts'
import { findSignatureRow } from '../../src/features/declarations/signatures.repo.ts'
import { findOrganisationByCode } from '../../src/features/organisations/index.ts'
import { JOINT_SIGNING_DAY } from './demo-people.data.ts'
import { OTMB_CODE, OTMB_PARTY_CODES } from './otmb.ts'

const DECLINED = 'kommun-0512' // Ydre
const IN_PREPARATION = 'kommun-0563' // Valdemarsvik
const CONVENORS = ['lansstyrelsen-05', 'polisomrade-ostergotland']
const PLACE = 'Linköpings slott'
const DRAFT_DATE = '2026-11-16'

/** Who each kind of party is asked to send, and (as example roles) who came. */
function invitation(code: string) {
  if (code.startsWith('kommun-')) {
    return {
      level: 'kommunstyrelsens ordförande och representant på ledningsnivå',
      meeting: 'Kommunstyrelsens ordförande och kommundirektör (exempel)',
      signing: 'Kommunstyrelsens ordförande (exempel)',
    }
  }
  if (CONVENORS.includes(code))
    return { level: 'värd (sammankallande part)', meeting: 'Värd för mötet (exempel)', signing: 'Värd för undertecknandet (exempel)' }
  return {
    level: 'representant på ledningsnivå',
    meeting: 'Representant på ledningsnivå (exempel)',
    signing: 'Myndighetens eller organisationens chef (exempel)',
  }
}

function answerOf(code: string, event: 'meeting' | 'signing', id: string, answeredOn: string) {
  const inv = invitation(code)
  const answer: JointEventAnswer = code === DECLINED ? 'declines' : code === IN_PREPARATION ? 'no_answer' : 'attends'
  return {
    organisationId: id,
    invitedLevel: inv.level || undefined,
    answer,
    attendees: answer === 'attends' ? inv[event] : undefined,
    answeredOn: answer === 'no_answer' ? undefined : answeredOn,
  }
}

export interface DemoJointEvents {
  decisionMeetingId: string
  signingId: string
  /** Rows written (0 on a second run). */
  written: number
}

/** The two joint events with answers, and Valdemarsvik's memo draft. Returns the events' ids. */
export async function loadDemoAdoption(deps: Deps): Promise<DemoJointEvents | undefined> {
  const [c] = await deps.db.select({ id: collaborations.id }).from(collaborations).where(eq(collaborations.code, OTMB_CODE))
  if (!c) return undefined
  const ids = new Map<string, string>()
  for (const code of OTMB_PARTY_CODES) {
    const org = await findOrganisationByCode(deps.db, code)
    if (org) ids.set(code, org.id)
  }
  const answers = (event: 'meeting' | 'signing', on: string) => [...ids].map(([code, id]) => answerOf(code, event, id, on))

  const meeting = await recordJointEvent(deps, {
    collaborationId: c.id,
    kind: 'decision_meeting',
    eventDate: '2022-02-02',
    startTime: '13:00',
    endTime: '15:00',
    place: PLACE,
    invitedLevel: 'kommunstyrelsens ordförande och representant på ledningsnivå',
    note: 'Exempel: Länsstyrelsen och Polismyndigheten presenterar programförklaringen och den länsövergripande strukturen. Kaffe serveras från 12.30.',
    answers: answers('meeting', '2022-01-21'),
    invitation: await invitationDocx(),
  })
  const signing = await recordJointEvent(deps, {
    collaborationId: c.id,
    kind: 'signing',
    eventDate: JOINT_SIGNING_DAY,
    startTime: '10:00',
    endTime: '11:30',
    place: PLACE,
    invitedLevel: 'kommunstyrelsens ordförande eller den som har fått i uppdrag att underteckna',
    note: 'Exempel: parterna undertecknar programförklaringen tillsammans.',
    answers: answers('signing', '2022-03-04'),
  })
  const linked = await linkSignaturesToJointSigning(deps, c.id, signing.id)
  const drafted = await valdemarsvikMemo(deps, c.id, ids.get(IN_PREPARATION))
  const written = Number(meeting.created) + Number(signing.created) + linked + drafted
  return { decisionMeetingId: meeting.id, signingId: signing.id, written }
}

/**
 * The story's signatures (demo-people.ts) were made at the joint signing: those signed on its day
 * and not yet linked to any event point at it. A record a demo user has linked elsewhere is left alone.
 */
async function linkSignaturesToJointSigning(deps: Deps, collaborationId: string, signingId: string): Promise<number> {
  return deps.db.transaction(async (tx) => {
    const linked = await tx
      .update(partySignatures)
      .set({ signedAtEventId: signingId })
      .where(
        and(
          eq(partySignatures.status, 'signed'),
          eq(partySignatures.signedOn, JOINT_SIGNING_DAY),
          isNull(partySignatures.signedAtEventId),
          inArray(
            partySignatures.declarationVersionId,
            tx.select({ id: declarationVersions.id }).from(declarationVersions).where(eq(declarationVersions.collaborationId, collaborationId)),
          ),
        ),
      )
      .returning({ id: partySignatures.id, organisationId: partySignatures.organisationId })
    if (linked.length) {
      await audit(
        tx,
        { actor: { label: 'system:demo' } },
        {
          action: 'joint_event.signatures_linked',
          entityType: 'joint_event',
          entityId: signingId,
          after: { signatures: linked.map((l) => l.id), organisations: linked.map((l) => l.organisationId) },
        },
      )
    }
    return linked.length
  })
}

/** An example invitation letter, so the memo's Beslutsunderlag has its Bilaga 2. */
async function invitationDocx(): Promise<CheckedFile | undefined> {
  const data = await swedishDocx(
    { title: 'Inbjudan till gemensamt beslutsmöte', creator: 'Länsstyrelsen Östergötland', created: new Date('2021-12-15T09:00:00Z') },
    [
      {
        children: [
          headingParagraph('Inbjudan till gemensamt beslutsmöte – Östergötland tillsammans mot brott', 1),
          ...textParagraphs(
            [
              'Exempeldokument i demoläget.',
              'Länsstyrelsen Östergötland bjuder in kommunstyrelsens ordförande och en representant på ledningsnivå från varje kommun, och en representant på ledningsnivå från övriga parter, till ett gemensamt beslutsmöte om programförklaringen för Östergötland tillsammans mot brott.',
              'Tid: onsdag den 2 februari 2022 kl. 13.00–15.00\nPlats: Linköpings slott',
              'Svara senast den 21 januari 2022.',
            ].join('\n\n'),
          ),
        ],
      },
    ],
  )
  const checked = await checkUpload({ filename: 'Inbjudan gemensamt beslutsmöte 2022-02-02 (exempel).docx', data, truncated: false })
  return checked.ok ? checked.file : undefined
}

/** Valdemarsvik's tjänsteskrivelse as an official would leave it half-way: the data's text, some of their own. */
async function valdemarsvikMemo(deps: Deps, collaborationId: string, organisationId: string | undefined): Promise<number> {
  if (!organisationId) return 0
  const [row] = await deps.db
    .select({ id: partySignatures.id })
    .from(partySignatures)
    .innerJoin(declarationVersions, eq(declarationVersions.id, partySignatures.declarationVersionId))
    .where(and(eq(declarationVersions.collaborationId, collaborationId), eq(partySignatures.organisationId, organisationId)))
  if (!row || (await findMemoDraft(deps.db, row.id))) return 0
  const signature = (await findSignatureRow(deps.db, row.id))!
  const defaults = await memoDefaults(deps, undefined, signature)
  const fields = {
    ...defaults,
    date: DRAFT_DATE,
    // The memo's own line in Beslutsunderlag carries its date.
    basis: defaults.basis.replace(`, ${defaults.date}`, `, ${DRAFT_DATE}`),
    caseNumber: defaults.caseNumber || 'KS 2026/0147 (exempel)',
    officialTitle: 'Säkerhetssamordnare',
    goals: 'Exempel: Valdemarsvik ska vara en trygg kommun att bo, leva och verka i.',
    consultation: 'Exempel: Ärendet har stämts av med kommunens trygghetsråd.',
  }
  await deps.db.transaction(async (tx) => {
    const saved = await upsertMemoDraft(tx, row.id, { ...fields }, null)
    await audit(
      tx,
      { actor: { label: 'system:demo' } },
      { action: 'memo.draft_saved', entityType: 'party_signature', entityId: row.id, organisationId, after: saved.fields },
    )
  })
  return 1
}
