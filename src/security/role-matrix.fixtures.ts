import { createHash, randomBytes } from 'node:crypto'
import { sql } from 'drizzle-orm'
import type { FastifyInstance } from 'fastify'
import { roleGrants } from '../features/accounts/accounts.tables.ts'
import { apiTokens } from '../features/api-tokens/api-tokens.tables.ts'
import { bodies, bodyConvenors, people, seats } from '../features/bodies/bodies.tables.ts'
import { collaborationParties, collaborations } from '../features/collaborations/collaborations.tables.ts'
import { complianceRules } from '../features/compliance/compliance.tables.ts'
import { declarationVersions, jointEventParties, jointEvents, partySignatures, signatureAttachments } from '../features/declarations/declarations.tables.ts'
import {
  actionItems,
  agendaItems,
  attendance,
  meetingDecisions,
  meetingDistribution,
  meetingJusterare,
  meetings,
} from '../features/meetings/meetings.tables.ts'
import { municipalBodies, municipalModels } from '../features/municipal-models/municipal-models.tables.ts'
import type { Role } from '../platform/http/actor.ts'
import { queryRows } from '../platform/db/query-rows.ts'
import type { Deps } from '../platform/deps.ts'
import { one, orgId } from './role-matrix.helpers.ts'
import { files } from '../platform/files/files.tables.ts'
import { backgroundTasks } from '../platform/jobs/tasks.tables.ts'
import { TestBrowser } from '../test-support/browser.ts'
import { buildFollowUpFixtures } from './role-matrix.fixtures.follow-up.ts'
import { buildUser } from '../test-support/factories.ts'

/**
 * The records and the people of the role × record matrix (issue 7 B11), built once per test file.
 *
 * County A is Östergötland: a collaboration owned by Länsstyrelsen Östergötland with Linköping (the
 * "own" party), Norrköping (the "other" party) and Söderköping (a party the matrix removes) as
 * parties, a body with a convenor, a seat, a person, a held meeting with agenda, minutes, a §,
 * an action item, a distribution entry and a justerare, a declaration version with signatures and
 * an attachment, a joint event, Linköping's municipal model and compliance rules. Every record
 * belongs to Linköping where a party owns it. County B is Stockholm: its coordinator works there.
 *
 * "Own party" and "other party" are the same records seen by actors of two parties of the same
 * collaboration: Linköping's editor, reporter and reader act on Linköping's records (their own),
 * Norrköping's act on Linköping's records (another party's). That is the same question as one
 * actor on two parties' records, and keeps one URL per route.
 *
 * The reader of Linköping is the justerare of the meeting (their e-mail is the person's), so the one
 * cell that may confirm the justering is a reader's.
 */

export const COLUMNS = [
  'admin',
  'coordinatorOwnCounty',
  'coordinatorOtherCounty',
  'editorOwn',
  'editorOther',
  'reporterOwn',
  'reporterOther',
  'readerOwn',
  'readerOther',
  'tokenRead',
  'tokenWrite',
  'anonymous',
] as const
export type Column = (typeof COLUMNS)[number]

/** How an actor reaches the app: a signed-in browser, a bearer token, or nothing. */
export type Client = { kind: 'session'; browser: TestBrowser } | { kind: 'token'; secret: string } | { kind: 'anonymous' }

export interface Fixtures {
  collaborationId: string
  collaborationCode: string
  ownPartyId: string
  otherPartyId: string
  ownerId: string
  /** The collaboration_parties row of Söderköping (the party the matrix removes). */
  removablePartyRowId: string
  bodyId: string
  convenorId: string
  personId: string
  seatId: string
  meetingId: string
  /** A planned meeting of the same body: the one whose agenda and attendance are edited. */
  plannedMeetingId: string
  agendaItemId: string
  decisionId: string
  actionItemId: string
  distributionId: string
  versionId: string
  signatureId: string
  fileId: string
  jointEventId: string
  ruleId: string
  municipalBodyId: string
  /** Linköping's medborgarlöfte with its LPO (visible to the collaboration's parties), a promise, and last month. */
  planId: string
  planItemId: string
  periodKey: string
  /** The tertial running now: the summaries' period. */
  tertialKey: string
  /** A published, public medborgarlöfte (the public pages). */
  publicPlanId: string
  /** Linköping's lägesbild, a draft shared with the county's parties. */
  reportId: string
  /** The collaboration's yearly report, a draft for the partners (issue 10 §4). */
  yearlyReportId: string
  /** LPO Linköping: with Linköping, the work process's pair (issue 10). */
  policeAreaId: string
  /** support-activities (issue 10): an advice session of the owning länsstyrelse for Linköping (the own party). */
  supportActivityId: string
  /** A survey of the owning länsstyrelse for the county's parties (visibility partners), with answers for Linköping. */
  surveyId: string
  /** A method proposed by the own party (issue 10), and a measure of the own party's åtgärdsplan to link to it. */
  methodId: string
  measureId: string
  /** A background task (a survey import) started by the own party's editor: only they and the admin see it. */
  taskId: string
  /** A user of the own party that administrators look at, and one of their grants. */
  targetUserId: string
  targetGrantId: string
  /** The reader of the own party: the justerare, and the owner of the calendar feed. */
  readerOwnUserId: string
  tokenId: string
  /** The audit event of the target user's creation: a record of the own party. */
  auditSeq: string
  clients: Record<Column, Client>
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex')

/** A token for a user with the given scopes; the secret is returned (only its hash is stored). */
export async function insertToken(deps: Deps, userId: string, scopes: ('read' | 'write')[]): Promise<{ id: string; secret: string }> {
  const secret = `tm_${randomBytes(24).toString('hex')}`
  const row = await one(
    deps.db
      .insert(apiTokens)
      .values({ name: `matrix ${scopes.join('+')}`, tokenHash: sha256(secret), userId, createdBy: userId, scopes })
      .returning(),
  )
  return { id: row.id, secret }
}

/** A fresh grant of the target user, for the cells that delete one. */
export async function freshGrant(deps: Deps, fx: Fixtures): Promise<string> {
  // One grant per user, organisation and role: a refused cell leaves the previous one standing.
  await deps.db.execute(sql`delete from role_grants where user_id = ${fx.targetUserId} and role = 'reporter'`)
  return (await one(deps.db.insert(roleGrants).values({ userId: fx.targetUserId, organisationId: fx.ownPartyId, role: 'reporter' }).returning())).id
}
export async function freshMunicipalBody(deps: Deps, fx: Fixtures): Promise<string> {
  const [model] = await queryRows<{ id: string }>(deps.db, sql`select id from municipal_models where organisation_id = ${fx.ownPartyId}`)
  return (await one(deps.db.insert(municipalBodies).values({ modelId: model.id, kind: 'other', name: 'Trygghetsråd (matrix)' }).returning())).id
}
export async function freshConvenor(deps: Deps, fx: Fixtures): Promise<string> {
  return (
    await one(
      deps.db.insert(bodyConvenors).values({ bodyId: fx.bodyId, organisationId: fx.ownerId, validFrom: '2010-01-01', validTo: '2010-12-31' }).returning(),
    )
  ).id
}
export async function freshAgendaItem(deps: Deps, fx: Fixtures): Promise<string> {
  return (await one(deps.db.insert(agendaItems).values({ meetingId: fx.plannedMeetingId, position: 90, title: 'Övrigt (matrix)' }).returning())).id
}
export async function freshDistribution(deps: Deps, fx: Fixtures): Promise<string> {
  return (await one(deps.db.insert(meetingDistribution).values({ meetingId: fx.meetingId, recipient: 'Kommunstyrelsen (matrix)' }).returning())).id
}
export async function freshToken(deps: Deps, fx: Fixtures): Promise<string> {
  return (await insertToken(deps, fx.targetUserId, ['read'])).id
}

export async function buildMatrixFixtures(deps: Deps, app: FastifyInstance): Promise<Fixtures> {
  const owner = await orgId(deps, 'lansstyrelsen-05')
  const own = await orgId(deps, 'kommun-0580')
  const other = await orgId(deps, 'kommun-0581')
  const removable = await orgId(deps, 'kommun-0582')

  const users: Record<string, { id: string; email: string; password: string }> = {}
  const user = async (key: string, role: Role, organisationCode: string) => {
    users[key] = await buildUser(deps, { role, organisationCode })
  }
  await user('admin', 'admin', 'lansstyrelsen-05')
  await user('coordinatorOwnCounty', 'coordinator', 'lansstyrelsen-05')
  await user('coordinatorOtherCounty', 'coordinator', 'lansstyrelsen-01')
  await user('editorOwn', 'editor', 'kommun-0580')
  await user('editorOther', 'editor', 'kommun-0581')
  await user('reporterOwn', 'reporter', 'kommun-0580')
  await user('reporterOther', 'reporter', 'kommun-0581')
  await user('readerOwn', 'viewer', 'kommun-0580')
  await user('readerOther', 'viewer', 'kommun-0581')
  await user('target', 'editor', 'kommun-0580')
  const [targetGrant] = await queryRows<{ id: string }>(deps.db, sql`select id from role_grants where user_id = ${users.target.id}`)
  const [targetAudit] = await queryRows<{ seq: string }>(
    deps.db,
    sql`select seq::text as seq from audit_events where entity_id = ${users.target.id} order by seq limit 1`,
  )

  const c = await one(
    deps.db
      .insert(collaborations)
      .values({
        code: `matrix-${randomBytes(4).toString('hex')}`,
        name: 'Östergötland tillsammans mot brott (matris)',
        shortName: 'ÖTMB',
        countyCode: '05',
        periodStart: '2022-01-01',
        periodEnd: '2027-12-31',
        organisationId: owner,
      })
      .returning(),
  )
  const partyRows = await deps.db
    .insert(collaborationParties)
    .values(
      [owner, own, other, removable].map((organisationId) => ({
        collaborationId: c.id,
        organisationId,
        isConvenor: organisationId === owner,
        joinedOn: '2022-01-01',
      })),
    )
    .returning()
  const body = await one(
    deps.db
      .insert(bodies)
      .values({ collaborationId: c.id, kind: 'steering', name: 'Styrgrupp (matris)', organisationId: owner, visibility: 'partners' })
      .returning(),
  )
  const convenor = await one(deps.db.insert(bodyConvenors).values({ bodyId: body.id, organisationId: owner, validFrom: '2017-01-01' }).returning())
  const person = await one(
    deps.db.insert(people).values({ name: 'Anna Justerare', organisationId: own, title: 'Kommundirektör', email: users.readerOwn.email }).returning(),
  )
  const seat = await one(
    deps.db
      .insert(seats)
      .values({ bodyId: body.id, personId: person.id, organisationId: own, level: 'chief', validFrom: '2022-01-01', visibility: 'partners' })
      .returning(),
  )

  // A meeting held last week (minutes, a §, its justerare asked to justera) and one planned next month.
  const startsAt = new Date(Date.now() - 7 * 86_400_000)
  startsAt.setUTCHours(9, 0, 0, 0)
  const meeting = await one(
    deps.db
      .insert(meetings)
      .values({
        bodyId: body.id,
        title: 'Styrgruppsmöte',
        startsAt,
        endsAt: new Date(startsAt.getTime() + 7_200_000),
        status: 'held',
        minutesText: 'Mötet öppnades.',
        justeringRequestedAt: new Date(),
      })
      .returning(),
  )
  const plannedStart = new Date(Date.now() + 30 * 86_400_000)
  plannedStart.setUTCHours(9, 0, 0, 0)
  const planned = await one(
    deps.db
      .insert(meetings)
      .values({ bodyId: body.id, title: 'Nästa möte', startsAt: plannedStart, endsAt: new Date(plannedStart.getTime() + 7_200_000), status: 'planned' })
      .returning(),
  )
  await deps.db.insert(attendance).values({ meetingId: meeting.id, seatId: seat.id, status: 'present', minutesContributed: 120 })
  const file = await one(
    deps.db
      .insert(files)
      .values({ organisationId: own, filename: 'beslut.pdf', contentType: 'application/pdf', size: 4, sha256: sha256('%PDF'), data: Buffer.from('%PDF') })
      .returning(),
  )
  const agendaItem = await one(deps.db.insert(agendaItems).values({ meetingId: meeting.id, position: 1, title: 'Lägesbild', fileId: file.id }).returning())
  await deps.db.insert(agendaItems).values({ meetingId: planned.id, position: 1, title: 'Lägesbild' })
  const decision = await one(
    deps.db
      .insert(meetingDecisions)
      .values({ meetingId: meeting.id, bodyId: body.id, year: startsAt.getUTCFullYear(), paragraph: 1, title: 'Lägesbild', decisionText: 'Godkänns.' })
      .returning(),
  )
  const actionItem = await one(
    deps.db.insert(actionItems).values({ meetingId: meeting.id, bodyId: body.id, title: 'Ta fram lägesbild', ownerPersonId: person.id }).returning(),
  )
  const distribution = await one(
    deps.db.insert(meetingDistribution).values({ meetingId: meeting.id, organisationId: own, recipient: 'Kommunstyrelsen' }).returning(),
  )
  await deps.db.insert(meetingJusterare).values({ meetingId: meeting.id, seatId: seat.id, personId: person.id, name: person.name, position: 1 })

  const version = await one(
    deps.db
      .insert(declarationVersions)
      .values({ collaborationId: c.id, versionNo: 1, title: 'Programförklaring (matris)', bodyText: 'Parterna samverkar.' })
      .returning(),
  )
  const signatures = await deps.db
    .insert(partySignatures)
    .values([owner, own, other].map((organisationId) => ({ declarationVersionId: version.id, organisationId, invitedOn: '2022-01-10' })))
    .returning()
  const ownSignature = signatures.find((s) => s.organisationId === own)!
  await deps.db.insert(signatureAttachments).values({ partySignatureId: ownSignature.id, fileId: file.id, description: 'Beslut' })

  const event = await one(
    deps.db
      .insert(jointEvents)
      .values({ collaborationId: c.id, kind: 'signing', eventDate: '2027-03-01', place: 'Residenset', organisationId: owner })
      .returning(),
  )
  await deps.db.insert(jointEventParties).values([own, other].map((organisationId) => ({ jointEventId: event.id, organisationId })))

  const [rule] = await deps.db
    .insert(complianceRules)
    .values([
      { collaborationId: c.id, kind: 'steering_chief', deadlineMode: 'immediate' },
      { collaborationId: c.id, kind: 'working_group_official', partyKinds: ['municipality'] },
    ])
    .returning()

  const model = await one(deps.db.insert(municipalModels).values({ organisationId: own, description: 'Linköpings modell' }).returning())
  const municipalBody = await one(deps.db.insert(municipalBodies).values({ modelId: model.id, kind: 'local_bra', name: 'Lokalt BRÅ' }).returning())
  const followUp = await buildFollowUpFixtures(deps, { collaborationId: c.id, own, owner })

  const read = await insertToken(deps, users.editorOwn.id, ['read'])
  const write = await insertToken(deps, users.editorOwn.id, ['read', 'write'])
  const target = await insertToken(deps, users.target.id, ['read'])

  const clients = {} as Record<Column, Client>
  for (const col of COLUMNS) {
    if (col === 'tokenRead') clients[col] = { kind: 'token', secret: read.secret }
    else if (col === 'tokenWrite') clients[col] = { kind: 'token', secret: write.secret }
    else if (col === 'anonymous') clients[col] = { kind: 'anonymous' }
    else {
      const browser = new TestBrowser(app)
      await browser.login(users[col].email, users[col].password)
      clients[col] = { kind: 'session', browser }
    }
  }

  return {
    collaborationId: c.id,
    collaborationCode: c.code,
    ownPartyId: own,
    otherPartyId: other,
    ownerId: owner,
    removablePartyRowId: partyRows.find((p) => p.organisationId === removable)!.id,
    bodyId: body.id,
    convenorId: convenor.id,
    personId: person.id,
    seatId: seat.id,
    meetingId: meeting.id,
    plannedMeetingId: planned.id,
    agendaItemId: agendaItem.id,
    decisionId: decision.id,
    actionItemId: actionItem.id,
    distributionId: distribution.id,
    versionId: version.id,
    signatureId: ownSignature.id,
    fileId: file.id,
    jointEventId: event.id,
    ruleId: rule.id,
    municipalBodyId: municipalBody.id,
    ...followUp,
    taskId: (
      await one(
        deps.db.insert(backgroundTasks).values({ kind: 'survey.import', title: 'Enkät – fil.csv', createdBy: users.editorOwn.id, status: 'done' }).returning(),
      )
    ).id,
    targetUserId: users.target.id,
    targetGrantId: targetGrant.id,
    readerOwnUserId: users.readerOwn.id,
    tokenId: target.id,
    auditSeq: targetAudit.seq,
    clients,
  }
}
