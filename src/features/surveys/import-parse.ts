import type { TaskProblem } from '../../platform/jobs/tasks.tables.ts'
import { CsvFormatError, type CsvState, chunksOf, csvRecords } from './csv-records.ts'
import { CANONICAL_COLUMNS, type CanonicalColumn } from './definition.schemas.ts'
import { looksLikeIdentifierHeader, looksLikeIdentifierValue } from './identifiers.ts'
import type { SexGroup } from './surveys.tables.ts'

/**
 * Reads an anonymous microdata file (issue 9 §5) row by row and keeps only the five sums of
 * `../shared/statistics.md` per cell (area × year × question × kön × åldersgrupp): n, Σw, Σwy, Σw²,
 * Σw²y, where y = 1 when the answer is one the question reports. The file is never held whole.
 * Every problem names its row (the header is row 1) and column (as the file names it); after
 * `maxProblems` the reading stops and says so. Pure: the caller supplies the questions and codes.
 *
 * Columns: `kommun` (kommunkod) or `deso` (DeSO code, its first four characters the kommun), `ar`,
 * `kon` (kvinna, man, annat or empty), `aldersgrupp` (optional), `vikt` (> 0, decimal comma or
 * point), then one column per question key with the answer code (empty: no answer).
 */

export interface ParseQuestion {
  key: string
  /** Every answer code of the scale. */
  codes: readonly string[]
  /** The codes that make up the reported share. */
  reported: readonly string[]
}

export interface ParseOptions {
  questions: readonly ParseQuestion[]
  /** Every known kommunkod. */
  municipalities: ReadonlySet<string>
  /** The survey's municipalities; empty or absent: any known one. */
  areas?: readonly string[]
  /** File header → canonical column or question key; '' ignores the column. */
  mapping?: Readonly<Record<string, string>>
  years?: { min: number; max: number }
  maxProblems?: number
  progressEvery?: number
  /** Called every `progressEvery` rows with the number of rows read so far (awaited). */
  onProgress?: (rows: number) => unknown
}

export interface CellSum {
  areaCode: string
  municipalityCode: string
  year: number
  questionKey: string
  sex: SexGroup
  ageGroup: string
  n: number
  sumW: number
  sumWy: number
  sumW2: number
  sumW2y: number
}

export interface ParsedFile {
  ok: true
  cells: CellSum[]
  respondents: number
  answers: number
  years: number[]
  /** File headers the mapping said to ignore. */
  ignoredColumns: string[]
}

export type ParseOutcome = ParsedFile | { ok: false; problems: TaskProblem[] }

export const MAX_PROBLEMS = 100
export const IGNORE = ''
const VALUE_CHARS = 40

/** A header as a column name: trimmed, lower case, without accents ("År" is `ar`, "Kön" is `kon`). */
export function normaliseHeader(h: string): string {
  return h
    .trim()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
}

export interface HeaderAnalysis {
  /** Per file column: what it is, or undefined when ignored. */
  roles: ({ kind: 'canonical'; name: CanonicalColumn } | { kind: 'question'; index: number } | undefined)[]
  /** Headers that are neither a column of the format nor a question (the mapping step asks about these). */
  unknown: string[]
  /** Canonical columns (or `kommun` for "kommun or deso") the file lacks. */
  missing: string[]
  /** Headers that look like they identify a person: the file is refused, whatever the mapping says. */
  identifiers: string[]
  ignored: string[]
  problems: TaskProblem[]
}

const REQUIRED: CanonicalColumn[] = ['ar', 'kon', 'vikt']

/** What each header of a file is, and what is wrong with the header row as a whole. */
export function analyseHeader(headers: readonly string[], questions: readonly ParseQuestion[], mapping: Readonly<Record<string, string>> = {}): HeaderAnalysis {
  const questionIndex = new Map(questions.map((q, i) => [q.key, i]))
  const out: HeaderAnalysis = { roles: [], unknown: [], missing: [], identifiers: [], ignored: [], problems: [] }
  const seen = new Map<string, string>()
  for (const raw of headers) {
    const header = raw.trim()
    if (looksLikeIdentifierHeader(header)) {
      out.identifiers.push(header)
      out.problems.push({ row: 1, column: header, key: 'identifierColumn' })
      out.roles.push(undefined)
      continue
    }
    const target = Object.hasOwn(mapping, header) ? mapping[header] : normaliseHeader(header)
    if (target === IGNORE) {
      out.ignored.push(header)
      out.roles.push(undefined)
      continue
    }
    const role = (CANONICAL_COLUMNS as readonly string[]).includes(target)
      ? ({ kind: 'canonical', name: target as CanonicalColumn } as const)
      : questionIndex.has(target)
        ? ({ kind: 'question', index: questionIndex.get(target)! } as const)
        : undefined
    if (!role) {
      out.unknown.push(header)
      out.problems.push({ row: 1, column: header, key: header === '' ? 'emptyHeader' : 'unknownColumn' })
      out.roles.push(undefined)
      continue
    }
    if (seen.has(target)) {
      out.problems.push({ row: 1, column: header, key: 'duplicateColumn', params: { other: seen.get(target)!, name: target } })
      out.roles.push(undefined)
      continue
    }
    seen.set(target, header)
    out.roles.push(role)
  }
  if (!seen.has('kommun') && !seen.has('deso')) out.missing.push('kommun')
  for (const c of REQUIRED) if (!seen.has(c)) out.missing.push(c)
  for (const m of out.missing) out.problems.push({ row: 1, column: m, key: m === 'kommun' ? 'missingAreaColumn' : 'missingColumn' })
  if (!out.roles.some((r) => r?.kind === 'question')) out.problems.push({ row: 1, key: 'noQuestionColumns' })
  return out
}

/** The header row of a file (for the mapping step), or the reason it cannot be read. */
export async function readHeader(
  source: AsyncIterable<Uint8Array | string> | Uint8Array,
): Promise<{ ok: true; headers: string[] } | { ok: false; problem: TaskProblem }> {
  const it = source instanceof Uint8Array ? chunksOf(source.subarray(0, 256 * 1024)) : source
  try {
    for await (const batch of csvRecords(it)) {
      if (batch.length) return { ok: true, headers: batch[0].fields.map((h) => h.trim()) }
    }
  } catch (err) {
    if (err instanceof CsvFormatError) return { ok: false, problem: { row: err.line, key: err.reason } }
    throw err
  }
  return { ok: false, problem: { key: 'emptyFile' } }
}

interface Acc {
  n: number
  w: number
  wy: number
  w2: number
  w2y: number
}

const clip = (v: string) => (v.length > VALUE_CHARS ? `${v.slice(0, VALUE_CHARS)}…` : v)
const SEXES: Record<string, SexGroup> = { kvinna: 'kvinna', man: 'man', annat: 'annat', '': 'uppgift_saknas' }
const WEIGHT = /^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?$/
const DESO = /^\d{4}[A-Ca-c]\d{4}$/

/** A weight as written in Swedish or English: "1,25", "1.25", "0,5e1"; NaN when it is not a number. */
export function parseWeight(v: string): number {
  return WEIGHT.test(v) ? Number(v.replace(',', '.')) : Number.NaN
}

/** Reads a whole survey file and returns its per-cell sums, or every problem (up to `maxProblems`). */
export async function parseSurveyFile(source: AsyncIterable<Uint8Array | string> | Uint8Array, options: ParseOptions): Promise<ParseOutcome> {
  const maxProblems = options.maxProblems ?? MAX_PROBLEMS
  const progressEvery = options.progressEvery ?? 10_000
  const thisYear = new Date().getFullYear()
  const years = options.years ?? { min: 1970, max: thisYear }
  const areas = options.areas?.length ? new Set(options.areas) : undefined
  const questions = options.questions
  const codeSets = questions.map((q) => new Set(q.codes))
  const reportedSets = questions.map((q) => new Set(q.reported))
  const cells = questions.map(() => new Map<string, Acc>())
  const problems: TaskProblem[] = []
  const seenYears = new Set<number>()
  let header: HeaderAnalysis | undefined
  let headers: string[] = []
  let col: Partial<Record<CanonicalColumn, number>> = {}
  let questionCols: { index: number; col: number }[] = []
  let respondents = 0
  let answers = 0
  let rows = 0
  let lastShort = -1
  let stopped = false

  const problem = (p: TaskProblem): boolean => {
    if (problems.length >= maxProblems) {
      problems.push({ key: 'tooManyProblems', params: { max: maxProblems } })
      stopped = true
      return false
    }
    problems.push(p)
    return true
  }

  const state: CsvState = {}
  const it = source instanceof Uint8Array ? chunksOf(source) : source
  try {
    outer: for await (const batch of csvRecords(it, state)) {
      for (const record of batch) {
        if (!header) {
          headers = record.fields.map((h) => h.trim())
          header = analyseHeader(headers, questions, options.mapping)
          if (header.problems.length) {
            for (const p of header.problems) if (!problem(p)) break
            break outer
          }
          col = {}
          questionCols = []
          header.roles.forEach((r, i) => {
            if (r?.kind === 'canonical') col[r.name] = i
            else if (r?.kind === 'question') questionCols.push({ index: r.index, col: i })
          })
          continue
        }
        rows++
        if (rows % progressEvery === 0) await options.onProgress?.(rows)
        if (!checkRow(record.fields, record.line)) break outer
      }
    }
  } catch (err) {
    if (!(err instanceof CsvFormatError)) throw err
    // A quote opened on the last record and never closed: the file ends in the middle of a row.
    if (!stopped) problem({ row: err.line, key: err.reason })
  }
  if (!header && !problems.length) problem({ key: 'emptyFile' })
  if (!stopped && lastShort >= 0 && problems[lastShort]) problems[lastShort] = { ...problems[lastShort], key: 'truncated' }
  if (header && !problems.length && rows === 0) problem({ key: 'noRows' })
  if (problems.length) return { ok: false, problems }
  await options.onProgress?.(rows)
  return {
    ok: true,
    cells: collect(),
    respondents,
    answers,
    years: [...seenYears].sort((a, b) => a - b),
    ignoredColumns: header?.ignored ?? [],
  }

  /** Checks one row and adds it to its cells; false once too many problems were found. */
  function checkRow(fields: string[], row: number): boolean {
    lastShort = -1
    if (fields.length !== headers.length) {
      const short = fields.length < headers.length
      if (short) lastShort = problems.length
      return problem({ row, key: short ? 'tooFewFields' : 'tooManyFields', params: { expected: headers.length, got: fields.length } })
    }
    const before = problems.length
    for (let i = 0; i < fields.length; i++) {
      const v = fields[i]
      if (v.length >= 5) {
        const kind = looksLikeIdentifierValue(v.trim())
        if (kind && !problem({ row, column: headers[i], key: kind === 'email' ? 'identifierEmail' : 'identifierPersonnummer' })) return false
      }
    }
    if (problems.length > before) return true

    // Area: a DeSO code when the row has one, else the kommunkod.
    let area = ''
    let municipality = ''
    const deso = col.deso === undefined ? '' : fields[col.deso].trim()
    const kommunRaw = col.kommun === undefined ? '' : fields[col.kommun].trim()
    // Excel drops a kommunkod's leading zero ("580" for 0580): it is put back.
    const kommun = /^\d{3}$/.test(kommunRaw) ? `0${kommunRaw}` : kommunRaw
    if (deso) {
      const column = headers[col.deso!]
      if (!DESO.test(deso)) {
        if (!problem({ row, column, key: 'badDeso', params: { value: clip(deso) } })) return false
      } else if (!options.municipalities.has(deso.slice(0, 4))) {
        if (!problem({ row, column, key: 'unknownDesoMunicipality', params: { value: deso, code: deso.slice(0, 4) } })) return false
      } else if (kommun && kommun !== deso.slice(0, 4)) {
        if (!problem({ row, column, key: 'desoOtherMunicipality', params: { value: deso, code: kommun } })) return false
      } else {
        area = deso.toUpperCase()
        municipality = deso.slice(0, 4)
      }
    } else if (kommun) {
      const column = headers[col.kommun!]
      if (!/^\d{4}$/.test(kommun) || !options.municipalities.has(kommun)) {
        if (!problem({ row, column, key: 'unknownMunicipality', params: { value: clip(kommunRaw) } })) return false
      } else {
        area = kommun
        municipality = kommun
      }
    } else if (!problem({ row, column: headers[col.deso ?? col.kommun!], key: 'missingArea' })) return false
    if (municipality && areas && !areas.has(municipality)) {
      if (
        !problem({ row, column: headers[col.deso !== undefined && deso ? col.deso : col.kommun!], key: 'areaOutsideSurvey', params: { value: municipality } })
      )
        return false
    }

    const yearText = fields[col.ar!].trim()
    const year = /^\d{4}$/.test(yearText) ? Number(yearText) : Number.NaN
    if (Number.isNaN(year)) {
      if (!problem({ row, column: headers[col.ar!], key: 'badYear', params: { value: clip(yearText) } })) return false
    } else if (year < years.min || year > years.max) {
      if (!problem({ row, column: headers[col.ar!], key: 'yearOutOfRange', params: { value: year, min: years.min, max: years.max } })) return false
    }

    const sexText = fields[col.kon!].trim().toLowerCase()
    const sex = SEXES[sexText]
    if (!sex && !problem({ row, column: headers[col.kon!], key: 'badSex', params: { value: clip(fields[col.kon!].trim()) } })) return false

    const age = col.aldersgrupp === undefined ? '' : fields[col.aldersgrupp].trim()
    if (age.length > VALUE_CHARS && !problem({ row, column: headers[col.aldersgrupp!], key: 'ageGroupTooLong', params: { max: VALUE_CHARS } })) return false

    const weightText = fields[col.vikt!].trim()
    const w = parseWeight(weightText)
    if (!Number.isFinite(w)) {
      if (!problem({ row, column: headers[col.vikt!], key: 'badWeight', params: { value: clip(weightText) } })) return false
    } else if (w <= 0 && !problem({ row, column: headers[col.vikt!], key: 'weightNotPositive', params: { value: clip(weightText) } })) return false

    const given: { q: number; code: string }[] = []
    for (const { index, col: c } of questionCols) {
      const code = fields[c].trim()
      if (code === '') continue
      if (!codeSets[index].has(code)) {
        if (!problem({ row, column: headers[c], key: 'badAnswer', params: { value: clip(code), codes: questions[index].codes.join(', ') } })) return false
        continue
      }
      given.push({ q: index, code })
    }
    // Once the file is refused nothing is added up: only the problems matter from then on.
    if (problems.length > 0) return true

    respondents++
    seenYears.add(year)
    const prefix = `${area}\t${year}\t${sex}\t${age}`
    const w2 = w * w
    for (const { q, code } of given) {
      answers++
      const map = cells[q]
      let acc = map.get(prefix)
      if (!acc) {
        acc = { n: 0, w: 0, wy: 0, w2: 0, w2y: 0 }
        map.set(prefix, acc)
      }
      acc.n++
      acc.w += w
      acc.w2 += w2
      if (reportedSets[q].has(code)) {
        acc.wy += w
        acc.w2y += w2
      }
    }
    return true
  }

  function collect(): CellSum[] {
    const out: CellSum[] = []
    cells.forEach((map, q) => {
      for (const [key, a] of map) {
        const [areaCode, year, sex, ageGroup] = key.split('\t')
        out.push({
          areaCode,
          municipalityCode: areaCode.slice(0, 4),
          year: Number(year),
          questionKey: questions[q].key,
          sex: sex as SexGroup,
          ageGroup,
          n: a.n,
          sumW: a.w,
          sumWy: a.wy,
          sumW2: a.w2,
          sumW2y: a.w2y,
        })
      }
    })
    return out
  }
}
