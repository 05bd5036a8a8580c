/**
 * Demo mode: the points of Brå's work process that users tick by hand (issue 10 §2), invented but
 * plausible. The points the platform sees for itself (lägesbild, SÖ, åtgärdsplan, ML, follow-up) come
 * from demo-plans.ts and demo-situation-reports.ts. Linköping and LPO Linköping have come far: a joint
 * decision in September 2022, their own lägesbilder, staff and citizen dialogues, follow-up reported to
 * the styrgrupp. Norrköping is part way; Motala and Finspång have only the joint decision; the others
 * nothing yet. work_process_checks has no example flag: every note says "Exempel".
 *
 * Dates follow the seeding day by a fixed rule where they are after 2022 (as demo-plans.ts), so the
 * story reads the same whenever it is seeded. Insert-if-missing per pair.
 */
import { and, eq, sql } from 'drizzle-orm'
import { audit } from '../../src/platform/audit/audit.ts'
import { queryRows } from '../../src/platform/db/query-rows.ts'
import type { Deps } from '../../src/platform/deps.ts'
import { formatIsoDate } from '../../src/platform/i18n/format.ts'
import { findOrganisationByCode } from '../../src/features/organisations/index.ts'
import type { WorkProcessCheckState } from '../../src/features/work-process/work-process.tables.ts'
import { workProcessChecks } from '../../src/features/work-process/work-process.tables.ts'

interface DemoCheck {
  key: string
  state: WorkProcessCheckState
  doneOn?: string
  evidenceUrl?: (ids: { municipalityId: string }) => string
  note: string
}

function demoChecks(year: number): Record<string, DemoCheck[]> {
  return {
    'kommun-0580': [
      {
        key: 'joint-decision',
        state: 'done',
        doneOn: '2022-09-13',
        note: 'Exempel: kommunstyrelsen 2022-09-13 § 312 och polisområdets ledningsgrupp 2022-09-15 beslutade att arbeta enligt Brås arbetsprocess.',
      },
      {
        key: 'roles-mandates',
        state: 'done',
        doneOn: '2022-11-08',
        evidenceUrl: ({ municipalityId }) => `/organisations/${municipalityId}/structure`,
        note: 'Exempel: säkerhetsstrategen samordnar, kommunpolisen leder polisens del; mandaten står i kommunens struktur.',
      },
      {
        key: 'police-situation-report',
        state: 'done',
        doneOn: `${year - 1}-09-30`,
        note: 'Exempel: LPO Linköpings lokala lägesbild, delvis sekretessbelagd.',
      },
      {
        key: 'staff-dialogues',
        state: 'done',
        doneOn: `${year - 1}-05-17`,
        note: 'Exempel: medarbetardialoger med fältassistenter, skolor, socialtjänst och kommunpoliser i Skäggetorp och Ryd.',
      },
      {
        key: 'citizen-dialogues',
        state: 'done',
        doneOn: `${year - 2}-10-12`,
        note: 'Exempel: medborgardialoger i Skäggetorp och Ryd hösten före medborgarlöftet, 140 deltagare.',
      },
      {
        key: 'results-followed-up',
        state: 'open',
        note: 'Exempel: produktion och process följs upp varje tertial; effekten mäts med nästa medborgarenkät.',
      },
      {
        key: 'reported-to-steering-group',
        state: 'done',
        doneOn: `${year - 1}-12-05`,
        note: 'Exempel: uppföljningen redovisades för styrgruppen i december.',
      },
    ],
    'kommun-0581': [
      {
        key: 'joint-decision',
        state: 'done',
        doneOn: '2022-10-04',
        note: 'Exempel: kommunstyrelsen 2022-10-04 § 255 tillsammans med LPO Norrköping.',
      },
      { key: 'roles-mandates', state: 'done', doneOn: '2023-01-20', note: 'Exempel: trygghetssamordnaren och kommunpolisen leder arbetet.' },
      { key: 'police-situation-report', state: 'done', doneOn: `${year - 1}-11-15`, note: 'Exempel: LPO Norrköpings lägesbild för kommunen.' },
      { key: 'staff-dialogues', state: 'open', note: 'Exempel: planeras till våren.' },
    ],
    'kommun-0583': [{ key: 'joint-decision', state: 'done', doneOn: '2023-02-07', note: 'Exempel: kommunstyrelsen 2023-02-07 § 18.' }],
    'kommun-0562': [{ key: 'joint-decision', state: 'done', doneOn: '2023-03-14', note: 'Exempel: kommunstyrelsen 2023-03-14 § 41.' }],
  }
}

export async function loadDemoWorkProcess(deps: Deps, today = formatIsoDate(new Date())): Promise<number> {
  const year = Number(today.slice(0, 4))
  let written = 0
  for (const [code, checks] of Object.entries(demoChecks(year))) {
    const org = await findOrganisationByCode(deps.db, code)
    if (!org?.municipalityCode) throw new Error(`Demo data needs ${code}; load the reference data first`)
    const [area] = await queryRows<{ id: string }>(
      deps.db,
      sql`select police_area_id as id from municipality_police_areas
          where municipality_code = ${org.municipalityCode} and valid_to is null order by valid_from desc limit 1`,
    )
    if (!area) throw new Error(`Demo data needs the LPO of ${code}`)
    written += await deps.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext('seed_demo_work_process'))`)
      const existing = await tx
        .select({ id: workProcessChecks.id })
        .from(workProcessChecks)
        .where(and(eq(workProcessChecks.municipalityId, org.id), eq(workProcessChecks.policeAreaId, area.id)))
        .limit(1)
      if (existing.length) return 0
      const rows = await tx
        .insert(workProcessChecks)
        .values(
          checks.map((c) => ({
            municipalityId: org.id,
            policeAreaId: area.id,
            checkKey: c.key,
            state: c.state,
            doneOn: c.state === 'done' ? (c.doneOn ?? null) : null,
            evidenceUrl: c.evidenceUrl?.({ municipalityId: org.id }) ?? null,
            note: c.note,
          })),
        )
        .returning()
      for (const row of rows) {
        await audit(
          tx,
          { actor: { label: 'system:demo' } },
          { action: 'work_process_check.created', entityType: 'work_process_check', entityId: row.id, organisationId: org.id, after: row },
        )
      }
      return rows.length
    })
  }
  return written
}
