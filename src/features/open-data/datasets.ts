import type { Deps } from '../../platform/deps.ts'
import { compareSv } from '../../platform/i18n/collate.ts'
import { listPublicCollaborations, publicOverview } from '../collaborations/index.ts'
import { getPublicPromise, listPublicMunicipalities } from '../plans/index.ts'
import { indicatorObservations, surveyEstimates, yearlyReportsSet } from './datasets-statistics.ts'

/**
 * The open data (issue 10 §7): every dataset is read through the owning feature's public functions —
 * the same ones its public pages and API use — so nothing an anonymous visitor cannot see can get in.
 * One definition per dataset feeds the CSV, the JSON, the README and the DCAT catalogue.
 */

export type ColumnType = 'text' | 'integer' | 'decimal' | 'boolean' | 'date' | 'datetime' | 'uuid' | 'url'

export interface Column {
  name: string
  type: ColumnType
  /** Empty in the CSV, null in the JSON, when there is no value. */
  nullable?: boolean
  /** What the column means, in Swedish (the README). */
  sv: string
}

export type Cell = string | number | boolean | null
export type Row = Record<string, Cell>

export const DATASET_KEYS = [
  'collaborations',
  'parties',
  'bodies',
  'citizen-promises',
  'follow-up',
  'indicator-observations',
  'survey-estimates',
  'yearly-reports',
] as const
export type DatasetKey = (typeof DATASET_KEYS)[number]

export interface Dataset {
  key: DatasetKey
  /** Theme in the EU data theme vocabulary (JUST justice and public safety, GOVE government). */
  theme: 'JUST' | 'GOVE'
  columns: Column[]
  /** Where an anonymous visitor sees the records on the site. */
  landingPath: string
  load(deps: Deps): Promise<Row[]>
}

const byCode = (a: { code: string }, b: { code: string }) => compareSv(a.code, b.code)

async function overviews(deps: Deps) {
  const list = await listPublicCollaborations(deps)
  return Promise.all(list.sort(byCode).map((c) => publicOverview(deps, c.code)))
}

async function promisePages(deps: Deps) {
  const { groups } = await listPublicMunicipalities(deps)
  const out = []
  for (const g of groups) for (const plan of g.plans) out.push(await getPublicPromise(deps, plan.id))
  return out
}

const collaborationUrl = (deps: Deps, code: string) => `${deps.config.baseUrl}/public/collaborations/${code}`
const promiseUrl = (deps: Deps, planId: string) => `${deps.config.baseUrl}/public/medborgarloften/${planId}`

const collaborations: Dataset = {
  key: 'collaborations',
  theme: 'JUST',
  landingPath: '/public/collaborations',
  columns: [
    { name: 'id', type: 'uuid', sv: 'Samverkans identitet (UUID), stabil.' },
    { name: 'code', type: 'text', sv: 'Samverkans kortkod, används i webbadressen.' },
    { name: 'name', type: 'text', sv: 'Samverkans namn.' },
    { name: 'short_name', type: 'text', sv: 'Kortnamn, t.ex. ÖTMB.' },
    { name: 'county_code', type: 'text', nullable: true, sv: 'Länskod (två siffror) för det län samverkan gäller.' },
    { name: 'county_name', type: 'text', nullable: true, sv: 'Länets namn.' },
    { name: 'owner', type: 'text', sv: 'Den part som äger uppgifterna (den sammankallande länsstyrelsen).' },
    { name: 'period_start', type: 'date', sv: 'Första dagen som samverkansdeklarationen gäller (ÅÅÅÅ-MM-DD).' },
    { name: 'period_end', type: 'date', sv: 'Sista dagen som samverkansdeklarationen gäller (ÅÅÅÅ-MM-DD).' },
    { name: 'purpose', type: 'text', sv: 'Samverkans syfte, som det står på den publika sidan.' },
    { name: 'declaration_title', type: 'text', nullable: true, sv: 'Titeln på den gällande samverkansdeklarationen, om en finns.' },
    { name: 'url', type: 'url', sv: 'Den publika sidan om samverkan.' },
  ],
  async load(deps) {
    return (await overviews(deps)).map(({ collaboration: c, declarationTitle }) => ({
      id: c.id,
      code: c.code,
      name: c.name,
      short_name: c.shortName,
      county_code: c.countyCode,
      county_name: c.countyName,
      owner: c.ownerName,
      period_start: c.periodStart,
      period_end: c.periodEnd,
      purpose: c.purpose,
      declaration_title: declarationTitle,
      url: collaborationUrl(deps, c.code),
    }))
  },
}

const parties: Dataset = {
  key: 'parties',
  theme: 'GOVE',
  landingPath: '/public/collaborations',
  columns: [
    { name: 'collaboration_id', type: 'uuid', sv: 'Samverkan som parten ingår i (id i datamängden collaborations).' },
    { name: 'collaboration_code', type: 'text', sv: 'Samverkans kortkod.' },
    { name: 'organisation_id', type: 'uuid', sv: 'Partens identitet (UUID).' },
    { name: 'organisation_code', type: 'text', sv: 'Partens kod i plattformen, t.ex. kommun-0580 (kommunkod) eller lansstyrelsen-05.' },
    { name: 'name', type: 'text', sv: 'Partens namn.' },
    {
      name: 'kind',
      type: 'text',
      sv: 'Typ av part: county_board (länsstyrelse), police (Polisen), municipality (kommun), region, state_agency (statlig myndighet), municipal_federation (kommunalförbund), university (lärosäte), other (annan).',
    },
    { name: 'is_convenor', type: 'boolean', sv: 'true om parten är sammankallande (leder samverkan), annars false.' },
    { name: 'joined_on', type: 'date', nullable: true, sv: 'Dagen parten gick med, om den är känd.' },
    {
      name: 'signing_status',
      type: 'text',
      nullable: true,
      sv: 'Partens status för den gällande deklarationen: invited (inbjuden), in_preparation (under beredning), decided (beslutat), signed (undertecknat), declined (avböjt), withdrawn (återkallat).',
    },
    { name: 'signed_on', type: 'date', nullable: true, sv: 'Dagen parten undertecknade, om den har gjort det.' },
    { name: 'url', type: 'url', sv: 'Den publika sidan om samverkan, där parten visas.' },
  ],
  async load(deps) {
    return (await overviews(deps)).flatMap(({ collaboration: c, parties: list }) =>
      list.map((p) => ({
        collaboration_id: c.id,
        collaboration_code: c.code,
        organisation_id: p.organisationId,
        organisation_code: p.code,
        name: p.name,
        kind: p.kind,
        is_convenor: p.isConvenor,
        joined_on: p.joinedOn,
        signing_status: p.signing?.status ?? null,
        signed_on: p.signing?.signedOn ?? null,
        url: collaborationUrl(deps, c.code),
      })),
    )
  },
}

const bodies: Dataset = {
  key: 'bodies',
  theme: 'GOVE',
  landingPath: '/public/collaborations',
  columns: [
    { name: 'id', type: 'uuid', sv: 'Organets identitet (UUID).' },
    { name: 'collaboration_id', type: 'uuid', sv: 'Samverkan som organet hör till.' },
    { name: 'collaboration_code', type: 'text', sv: 'Samverkans kortkod.' },
    {
      name: 'kind',
      type: 'text',
      sv: 'Typ av organ: steering (styrgrupp), preparation (beredningsgrupp), working_group (arbetsgrupp), network (nätverk), local_council (lokalt brottsförebyggande råd), other (annat).',
    },
    { name: 'name', type: 'text', sv: 'Organets namn.' },
    { name: 'theme', type: 'text', nullable: true, sv: 'Organets tema, om det har ett.' },
    { name: 'mandate', type: 'text', sv: 'Organets uppdrag.' },
    {
      name: 'parent_body_id',
      type: 'uuid',
      nullable: true,
      sv: 'Det organ som organet rapporterar till (id i samma datamängd), om något. Bara publika organ finns med.',
    },
    { name: 'active_from', type: 'date', nullable: true, sv: 'Dagen organet började, om den är känd.' },
    { name: 'active_to', type: 'date', nullable: true, sv: 'Dagen organet upphörde, om det har upphört.' },
    { name: 'url', type: 'url', sv: 'Den publika sidan om samverkan, där organet visas.' },
  ],
  async load(deps) {
    return (await overviews(deps)).flatMap(({ collaboration: c, bodies: list }) => {
      const shown = new Set(list.map((b) => b.id))
      return list.map((b) => ({
        id: b.id,
        collaboration_id: c.id,
        collaboration_code: c.code,
        kind: b.kind,
        name: b.name,
        theme: b.theme,
        mandate: b.mandate,
        // A parent that is not public is not named: only public bodies are in the data.
        parent_body_id: b.parentBodyId && shown.has(b.parentBodyId) ? b.parentBodyId : null,
        active_from: b.activeFrom,
        active_to: b.activeTo,
        url: collaborationUrl(deps, c.code),
      }))
    })
  },
}

const citizenPromises: Dataset = {
  key: 'citizen-promises',
  theme: 'JUST',
  landingPath: '/public/medborgarloften',
  columns: [
    { name: 'plan_id', type: 'uuid', sv: 'Medborgarlöftets identitet (UUID).' },
    { name: 'plan_title', type: 'text', sv: 'Medborgarlöftets titel.' },
    { name: 'municipality_id', type: 'uuid', sv: 'Kommunens identitet (UUID).' },
    { name: 'municipality', type: 'text', sv: 'Kommunens namn.' },
    { name: 'police_id', type: 'uuid', nullable: true, sv: 'Polisens part (lokalpolisområde) som lämnat löftet tillsammans med kommunen.' },
    { name: 'police', type: 'text', nullable: true, sv: 'Polisens parts namn.' },
    { name: 'period_start', type: 'date', sv: 'Första dagen medborgarlöftet gäller.' },
    { name: 'period_end', type: 'date', sv: 'Sista dagen medborgarlöftet gäller.' },
    { name: 'plan_status', type: 'text', sv: 'adopted (antaget) eller published (publicerat). Utkast finns aldrig med.' },
    { name: 'promise_id', type: 'uuid', sv: 'Löftets identitet (UUID).' },
    { name: 'position', type: 'integer', sv: 'Löftets ordningsnummer i medborgarlöftet.' },
    { name: 'promisor', type: 'text', nullable: true, sv: 'Vem som lovar: municipality (kommunen), police (Polisen) eller joint (gemensamt).' },
    { name: 'title', type: 'text', sv: 'Löftet.' },
    { name: 'description', type: 'text', sv: 'Beskrivning av löftet.' },
    { name: 'places', type: 'text', nullable: true, sv: 'Platser löftet gäller, om angivet.' },
    { name: 'target_comparator', type: 'text', nullable: true, sv: 'Hur målet jämförs: at_least (minst), exactly (exakt), at_most (högst).' },
    { name: 'target_value', type: 'decimal', nullable: true, sv: 'Målvärde, om löftet har ett mätbart mål.' },
    { name: 'target_unit', type: 'text', nullable: true, sv: 'Målets enhet, t.ex. trygghetsvandringar.' },
    {
      name: 'delivered',
      type: 'decimal',
      nullable: true,
      sv: 'Summan av utfallen i de publicerade uppföljningarna (varje månad räknas en gång). Tomt när ingen publicerad uppföljning anger ett tal.',
    },
    {
      name: 'latest_status',
      type: 'text',
      nullable: true,
      sv: 'Status i den senaste publicerade uppföljningen som nämner löftet: not_started, on_track, at_risk, deviation eller done (se follow-up).',
    },
    { name: 'url', type: 'url', sv: 'Medborgarlöftets publika sida.' },
  ],
  async load(deps) {
    return (await promisePages(deps)).flatMap((d) =>
      d.promises.map((i) => ({
        plan_id: d.plan.id,
        plan_title: d.plan.title,
        municipality_id: d.plan.organisationId,
        municipality: d.names.get(d.plan.organisationId) ?? '',
        police_id: d.plan.partnerOrganisationId,
        police: d.plan.partnerOrganisationId ? (d.names.get(d.plan.partnerOrganisationId) ?? '') : null,
        period_start: d.plan.periodStart,
        period_end: d.plan.periodEnd,
        plan_status: d.plan.status,
        promise_id: i.id,
        position: i.position,
        promisor: i.promisor,
        title: i.title,
        description: i.description,
        places: i.places,
        target_comparator: i.targetValue === null ? null : (i.targetComparator ?? 'at_least'),
        target_value: i.targetValue,
        target_unit: i.targetValue === null ? null : i.targetUnit,
        delivered: d.figures.get(i.id)?.delivered ?? null,
        latest_status: d.figures.get(i.id)?.status ?? null,
        url: promiseUrl(deps, d.plan.id),
      })),
    )
  },
}

const followUp: Dataset = {
  key: 'follow-up',
  theme: 'JUST',
  landingPath: '/public/medborgarloften',
  columns: [
    { name: 'summary_id', type: 'uuid', sv: 'Den publicerade uppföljningens identitet (UUID). En rättelse är en ny revision med nytt id.' },
    { name: 'plan_id', type: 'uuid', sv: 'Medborgarlöftet som följs upp (plan_id i datamängden citizen-promises).' },
    { name: 'period_key', type: 'text', sv: 'Uppföljningsperioden: ÅÅÅÅ-T1…T3 (tertial) eller ÅÅÅÅ-H1/H2 (halvår).' },
    { name: 'period_start', type: 'date', sv: 'Periodens första dag.' },
    { name: 'period_end', type: 'date', sv: 'Periodens sista dag.' },
    { name: 'revision', type: 'integer', sv: 'Revision av periodens uppföljning (1 = första publiceringen).' },
    { name: 'published_at', type: 'datetime', nullable: true, sv: 'När revisionen publicerades (ISO 8601 med tidszon).' },
    { name: 'introduction', type: 'text', sv: 'Uppföljningens inledning.' },
    { name: 'item_id', type: 'uuid', sv: 'Löftet eller fokusområdet raden gäller (promise_id i citizen-promises för löften).' },
    {
      name: 'status',
      type: 'text',
      nullable: true,
      sv: 'Status för löftet i perioden: not_started (ej påbörjat), on_track (enligt plan), at_risk (risk för avvikelse), deviation (avvikelse), done (klart).',
    },
    { name: 'text', type: 'text', sv: 'Vad som gjorts, som det publicerades.' },
    { name: 'output_value', type: 'decimal', nullable: true, sv: 'Utfall i perioden, om ett tal anges.' },
    { name: 'output_unit', type: 'text', nullable: true, sv: 'Utfallets enhet.' },
    { name: 'url', type: 'url', sv: 'Uppföljningen på medborgarlöftets publika sida.' },
  ],
  async load(deps) {
    return (await promisePages(deps)).flatMap((d) =>
      d.summaries.flatMap((s) =>
        s.items.map((row) => ({
          summary_id: s.id,
          plan_id: d.plan.id,
          period_key: s.periodKey,
          period_start: s.periodStart,
          period_end: s.periodEnd,
          revision: s.revision,
          published_at: s.publishedAt ? s.publishedAt.toISOString() : null,
          introduction: s.introduction,
          item_id: row.itemId,
          status: row.status,
          text: row.text,
          output_value: row.outputValue,
          output_unit: row.outputUnit,
          url: `${promiseUrl(deps, d.plan.id)}#summary-${s.id}`,
        })),
      ),
    )
  },
}

export const DATASETS: readonly Dataset[] = [
  collaborations,
  parties,
  bodies,
  citizenPromises,
  followUp,
  indicatorObservations,
  surveyEstimates,
  yearlyReportsSet,
]

export const datasetOf = (key: string): Dataset | undefined => DATASETS.find((d) => d.key === key)
