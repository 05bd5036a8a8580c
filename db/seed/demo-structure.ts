/**
 * Demo mode: Linköping's and Norrköping's own lednings- och samordningsmodell (issue 6 D10, F19),
 * marked as example data. The people are invented; the roles follow the tjänsteskrivelse's
 * Kommunledningsförvaltningen. Insert-if-missing: a model that exists (the demo's own, or one a
 * municipality has written) is left as it is, so a restart writes nothing.
 */
import { sql } from 'drizzle-orm'
import { audit } from '../../src/platform/audit/audit.ts'
import type { Deps } from '../../src/platform/deps.ts'
import { findOrganisationByCode } from '../../src/features/organisations/index.ts'
import { type MunicipalBodyKind, municipalBodies, municipalModels } from '../../src/features/municipal-models/municipal-models.tables.ts'

interface BodySpec {
  key: string
  kind: MunicipalBodyKind
  name: string
  purpose: string
  chair: string
  members: string
  meetingRhythm: string
  reportsTo?: string
}

interface ModelSpec {
  code: string
  description: string
  coordinationRole: string
  coordinationPerson: string
  coordinationSince: string
  bodies: BodySpec[]
}

const MODELS: ModelSpec[] = [
  {
    code: 'kommun-0580',
    description:
      'Exempel: Linköpings kommuns lednings- och samordningsmodell strukturerar kommunens insatser mot segregation och för trygghet och brottsförebyggande arbete, och gör det tydligt hur kommunen kompletterar polisens och andra aktörers arbete.\n\nLedningsgruppen prioriterar, trygghetsrådet samlar kommunens förvaltningar och polisen kring lägesbilden.',
    coordinationRole: 'Säkerhetsstrateg, Kommunledningsförvaltningen',
    coordinationPerson: 'Sara Strateg (exempel)',
    coordinationSince: '2023-07-01',
    bodies: [
      {
        key: 'lg',
        kind: 'management_group',
        name: 'Ledningsgrupp för trygghet och brottsförebyggande arbete',
        purpose: 'Prioriterar kommunens trygghetsskapande och brottsförebyggande insatser och följer upp dem.',
        chair: 'Kommundirektören',
        members: 'Förvaltningschefer, säkerhetschef',
        meetingRhythm: 'Fyra gånger per år',
      },
      {
        key: 'tr',
        kind: 'safety_council',
        name: 'Trygghetsrådet',
        purpose: 'Samlar förvaltningarna, de kommunala bolagen och polisen kring en gemensam lägesbild och gemensamma åtgärder.',
        chair: 'Säkerhetsstrateg, Kommunledningsförvaltningen',
        members: 'Representanter för förvaltningar och bolag, lokalpolisområdet',
        meetingRhythm: 'Varannan månad',
        reportsTo: 'lg',
      },
    ],
  },
  {
    code: 'kommun-0581',
    description: 'Exempel: Norrköpings kommun samordnar det brottsförebyggande arbetet i ett lokalt brottsförebyggande råd.',
    coordinationRole: 'Brottsförebyggande samordnare, Kommunstyrelsens kontor',
    coordinationPerson: 'Nora Samordnare (exempel)',
    coordinationSince: '2023-07-01',
    bodies: [
      {
        key: 'bra',
        kind: 'local_bra',
        name: 'Lokalt brottsförebyggande råd',
        purpose: 'Tar fram lägesbilden och föreslår insatser.',
        chair: 'Kommunstyrelsens ordförande',
        members: 'Förvaltningschefer, lokalpolisområdeschef',
        meetingRhythm: 'Två gånger per termin',
      },
    ],
  },
]

/** Writes the demo models that are missing; returns how many it wrote. */
export async function loadDemoStructure(deps: Deps): Promise<number> {
  let written = 0
  for (const spec of MODELS) {
    const org = await findOrganisationByCode(deps.db, spec.code)
    if (!org) throw new Error(`Demo data needs organisation ${spec.code}; load the reference data first`)
    written += await deps.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext('seed_demo_structure'))`)
      const [model] = await tx
        .insert(municipalModels)
        .values({
          organisationId: org.id,
          description: spec.description,
          coordinationRole: spec.coordinationRole,
          coordinationPerson: spec.coordinationPerson,
          coordinationSince: spec.coordinationSince,
          isExample: true,
        })
        .onConflictDoNothing()
        .returning()
      if (!model) return 0
      const ids = new Map<string, string>()
      for (const b of spec.bodies) {
        const [row] = await tx
          .insert(municipalBodies)
          .values({
            modelId: model.id,
            kind: b.kind,
            name: b.name,
            purpose: b.purpose,
            chair: b.chair,
            members: b.members,
            meetingRhythm: b.meetingRhythm,
            parentId: b.reportsTo ? ids.get(b.reportsTo) : null,
          })
          .returning({ id: municipalBodies.id })
        ids.set(b.key, row.id)
      }
      await audit(
        tx,
        { actor: { label: 'system:demo' } },
        {
          action: 'municipal_model.created',
          entityType: 'municipal_model',
          entityId: model.id,
          organisationId: org.id,
          after: { ...model, bodies: spec.bodies.length },
        },
      )
      return 1
    })
  }
  return written
}
