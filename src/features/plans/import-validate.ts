import { isIsoDate } from '../../platform/forms/dates.ts'
import type { EntryStatus } from './follow-up.tables.ts'
import {
  CADENCES_SV,
  COLUMNS,
  type Column,
  EXPORT_ONLY_HEADERS,
  type Field,
  ITEM_TYPES,
  type ImportKind,
  MEASURE_NATURES,
  MEASURE_TYPES,
  PROMISORS_SV,
  STATUSES_SV,
  choicesOf,
  normaliseHeader,
  wordFor,
} from './import-columns.ts'
import { type Period, periodByKey, periodOf } from './periods.ts'
import type { NewPlanItem, Plan, PlanItem } from './plans.repo.ts'
import { type Cadence, FOLLOWED_UP_KINDS, type PlanItemKind } from './plans.tables.ts'

/**
 * Checks a whole import file before anything is written (all or nothing, issue 8 §13): every problem
 * is collected with its row (as the spreadsheet numbers it), its column (as the file names it) and an
 * i18n key with the values for a Swedish explanation. Pure: the caller loads the plan, its rows and
 * the parties, and writes the result in one transaction (import.service.ts).
 */

export interface Problem {
  row: number
  column: string
  key: string
  params?: Record<string, string | number | string[]>
}

/** A period's entry to create or update; an undefined field means its column is not in the file (the stored value stays). */
export interface EntryOp {
  period: Period
  status: EntryStatus
  narrative?: string
  outputValue?: number | null
  hours?: number | null
}

export interface ItemOp {
  row: number
  externalId: string
  kind: PlanItemKind
  /** The row this updates; absent for a new row. */
  existing?: PlanItem
  /** Only the columns the file has (a missing column leaves the stored value alone). */
  values: Partial<NewPlanItem>
  /** The Id of a cause's problem: undefined when the column is absent, null when emptied. */
  parentRef?: string | null
  /** The Ids of the causes a measure addresses; undefined when the column is absent. */
  linkRefs?: string[]
  entry?: EntryOp
}

export interface ValidateInput {
  kind: ImportKind
  plan: Pick<Plan, 'periodStart' | 'periodEnd'>
  items: readonly PlanItem[]
  /** Party names (lower case) → organisation id: the parties a row may be assigned to. */
  parties: ReadonlyMap<string, string>
  today: string
  rows: string[][]
}

export type ValidateResult = { ok: true; ops: ItemOp[]; ignoredHeaders: string[]; examples: number } | { ok: false; problems: Problem[] }

/** Rows whose Id starts with this are the template's example rows: passed over, never stored. */
export const EXAMPLE_PREFIX = 'exempel'

const TEXT_LIMITS: Partial<Record<Field, number>> = {
  id: 100,
  title: 500,
  description: 10_000,
  places: 1000,
  operativeGoal: 2000,
  responsiblePerson: 200,
  followUpMethod: 2000,
  targetUnit: 200,
  narrative: 5000,
}

const isBlank = (row: readonly string[]) => row.every((c) => !c?.trim())

/** A number as Swedes write it (decimal comma, spaces between thousands) or as a workbook stores it. */
export function parseSwedishNumber(text: string): number | undefined {
  const clean = text.replace(/[\s\u00a0\u202f]/g, '').replace(/^−/, '-')
  if (!/^[-+]?(\d+([.,]\d*)?|[.,]\d+)$/.test(clean)) return undefined
  const n = Number(clean.replace(',', '.'))
  return Number.isFinite(n) ? n : undefined
}

export function validateImport(input: ValidateInput): ValidateResult {
  const [header = [], ...body] = input.rows
  const problems: Problem[] = []
  const columns = COLUMNS[input.kind]
  const byHeader = new Map<string, Column>()
  for (const c of columns) for (const h of [c.header, ...(c.aliases ?? [])]) byHeader.set(normaliseHeader(h), c)
  const exportOnly = new Set(EXPORT_ONLY_HEADERS.map(normaliseHeader))

  // Where each field's column is, and the name the file gives it.
  const at = new Map<Field, { index: number; name: string }>()
  const ignoredHeaders: string[] = []
  header.forEach((raw, index) => {
    const name = raw.trim()
    if (!name) return
    const col = byHeader.get(normaliseHeader(name))
    if (!col) {
      if (!exportOnly.has(normaliseHeader(name))) ignoredHeaders.push(name)
      return
    }
    if (at.has(col.field)) problems.push({ row: 1, column: name, key: 'duplicateColumn' })
    else at.set(col.field, { index, name })
  })
  for (const c of columns) if (c.required && !at.has(c.field)) problems.push({ row: 1, column: c.header, key: 'missingColumn' })
  if (problems.length) return { ok: false, problems }

  const dataRows = body.map((cells, i) => ({ cells, row: i + 2 })).filter((r) => !isBlank(r.cells))
  if (dataRows.length === 0) return { ok: false, problems: [{ row: 2, column: at.get('id')!.name, key: 'noRows' }] }

  // Existing rows by their Id: the external id, or (for rows made by hand and exported) the row's own id.
  const existingById = new Map<string, PlanItem>()
  for (const i of input.items) {
    existingById.set(i.id.toLowerCase(), i)
    if (i.externalId) existingById.set(i.externalId.toLowerCase(), i)
  }
  const firstRowOfId = new Map<string, number>()
  const kindInFile = new Map<string, PlanItemKind>()
  const ops: ItemOp[] = []
  let examples = 0
  const pending: { op: ItemOp; problemRef?: { raw: string; name: string }; causeRefs?: { raw: string; name: string }[] }[] = []

  for (const { cells, row } of dataRows) {
    const cell = (f: Field): string | undefined => {
      const c = at.get(f)
      return c ? (cells[c.index] ?? '').trim() : undefined
    }
    const name = (f: Field) => at.get(f)?.name ?? columns.find((c) => c.field === f)!.header
    const problem = (f: Field, key: string, params?: Problem['params']) => problems.push({ row, column: name(f), key, ...(params ? { params } : {}) })

    const id = cell('id') ?? ''
    if (!id) {
      problem('id', 'required')
      continue
    }
    if (id.toLowerCase().startsWith(EXAMPLE_PREFIX)) {
      examples++
      continue
    }
    if (id.length > TEXT_LIMITS.id!) problem('id', 'tooLong', { max: TEXT_LIMITS.id! })
    const idKey = id.toLowerCase()
    const first = firstRowOfId.get(idKey)
    if (first !== undefined) {
      problem('id', 'duplicateId', { value: id, first })
      continue
    }
    firstRowOfId.set(idKey, row)

    // The kind of row: an åtgärdsplan names it in Typ; a medborgarlöfte holds promises.
    let kind: PlanItemKind = 'promise'
    if (input.kind === 'action_plan') {
      const word = (cell('type') ?? '').toLocaleLowerCase('sv')
      const k = ITEM_TYPES[word] ?? (word === 'atgard' ? 'measure' : undefined)
      if (!k) {
        problem('type', word ? 'choice.type' : 'required', { value: cell('type') ?? '', choices: choicesOf(ITEM_TYPES) })
        continue
      }
      kind = k
    }
    kindInFile.set(idKey, kind)
    const existing = existingById.get(idKey)
    if (existing && existing.kind !== kind) {
      problem(input.kind === 'action_plan' ? 'type' : 'id', 'kindChanged', { value: id, existing: wordFor(ITEM_TYPES, existing.kind) || existing.kind })
      continue
    }

    const values: Partial<NewPlanItem> = {}
    const text = (f: Field, target: keyof NewPlanItem, opts: { required?: boolean; nullable?: boolean } = {}) => {
      const v = cell(f)
      if (v === undefined) return
      if (!v && opts.required) return problem(f, 'required')
      const max = TEXT_LIMITS[f]
      if (max && v.length > max) return problem(f, 'tooLong', { max })
      ;(values as Record<string, unknown>)[target] = v || (opts.nullable === false ? '' : null)
    }
    text('title', 'title', { required: true })
    text('description', 'description', { nullable: false })
    text('places', 'places')
    text('operativeGoal', 'operativeGoal')
    text('responsiblePerson', 'responsiblePerson')
    text('followUpMethod', 'followUpMethod')
    text('targetUnit', 'targetUnit')

    const choice = <T extends string>(f: Field, words: Record<string, T>, target: keyof NewPlanItem, required = false) => {
      const v = cell(f)
      if (v === undefined) return
      if (!v) {
        if (required) problem(f, 'required')
        else (values as Record<string, unknown>)[target] = null
        return
      }
      const found = words[v.toLocaleLowerCase('sv').replace(/\s+/g, ' ')]
      if (!found) return problem(f, `choice.${f}`, { value: v, choices: choicesOf(words) })
      ;(values as Record<string, unknown>)[target] = found
    }
    if (input.kind === 'citizen_promise') choice('promisor', PROMISORS_SV, 'promisor', true)
    choice('measureType', MEASURE_TYPES, 'measureType')
    choice('measureNature', MEASURE_NATURES, 'measureNature')
    const cadenceWord = cell('cadence')
    if (cadenceWord) choice('cadence', CADENCES_SV, 'cadence')

    const whole = (f: Field, target: keyof NewPlanItem, min: number, max: number) => {
      const v = cell(f)
      if (!v) return
      const n = parseSwedishNumber(v)
      if (n === undefined || !Number.isInteger(n) || n < min || n > max) return problem(f, 'integer', { value: v, min, max })
      ;(values as Record<string, unknown>)[target] = n
    }
    whole('number', 'position', 1, 100_000)
    whole('weight', 'weight', 1, 100)

    const target = cell('targetValue')
    if (target !== undefined) {
      if (!target) Object.assign(values, { targetValue: null, targetComparator: null })
      else {
        const n = parseSwedishNumber(target)
        if (n === undefined || n < 0 || n > 1e9) problem('targetValue', 'number', { value: target })
        else Object.assign(values, { targetValue: n, targetComparator: existing?.targetComparator ?? 'at_least' })
      }
    }

    const date = (f: Field, targetKey: 'startsOn' | 'endsOn') => {
      const v = cell(f)
      if (v === undefined) return
      if (!v) values[targetKey] = null
      else if (!isIsoDate(v)) problem(f, 'date', { value: v })
      else values[targetKey] = v
    }
    date('startsOn', 'startsOn')
    date('endsOn', 'endsOn')
    const startsOn = values.startsOn !== undefined ? values.startsOn : (existing?.startsOn ?? null)
    const endsOn = values.endsOn !== undefined ? values.endsOn : (existing?.endsOn ?? null)
    if (startsOn && endsOn && endsOn < startsOn) problem('endsOn', 'dateOrder', { start: startsOn, end: endsOn })

    const party = cell('responsibleParty')
    if (party !== undefined) {
      if (!party) values.responsibleOrganisationId = null
      else {
        const orgId = input.parties.get(party.toLocaleLowerCase('sv').replace(/\s+/g, ' '))
        if (!orgId) problem('responsibleParty', 'unknownParty', { value: party })
        else values.responsibleOrganisationId = orgId
      }
    }

    const op: ItemOp = { row, externalId: id, kind, values, ...(existing ? { existing } : {}) }
    const refs: (typeof pending)[number] = { op }
    const problemRef = cell('problem')
    if (problemRef !== undefined) {
      if (problemRef && kind !== 'cause') problem('problem', 'notForType', { types: 'orsak' })
      else if (kind === 'cause') {
        op.parentRef = problemRef || null
        if (problemRef) refs.problemRef = { raw: problemRef, name: name('problem') }
      }
    }
    const causeRefs = cell('causes')
    if (causeRefs !== undefined) {
      const list = causeRefs
        .split(/[,;\n]/)
        .map((s) => s.trim())
        .filter(Boolean)
      if (list.length && kind !== 'measure') problem('causes', 'notForType', { types: 'åtgärd' })
      else if (kind === 'measure') {
        op.linkRefs = list
        refs.causeRefs = list.map((raw) => ({ raw, name: name('causes') }))
      }
    }

    // The follow-up columns write the entry of one period, with the rules of the entry form.
    const period = cell('period')
    const status = cell('status')
    const output = cell('output')
    const hours = cell('hours')
    const narrative = cell('narrative')
    const anyFollowUp = [status, output, hours, narrative].some((v) => !!v)
    if (!period) {
      if (anyFollowUp) problem('period', 'periodRequired')
    } else if (!FOLLOWED_UP_KINDS.includes(kind)) {
      problem('period', 'notFollowedUp', { type: wordFor(ITEM_TYPES, kind) })
    } else {
      const cadence: Cadence = (values.cadence as Cadence | undefined) ?? existing?.cadence ?? 'monthly'
      const p = periodByKey(period.toUpperCase().replace(/^(\d{4})-([QTH])/i, '$1-$2')) ?? (isIsoDate(period) ? periodOf(cadence, period) : undefined)
      const start = startsOn && startsOn > input.plan.periodStart ? startsOn : input.plan.periodStart
      const end = endsOn && endsOn < input.plan.periodEnd ? endsOn : input.plan.periodEnd
      let entryPeriod: Period | undefined
      if (!p) problem('period', 'period', { value: period })
      else if (p.cadence !== cadence)
        problem('period', 'periodCadence', { value: period, cadence: wordFor(CADENCES_SV, cadence), example: periodOf(cadence, input.today).key })
      else if (p.end < start || p.start > end) problem('period', 'periodOutside', { value: period, start, end })
      else if (p.start > input.today) problem('period', 'periodFuture', { value: period })
      else entryPeriod = p
      let entryStatus: EntryStatus | undefined
      if (!status) problem('status', 'statusRequired')
      else {
        entryStatus = STATUSES_SV[status.toLocaleLowerCase('sv').replace(/\s+/g, ' ')]
        if (!entryStatus) problem('status', 'choice.status', { value: status, choices: choicesOf(STATUSES_SV) })
      }
      const amount = (f: Field, v: string | undefined, max: number): number | null | undefined => {
        if (v === undefined) return undefined
        if (!v) return null
        const n = parseSwedishNumber(v)
        if (n === undefined || n < 0 || n > max) {
          problem(f, f === 'hours' ? 'hours' : 'number', { value: v })
          return undefined
        }
        return n
      }
      const outputValue = amount('output', output, 1e9)
      const hoursValue = amount('hours', hours, 10_000)
      if (narrative && narrative.length > TEXT_LIMITS.narrative!) problem('narrative', 'tooLong', { max: TEXT_LIMITS.narrative! })
      if (entryPeriod && entryStatus) {
        op.entry = {
          period: entryPeriod,
          status: entryStatus,
          ...(narrative !== undefined ? { narrative } : {}),
          ...(outputValue !== undefined ? { outputValue } : {}),
          ...(hoursValue !== undefined ? { hours: hoursValue } : {}),
        }
      }
    }
    ops.push(op)
    pending.push(refs)
  }

  // References may point forward in the file, so they are checked once every row's Id is known.
  const kindOf = (raw: string): PlanItemKind | undefined => kindInFile.get(raw.toLowerCase()) ?? existingById.get(raw.toLowerCase())?.kind
  for (const { op, problemRef, causeRefs } of pending) {
    if (problemRef && kindOf(problemRef.raw) !== 'problem')
      problems.push({ row: op.row, column: problemRef.name, key: 'unknownProblem', params: { value: problemRef.raw } })
    for (const ref of causeRefs ?? [])
      if (kindOf(ref.raw) !== 'cause') problems.push({ row: op.row, column: ref.name, key: 'unknownCause', params: { value: ref.raw } })
  }
  if (problems.length) return { ok: false, problems: problems.sort((a, b) => a.row - b.row) }
  return { ok: true, ops, ignoredHeaders, examples }
}
