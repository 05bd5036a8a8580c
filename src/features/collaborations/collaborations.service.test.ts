import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { sql } from 'drizzle-orm'
import { loadOtmb } from '../../../db/seed/otmb.ts'
import { queryRows } from '../../platform/db/query-rows.ts'
import type { Actor, Role } from '../../platform/http/actor.ts'
import { ForbiddenError, NotFoundError, StaleVersionError } from '../../platform/http/errors.ts'
import { buildTestApp, type TestApp } from '../../test-support/test-app.ts'
import { listBodies } from '../bodies/index.ts'
import { createBody, updateBody } from '../bodies/index.ts'
import { ReportingCycle } from '../bodies/bodies.errors.ts'
import { findOrganisationByCode } from '../organisations/index.ts'
import { listCollaborations } from './collaborations.repo.ts'
import { AlreadyParty, OwnerCannotLeave } from './collaborations.errors.ts'
import { addParty, collaborationOverview, removeParty, updateCollaboration } from './collaborations.service.ts'
import { collaborationScope } from './collaborations.scope.ts'
import { ANONYMOUS, viewerOf } from './collaborations.visibility.ts'

let t: TestApp
let otmb: string
const orgIds = new Map<string, string>()

before(async () => {
  t = await buildTestApp()
  otmb = (await queryRows<{ id: string }>(t.deps.db, sql`select id from collaborations where code = 'otmb'`))[0].id
  for (const code of ['lansstyrelsen-05', 'lansstyrelsen-01', 'kommun-0580', 'kommun-0581', 'kommun-0180', 'polisomrade-ostergotland'])
    orgIds.set(code, (await findOrganisationByCode(t.deps.db, code))!.id)
})
after(() => t.close())

const org = (code: string) => orgIds.get(code)!
const actor = (role: Role, code: string): Actor => ({
  userId: '00000000-0000-4000-8000-000000000001',
  email: `${role}@${code}.test`,
  name: role,
  organisationId: org(code),
  organisationName: code,
  roles: [{ role, organisationId: org(code) }],
  via: 'session',
  mustChangePassword: false,
})
const coordinator = () => actor('coordinator', 'lansstyrelsen-05')
const count = async (q: ReturnType<typeof sql>) => Number((await queryRows<{ n: number }>(t.deps.db, q))[0].n)
const auditCount = (action: string) => count(sql`select count(*)::int as n from audit_events where action = ${action}`)

describe('the ÖTMB reference load', () => {
  test('loads the collaboration, its 19 parties with two convenors, four bodies (Regbrå with its beredningsgrupp), the rules and version 1 with an invitation per party', async () => {
    const [c] = await queryRows<Record<string, string>>(
      t.deps.db,
      sql`select c.name, c.short_name, c.county_code, c.period_start::text as ps, c.period_end::text as pe, c.visibility, o.code as owner
            from collaborations c join organisations o on o.id = c.organisation_id where c.id = ${otmb}`,
    )
    assert.deepEqual(c, {
      name: 'Östergötland tillsammans mot brott',
      short_name: 'ÖTMB',
      county_code: '05',
      ps: '2022-01-01',
      pe: '2027-12-31',
      visibility: 'public',
      owner: 'lansstyrelsen-05',
    })
    const parties = await queryRows<{ code: string; is_convenor: boolean }>(
      t.deps.db,
      sql`select o.code, p.is_convenor from collaboration_parties p join organisations o on o.id = p.organisation_id where p.collaboration_id = ${otmb} order by o.code`,
    )
    assert.equal(parties.length, 19)
    assert.equal(parties.filter((p) => p.code.startsWith('kommun-05')).length, 13)
    assert.deepEqual(
      parties.filter((p) => p.is_convenor).map((p) => p.code),
      ['lansstyrelsen-05', 'polisomrade-ostergotland'],
    )
    for (const code of ['region-ostergotland', 'kriminalvarden', 'rtog', 'liu'])
      assert.ok(
        parties.some((p) => p.code === code),
        code,
      )

    const bodies = await queryRows<{ name: string; kind: string; parent: string | null; is_example: boolean }>(
      t.deps.db,
      sql`select b.name, b.kind, p.name as parent, b.is_example from bodies b left join bodies p on p.id = b.parent_body_id where b.collaboration_id = ${otmb} order by b.name`,
    )
    assert.deepEqual(bodies, [
      { name: 'Beredningsgrupp', kind: 'preparation', parent: 'Styrgrupp', is_example: false },
      { name: 'Nätverket Regbrå', kind: 'network', parent: null, is_example: false },
      { name: 'Regbrås beredningsgrupp', kind: 'preparation', parent: 'Nätverket Regbrå', is_example: false },
      { name: 'Styrgrupp', kind: 'steering', parent: null, is_example: false },
    ])
    // Issue 6 B7: Regbrå since 2010, Länsstyrelsen its convenor since 2017 (nobody recorded before).
    const regbra = await queryRows<{ active_from: string; code: string; valid_from: string; valid_to: string | null }>(
      t.deps.db,
      sql`select b.active_from::text, o.code, c.valid_from::text, c.valid_to::text from bodies b join body_convenors c on c.body_id = b.id
            join organisations o on o.id = c.organisation_id where b.collaboration_id = ${otmb} and b.kind = 'network'`,
    )
    assert.deepEqual(regbra, [{ active_from: '2010-01-01', code: 'lansstyrelsen-05', valid_from: '2017-01-01', valid_to: null }])
    const rules = await queryRows<{ kind: string; params: Record<string, number> }>(
      t.deps.db,
      sql`select kind, params from compliance_rules where collaboration_id = ${otmb} order by kind`,
    )
    assert.deepEqual(rules.find((r) => r.kind === 'steering_attendance')?.params, { thresholdPercent: 50, months: 12 })
    assert.equal(rules.length, 3)
    const [v] = await queryRows<{ id: string; title: string; adopted_on: string | null }>(
      t.deps.db,
      sql`select id, title, adopted_on from declaration_versions where collaboration_id = ${otmb} and version_no = 1`,
    )
    assert.equal(v.title, 'Programförklaring Östergötland tillsammans mot brott 2022–2027')
    assert.equal(v.adopted_on, null)
    assert.equal(await count(sql`select count(*)::int as n from party_signatures where declaration_version_id = ${v.id} and status = 'invited'`), 19)
    assert.equal(await auditCount('reference.otmb_loaded'), 1)
  })

  test('a second run changes nothing and audits nothing; a renamed body is not re-created', async () => {
    await t.deps.db.execute(sql`update bodies set name = 'Styrgruppen för ÖTMB' where collaboration_id = ${otmb} and kind = 'steering'`)
    const before = await count(sql`select count(*)::int as n from audit_events`)
    assert.deepEqual(await loadOtmb(t.deps), { collaborationId: otmb, written: 0 })
    assert.equal(await count(sql`select count(*)::int as n from audit_events`), before)
    assert.equal(await count(sql`select count(*)::int as n from bodies where collaboration_id = ${otmb} and kind = 'steering'`), 1)
    await t.deps.db.execute(sql`update bodies set name = 'Styrgrupp' where collaboration_id = ${otmb} and kind = 'steering'`)
  })

  test('an earlier seed’s untouched Regbrå (“since 2017”) is corrected once: 2010, Länsstyrelsen from 2017, its beredningsgrupp', async () => {
    const regbra = sql`(select id from bodies where collaboration_id = ${otmb} and kind = 'network')`
    await t.deps.db.execute(sql`delete from body_convenors where body_id = ${regbra}`)
    await t.deps.db.execute(sql`delete from bodies where parent_body_id = ${regbra}`)
    await t.deps.db.execute(sql`update bodies set active_from = '2017-01-01', version = 1 where id = ${regbra}`)
    assert.ok((await loadOtmb(t.deps)).written > 0)
    assert.equal(await count(sql`select count(*)::int as n from bodies where id = ${regbra} and active_from = '2010-01-01' and version = 2`), 1)
    assert.equal(await count(sql`select count(*)::int as n from body_convenors where body_id = ${regbra} and valid_from = '2017-01-01'`), 1)
    assert.equal(await count(sql`select count(*)::int as n from bodies where parent_body_id = ${regbra} and kind = 'preparation'`), 1)
    assert.equal((await loadOtmb(t.deps)).written, 0, 'a second run writes nothing')
    // A coordinator's own change is history too: removing the period is not undone by the next start.
    await t.deps.db.execute(sql`delete from body_convenors where body_id = ${regbra}`)
    assert.equal((await loadOtmb(t.deps)).written, 0)
    assert.equal(await count(sql`select count(*)::int as n from body_convenors where body_id = ${regbra}`), 0)
    await t.deps.db.execute(sql`insert into body_convenors (body_id, organisation_id, valid_from) values (${regbra}, ${org('lansstyrelsen-05')}, '2017-01-01')`)
  })

  test('demo mode adds three example working groups reporting to the beredningsgrupp, once', async () => {
    const demo = { ...t.deps, config: { ...t.deps.config, demo: true } }
    assert.equal((await loadOtmb(demo)).written, 3)
    assert.equal((await loadOtmb(demo)).written, 0)
    const examples = await queryRows<{ name: string; parent: string; kind: string }>(
      t.deps.db,
      sql`select b.name, p.name as parent, b.kind from bodies b join bodies p on p.id = b.parent_body_id where b.collaboration_id = ${otmb} and b.is_example order by b.name`,
    )
    assert.deepEqual(
      examples.map((e) => e.name),
      ['Arbetsgrupp Trygghet i offentlig miljö (exempel)', 'Arbetsgrupp Unga i riskmiljöer (exempel)', 'Arbetsgrupp Våld i nära relationer (exempel)'],
    )
    assert.ok(examples.every((e) => e.parent === 'Beredningsgrupp' && e.kind === 'working_group'))
    assert.equal(await auditCount('reference.otmb_loaded'), 3)
  })
})

describe('visibility in the queries', () => {
  let partnersBody: string
  let ownBody: string
  before(async () => {
    partnersBody = (await createBody(t.deps, { actor: coordinator() }, otmb, { kind: 'other', name: 'Intern referensgrupp', visibility: 'partners' })).id
    ownBody = (await createBody(t.deps, { actor: coordinator() }, otmb, { kind: 'other', name: 'Länsstyrelsens interna grupp', visibility: 'organisation' })).id
  })
  const visibleIds = async (a: Actor | undefined) => (await listBodies(t.deps.db, a ? viewerOf(a) : ANONYMOUS, otmb)).map((b) => b.id)

  test('partners see partner bodies, the public and other counties do not; only the owner sees its own', async () => {
    for (const [who, a, partners, own] of [
      ['anonymous', undefined, false, false],
      ['viewer at a party', actor('viewer', 'kommun-0581'), true, false],
      ['viewer outside', actor('viewer', 'kommun-0180'), false, false],
      ['coordinator of another county', actor('coordinator', 'lansstyrelsen-01'), false, false],
      ['owner coordinator', coordinator(), true, true],
      ['admin elsewhere', actor('admin', 'kommun-0180'), true, true],
    ] as const) {
      const ids = await visibleIds(a)
      assert.equal(ids.includes(partnersBody), partners, `${who}: partners body`)
      assert.equal(ids.includes(ownBody), own, `${who}: own body`)
      assert.ok(ids.length >= 3, `${who} sees the public bodies`)
    }
  })

  test('a collaboration visible to partners only is not listed for outsiders', async () => {
    await t.deps.db.execute(sql`update collaborations set visibility = 'partners' where id = ${otmb}`)
    try {
      assert.equal((await listCollaborations(t.deps.db, ANONYMOUS)).length, 0)
      assert.equal((await listCollaborations(t.deps.db, viewerOf(actor('viewer', 'kommun-0180')))).length, 0)
      assert.equal((await listCollaborations(t.deps.db, viewerOf(actor('viewer', 'kommun-0580')))).length, 1)
      await assert.rejects(collaborationOverview(t.deps, actor('viewer', 'kommun-0180'), otmb), NotFoundError)
    } finally {
      await t.deps.db.execute(sql`update collaborations set visibility = 'public' where id = ${otmb}`)
    }
  })
})

describe('changes', () => {
  test('only the owning länsstyrelse’s coordinator may edit; a stale version changes nothing', async () => {
    const [c] = await queryRows<{ version: number }>(t.deps.db, sql`select version from collaborations where id = ${otmb}`)
    const input = {
      name: 'Östergötland tillsammans mot brott',
      shortName: 'ÖTMB',
      periodStart: '2022-01-01',
      periodEnd: '2027-12-31',
      purpose: 'Nytt syfte.',
      visibility: 'public' as const,
      version: c.version,
    }
    await assert.rejects(updateCollaboration(t.deps, { actor: actor('editor', 'kommun-0580') }, otmb, input), ForbiddenError)
    await assert.rejects(updateCollaboration(t.deps, { actor: actor('coordinator', 'lansstyrelsen-01') }, otmb, input), ForbiddenError)
    const saved = await updateCollaboration(t.deps, { actor: coordinator() }, otmb, input)
    assert.equal(saved.version, c.version + 1)
    await assert.rejects(updateCollaboration(t.deps, { actor: coordinator() }, otmb, { ...input, purpose: 'Gammal flik' }), StaleVersionError)
    const [now] = await queryRows<{ purpose: string }>(t.deps.db, sql`select purpose from collaborations where id = ${otmb}`)
    assert.equal(now.purpose, 'Nytt syfte.')
  })

  test('a party that leaves is no longer a partner, and can be brought back', async () => {
    const stockholm = org('kommun-0180')
    const { party } = await addParty(t.deps, { actor: coordinator() }, otmb, { organisationId: stockholm, isConvenor: false })
    await assert.rejects(addParty(t.deps, { actor: coordinator() }, otmb, { organisationId: stockholm, isConvenor: false }), AlreadyParty)
    assert.ok((await collaborationScope(t.deps.db, otmb))!.partyIds.includes(stockholm))
    assert.ok(await removeParty(t.deps, { actor: coordinator() }, otmb, party.id))
    assert.equal(await removeParty(t.deps, { actor: coordinator() }, otmb, party.id), undefined, 'leaving twice writes nothing')
    // left_on is today: the party counts until the day it leaves, and not from then on.
    assert.ok(!(await collaborationScope(t.deps.db, otmb))!.partyIds.includes(stockholm))
    const again = await addParty(t.deps, { actor: coordinator() }, otmb, { organisationId: stockholm, isConvenor: true })
    assert.equal(again.party.leftOn, null)
    const owner = (
      await queryRows<{ id: string }>(
        t.deps.db,
        sql`select id from collaboration_parties where collaboration_id = ${otmb} and organisation_id = ${org('lansstyrelsen-05')}`,
      )
    )[0]
    await assert.rejects(removeParty(t.deps, { actor: coordinator() }, otmb, owner.id), OwnerCannotLeave)
    await assert.rejects(removeParty(t.deps, { actor: actor('editor', 'kommun-0580') }, otmb, party.id), ForbiddenError)
  })

  test('a body cannot report to a body below it', async () => {
    const top = await createBody(t.deps, { actor: coordinator() }, otmb, { kind: 'working_group', name: 'Överst', visibility: 'public' })
    const below = await createBody(t.deps, { actor: coordinator() }, otmb, { kind: 'working_group', name: 'Under', visibility: 'public', parentBodyId: top.id })
    const input = { kind: 'working_group' as const, name: 'Överst', visibility: 'public' as const, parentBodyId: below.id, version: top.version }
    await assert.rejects(updateBody(t.deps, { actor: coordinator() }, top.id, input), ReportingCycle)
    await assert.rejects(updateBody(t.deps, { actor: coordinator() }, top.id, { ...input, parentBodyId: top.id }), ReportingCycle)
  })
})
