import type { Breakdown, IndicatorUnit, PeriodType } from '../indicators.tables.ts'
import type { AreaLookup } from './areas.ts'

/** The import formats (observation_imports.format, less 'seed'). */
export const IMPORT_FORMATS = ['bra', 'bra_wide', 'ntu', 'long'] as const
export type ImportFormat = (typeof IMPORT_FORMATS)[number]
export const isImportFormat = (v: unknown): v is ImportFormat => typeof v === 'string' && (IMPORT_FORMATS as readonly string[]).includes(v)

/** What a parser needs to know about an indicator. */
export interface IndicatorMeta {
  key: string
  name: string
  unit: IndicatorUnit
  periodType: PeriodType
  breakdowns: Breakdown[]
}

/** One value read from a file, checked, ready to be stored. */
export interface ParsedObservation {
  indicatorKey: string
  areaCode: string
  period: string
  /** '' for everyone, else `kon=kvinna` or `aldersgrupp=16-24;kon=man` (keys sorted). */
  breakdown: string
  value: number | null
  suppressed: boolean
  baseN: number | null
  ciLow: number | null
  ciHigh: number | null
  preliminary: boolean
  /** The file row (1 = the first line) it came from. */
  row: number
}

/**
 * One thing wrong with a file: its row (1 = the first line; 0 = not tied to a row), the column's
 * heading as the file writes it ('' = the whole row) and the message key under
 * `indicators.import.errors` with its parameters.
 */
export interface Problem {
  row: number
  column: string
  key: string
  params?: Record<string, string | number>
}

export interface ParseContext {
  /** The indicator the import was started for. */
  indicator: IndicatorMeta
  /** Every indicator (the long format and Brå's wide table by offence type name others). */
  indicators: IndicatorMeta[]
  areas: AreaLookup
  /** The period of a Brå municipal table (the file does not say it), already checked. */
  period?: string
  /** The area of an NTU table or of a Brå wide table by offence type, already checked. */
  area?: string
  /** CSV rows must have every field; a workbook leaves trailing empty cells out. */
  source: 'csv' | 'xlsx'
}

export type ParseResult = { ok: true; observations: ParsedObservation[] } | { ok: false; problems: Problem[] }

/** The blank observation a parser fills in. */
export const observation = (o: Pick<ParsedObservation, 'indicatorKey' | 'areaCode' | 'period' | 'row'> & Partial<ParsedObservation>): ParsedObservation => ({
  breakdown: '',
  value: null,
  suppressed: false,
  baseN: null,
  ciLow: null,
  ciHigh: null,
  preliminary: false,
  ...o,
})
