/**
 * The example plans of one municipality with its lokalpolisområde (demo mode, issue 8): what
 * `loadDemoPlans` writes for each Östergötland municipality. Dates follow the seeding year.
 */
import type { planItems, plans } from '../../src/features/plans/plans.tables.ts'
import type { DemoMunicipality, NARRATIVES } from './demo-plans.data.ts'

type NewItem = typeof planItems.$inferInsert

export interface ItemSpec extends Omit<NewItem, 'planId' | 'position'> {
  key: string
  links?: string[]
  parent?: string
  /** Which narratives and outputs its entries get. */
  story?: keyof typeof NARRATIVES
}

export interface PlanSpec {
  plan: Omit<typeof plans.$inferInsert, 'organisationId'>
  items: ItemSpec[]
}

/**
 * The municipality's plans with its LPO: SÖ (four years), åtgärdsplan (this year, and the two years
 * before), ML (this year and last).
 */
export function municipalPlans(m: DemoMunicipality, orgName: string, year: number, lpoName: string): PlanSpec[] {
  const lpoShort = lpoName.replace('Lokalpolisområde ', '')
  const signatories = [
    { role: 'Kommunstyrelsens ordförande', name: 'Exempel Ordförande', signedOn: `${year - 2}-02-15` },
    { role: `Lokalpolisområdeschef, LPO ${lpoShort}`, name: 'Exempel Polischef', signedOn: `${year - 2}-02-15` },
  ]
  return [
    {
      plan: {
        kind: 'local_agreement',
        title: `Samverkansöverenskommelse ${orgName} och LPO ${lpoShort} ${year - 2}–${year + 1}`,
        summary: `Exempel: ${orgName} och lokalpolisområde ${lpoShort} samverkar om trygghet och brottsförebyggande arbete utifrån en gemensam lägesbild.`,
        periodStart: `${year - 2}-01-01`,
        periodEnd: `${year + 1}-12-31`,
        status: 'adopted',
        adoptedBy: 'Kommunstyrelsen och lokalpolisområdet',
        adoptedOn: `${year - 2}-02-15`,
        adoptedParagraph: '§ 21',
        signatories,
        visibility: 'public',
      },
      items: [
        { key: 'f1', kind: 'focus_area', title: 'Trygg offentlig miljö' },
        { key: 'f2', kind: 'focus_area', title: 'Unga, narkotika och kriminalitet' },
        {
          key: 'a1',
          kind: 'activity',
          title: 'Gemensam lägesbild i trygghetsrådet',
          parent: 'f1',
          cadence: 'tertial',
          story: 'picture',
          operativeGoal: 'En gemensam lägesbild presenteras i trygghetsrådet varje tertial.',
          responsiblePerson: 'Säkerhetsstrategen (exempel)',
        },
        {
          key: 'a2',
          kind: 'activity',
          title: `Samordnade insatser för unga i ${m.place}`,
          parent: 'f2',
          cadence: 'tertial',
          story: 'youth',
          responsiblePerson: 'Kommunpolisen (exempel)',
        },
      ],
    },
    {
      plan: {
        kind: 'action_plan',
        title: `Åtgärdsplan ${year} – ${m.name}`,
        summary: `Exempel: åtgärder mot otryggheten i ${m.place} utifrån lägesbilden och orsaksanalysen.`,
        periodStart: `${year}-01-01`,
        periodEnd: `${year}-12-31`,
        status: 'adopted',
        adoptedBy: 'Kommunstyrelsen',
        adoptedOn: `${year}-01-24`,
        adoptedParagraph: '§ 8',
        visibility: 'partners',
      },
      items: [
        {
          key: 'p1',
          kind: 'problem',
          title: `Otrygghet i ${m.place} kvällstid`,
          description: 'Invånare, särskilt kvinnor, uppger i medborgardialogen att de undviker området kvällstid.',
        },
        { key: 'c1', kind: 'cause', parent: 'p1', title: 'Dålig belysning längs gång- och cykelvägarna' },
        { key: 'c2', kind: 'cause', parent: 'p1', title: 'Samlingsplatser där ungdomar erbjuds narkotika' },
        { key: 'c3', kind: 'cause', parent: 'p1', title: 'Få vuxna ute på kvällar och helger' },
        {
          key: 'm1',
          kind: 'measure',
          title: `Förbättra belysningen längs gångstråken i ${m.place}`,
          links: ['c1'],
          story: 'lighting',
          measureType: 'situational',
          measureNature: 'one_off',
          operativeGoal: 'Alla tre gångstråken har ny belysning före årets slut.',
          followUpMethod: 'Månadsvis rapport; trygghetsvandring efteråt.',
          responsiblePerson: 'Gatuchefen (exempel)',
        },
        {
          key: 'm2',
          kind: 'measure',
          title: 'Riktade insatser mot narkotika vid skolor och samlingsplatser',
          links: ['c2'],
          story: 'drugs',
          measureType: 'situational',
          measureNature: 'ordinary',
          targetComparator: 'at_least',
          targetValue: 6,
          targetUnit: 'riktade insatser',
          followUpMethod: 'Antal insatser per månad.',
          responsiblePerson: 'Kommunpolisen (exempel)',
        },
        {
          key: 'm3',
          kind: 'measure',
          title: 'Fältassistenter och föreningar ute fredag och lördag kväll',
          links: ['c3'],
          story: 'youth',
          measureType: 'social',
          measureNature: 'ordinary',
          followUpMethod: 'Månadsvis rapport från fältgruppen.',
          responsiblePerson: 'Fältgruppens samordnare (exempel)',
        },
      ],
    },
    {
      // The plan before this year's, so the law tracker's history has a plan to find in the years after
      // the law's deadline (1 July 2024). Followed up half-yearly, as many municipalities did then.
      plan: {
        kind: 'action_plan',
        title: `Åtgärdsplan ${year - 2}–${year - 1} – ${m.name}`,
        summary: `Exempel: den tidigare åtgärdsplanen, antagen efter den första lägesbilden enligt lagen.`,
        periodStart: `${year - 2}-01-01`,
        periodEnd: `${year - 1}-12-31`,
        status: 'adopted',
        adoptedBy: 'Kommunstyrelsen',
        adoptedOn: `${year - 2}-05-29`,
        adoptedParagraph: '§ 74',
        visibility: 'partners',
      },
      items: [
        { key: 'pp1', kind: 'problem', title: `Skadegörelse och otrygghet kring centrum i ${m.place}` },
        { key: 'pc1', kind: 'cause', parent: 'pp1', title: 'Mörka och ödsliga platser efter butikernas stängning' },
        {
          key: 'pm1',
          kind: 'measure',
          title: `Trygghetsvandringar kring centrum i ${m.place}`,
          links: ['pc1'],
          story: 'lighting',
          measureType: 'situational',
          measureNature: 'ordinary',
          cadence: 'half_year',
          followUpMethod: 'Rapport varje halvår.',
          responsiblePerson: 'Säkerhetssamordnaren (exempel)',
        },
      ],
    },
    {
      plan: {
        kind: 'citizen_promise',
        title: `Medborgarlöfte ${m.name} ${year - 1}–${year}`,
        summary: `Exempel: ${orgName} och polisen lovar invånarna i ${m.name} att tillsammans arbeta för att fler ska känna sig trygga i ${m.place} och ${m.centre}.`,
        basis: `Medborgardialoger i ${m.place} hösten ${year - 2}, anmälda brott (Källa: Brå) och polisens trygghetsmätning.`,
        periodStart: `${year - 1}-01-01`,
        periodEnd: `${year}-12-31`,
        status: 'published',
        publishedAt: new Date(`${year - 1}-01-20T10:00:00Z`),
        adoptedBy: 'Kommunstyrelsen och lokalpolisområdet',
        adoptedOn: `${year - 1}-01-17`,
        signatories: signatories.map((s) => ({ ...s, signedOn: `${year - 1}-01-17` })),
        visibility: 'public',
      },
      items: [
        { key: 'mf1', kind: 'focus_area', title: 'Trygghet i bostadsområdet kvällstid' },
        {
          key: 'l1',
          kind: 'promise',
          links: ['m2'],
          parent: 'mf1',
          promisor: 'police',
          title: 'genomföra riktade insatser mot narkotika i skolmiljö och vid samlingsplatser',
          places: m.place,
          story: 'drugs',
          targetComparator: 'at_least',
          targetValue: 6,
          targetUnit: 'riktade insatser',
        },
        {
          key: 'l2',
          kind: 'promise',
          parent: 'mf1',
          promisor: 'joint',
          title: `genomföra trygghetsvandringar tillsammans med boende i ${m.place}`,
          places: m.place,
          story: 'walks',
          targetComparator: 'at_least',
          targetValue: 4,
          targetUnit: 'trygghetsvandringar',
        },
        {
          key: 'l3',
          kind: 'promise',
          links: ['m1'],
          parent: 'mf1',
          promisor: 'municipality',
          title: `förbättra belysningen längs gångstråken i ${m.place}`,
          places: m.place,
          story: 'lighting',
        },
      ],
    },
  ]
}
