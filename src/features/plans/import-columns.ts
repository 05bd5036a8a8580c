import type { EntryStatus } from './follow-up.tables.ts'
import type { Cadence, PlanItemKind, PlanKind, Promisor } from './plans.tables.ts'

/**
 * The file format of an imported åtgärdsplan or medborgarlöfte (issue 8 §13): one row per item, the
 * columns in Swedish as in Brå's åtgärdsplan, a stable `Id` per row so that a re-import updates the
 * row instead of adding it again, and optional follow-up columns (Period, Status, Utfall, Timmar,
 * Kommentar) that write that period's entry. The same columns are exported, so an export can be
 * edited and imported back. Headers are the file format, not UI text: they stay Swedish in every locale.
 */

export type ImportKind = 'action_plan' | 'citizen_promise'
export const IMPORT_KINDS: readonly PlanKind[] = ['action_plan', 'citizen_promise']
export const isImportKind = (k: PlanKind): k is ImportKind => IMPORT_KINDS.includes(k)

export type Field =
  | 'id'
  | 'type'
  | 'number'
  | 'title'
  | 'description'
  | 'problem'
  | 'causes'
  | 'promisor'
  | 'places'
  | 'operativeGoal'
  | 'startsOn'
  | 'endsOn'
  | 'responsibleParty'
  | 'responsiblePerson'
  | 'followUpMethod'
  | 'measureType'
  | 'measureNature'
  | 'targetValue'
  | 'targetUnit'
  | 'cadence'
  | 'weight'
  | 'period'
  | 'status'
  | 'output'
  | 'hours'
  | 'narrative'

export interface Column {
  field: Field
  header: string
  /** Other spellings accepted in a file's header row (compared without case and extra spaces). */
  aliases?: readonly string[]
  required?: boolean
}

const FOLLOW_UP: readonly Column[] = [
  { field: 'period', header: 'Period' },
  { field: 'status', header: 'Status' },
  { field: 'output', header: 'Utfall' },
  { field: 'hours', header: 'Timmar' },
  { field: 'narrative', header: 'Kommentar', aliases: ['Vad gjordes'] },
]

export const COLUMNS: Record<ImportKind, readonly Column[]> = {
  action_plan: [
    { field: 'id', header: 'Id', required: true },
    { field: 'type', header: 'Typ', required: true },
    { field: 'number', header: 'Nr' },
    { field: 'title', header: 'Rubrik', required: true },
    { field: 'description', header: 'Beskrivning' },
    { field: 'problem', header: 'Problem' },
    { field: 'causes', header: 'Orsaker' },
    { field: 'operativeGoal', header: 'Operativt mål' },
    { field: 'startsOn', header: 'Start' },
    { field: 'endsOn', header: 'Slut' },
    { field: 'responsibleParty', header: 'Ansvarig part' },
    { field: 'responsiblePerson', header: 'Ansvarig person' },
    { field: 'followUpMethod', header: 'Uppföljning' },
    { field: 'measureType', header: 'Situationell/social' },
    { field: 'measureNature', header: 'Engångsinsats/ordinarie' },
    { field: 'targetValue', header: 'Mål antal' },
    { field: 'targetUnit', header: 'Enhet' },
    { field: 'cadence', header: 'Intervall' },
    { field: 'weight', header: 'Vikt' },
    ...FOLLOW_UP,
  ],
  citizen_promise: [
    { field: 'id', header: 'Id', required: true },
    { field: 'number', header: 'Nr' },
    { field: 'promisor', header: 'Vem lovar', required: true },
    { field: 'title', header: 'Löfte', required: true },
    { field: 'description', header: 'Beskrivning' },
    { field: 'places', header: 'Platser' },
    { field: 'targetValue', header: 'Mål antal' },
    { field: 'targetUnit', header: 'Enhet' },
    { field: 'responsibleParty', header: 'Ansvarig part' },
    { field: 'responsiblePerson', header: 'Ansvarig person' },
    { field: 'cadence', header: 'Intervall' },
    { field: 'weight', header: 'Vikt' },
    ...FOLLOW_UP,
  ],
}

/** Columns an export adds after the importable ones; a re-import of an export passes over them. */
export const EXPORT_ONLY_HEADERS = ['Utfall totalt', 'Saknade rapporter', 'Rapporterad av', 'Rapporterad'] as const

/** The words of each choice column, as written in a file (first = the one exports and templates use). */
export const ITEM_TYPES: Record<string, PlanItemKind> = { problem: 'problem', orsak: 'cause', åtgärd: 'measure' }
export const PROMISORS_SV: Record<string, Promisor> = {
  'kommunen och polisen': 'joint',
  polisen: 'police',
  kommunen: 'municipality',
  'polisen och kommunen': 'joint',
}
export const MEASURE_TYPES: Record<string, 'situational' | 'social'> = { situationell: 'situational', social: 'social' }
export const MEASURE_NATURES: Record<string, 'one_off' | 'ordinary'> = {
  engångsinsats: 'one_off',
  ordinarie: 'ordinary',
  'ordinarie arbete': 'ordinary',
  'ordinarie verksamhet': 'ordinary',
}
export const CADENCES_SV: Record<string, Cadence> = {
  månad: 'monthly',
  kvartal: 'quarterly',
  tertial: 'tertial',
  halvår: 'half_year',
  månadsvis: 'monthly',
  'varje månad': 'monthly',
}
export const STATUSES_SV: Record<string, EntryStatus> = {
  'ej påbörjad': 'not_started',
  'enligt plan': 'on_track',
  risk: 'at_risk',
  avvikelse: 'deviation',
  klar: 'done',
}

/** The word a file uses for a value (the first key that maps to it). */
export const wordFor = <T extends string>(words: Record<string, T>, value: T | null | undefined): string =>
  value ? (Object.entries(words).find(([, v]) => v === value)?.[0] ?? '') : ''

/** The canonical words of a vocabulary, for the explanation of a bad value ("ej påbörjad, enligt plan, …"). */
export const choicesOf = (words: Record<string, string>) => {
  const first = new Map<string, string>()
  for (const [k, v] of Object.entries(words)) if (!first.has(v)) first.set(v, k)
  return [...first.values()]
}

export const normaliseHeader = (h: string) => h.replace(/\s+/g, ' ').trim().toLocaleLowerCase('sv')

/** An example row per kind for the template (labelled as an example in its Id). */
export const TEMPLATE_EXAMPLES: Record<ImportKind, Partial<Record<Field, string>>[]> = {
  action_plan: [
    {
      id: 'EXEMPEL-P1',
      type: 'problem',
      number: '1',
      title: 'Exempel: otrygghet vid resecentrum kvällstid',
      description: 'Exempelrad – ta bort eller skriv över.',
    },
    { id: 'EXEMPEL-O1', type: 'orsak', number: '1', title: 'Exempel: dålig belysning', problem: 'EXEMPEL-P1' },
    {
      id: 'EXEMPEL-A1',
      type: 'åtgärd',
      number: '1',
      title: 'Exempel: byta belysning längs gångstråken',
      causes: 'EXEMPEL-O1',
      operativeGoal: 'Alla gångstråk belysta före 1 oktober',
      startsOn: '2026-03-01',
      endsOn: '2026-09-30',
      responsibleParty: '',
      responsiblePerson: 'Gatuchef',
      followUpMethod: 'Trygghetsvandring i oktober',
      measureType: 'situationell',
      measureNature: 'engångsinsats',
      targetValue: '12',
      targetUnit: 'armaturer',
      cadence: 'månad',
      weight: '1',
      period: '2026-03',
      status: 'enligt plan',
      output: '4',
      hours: '2,5',
      narrative: 'Fyra armaturer bytta.',
    },
  ],
  citizen_promise: [
    {
      id: 'EXEMPEL-L1',
      number: '1',
      promisor: 'Kommunen och polisen',
      title: 'Exempel: genomföra trygghetsvandringar i centrum',
      places: 'Centrum, resecentrum',
      targetValue: '6',
      targetUnit: 'trygghetsvandringar',
      cadence: 'månad',
      weight: '1',
      period: '2026-03',
      status: 'enligt plan',
      output: '1',
      hours: '3',
      narrative: 'Exempelrad – ta bort eller skriv över.',
    },
  ],
}
