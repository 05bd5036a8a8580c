import { z } from 'zod'
import { isIsoDate, isoDate } from '../../platform/forms/dates.ts'
import { checkbox, versionField } from '../../platform/forms/fields.ts'
import { type FormValues, trimmed } from '../../platform/forms/parse-form.ts'
import { parseFigureValue } from './figures.ts'
import type { MappingFigure, SourceNote } from './situation-reports.tables.ts'

const optionalText = (max: number) => z.preprocess(trimmed, z.string().max(max).optional())
const requiredText = (max: number, key: string) => z.preprocess(trimmed, z.string({ error: key }).min(1, { error: key }).max(max))
const VISIBILITIES = ['public', 'partners', 'organisation'] as const

/** More rows than any lägesbild has: a form claiming more is not ours. */
export const MAX_ROWS = 100

const headerFields = {
  title: requiredText(300, 'situationReports.errors.titleRequired'),
  periodStart: isoDate('situationReports.errors.periodStartRequired'),
  periodEnd: isoDate('situationReports.errors.periodEndRequired'),
  visibility: z.enum(VISIBILITIES, { error: 'situationReports.errors.visibilityRequired' }),
  reviewIntervalMonths: z.preprocess(
    trimmed,
    z.coerce
      .number({ error: 'situationReports.errors.intervalInvalid' })
      .int({ error: 'situationReports.errors.intervalInvalid' })
      .min(1, { error: 'situationReports.errors.intervalInvalid' })
      .max(120, { error: 'situationReports.errors.intervalInvalid' })
      .default(24),
  ),
}

/** Checked even when other fields are wrong, so the error summary lists every problem at once. */
const periodError = {
  error: 'situationReports.errors.periodOrder',
  path: ['periodEnd'],
  when: (payload: { value: unknown }) => {
    const v = payload.value as Record<string, unknown>
    return isIsoDate(v.periodStart) && isIsoDate(v.periodEnd)
  },
}
const periodInOrder = (v: { periodStart: string; periodEnd: string }) => v.periodEnd >= v.periodStart

export const CreateReportInput = z
  .object({ ...headerFields, organisationId: z.uuid({ error: 'situationReports.errors.organisationInvalid' }) })
  .refine(periodInOrder, periodError)
export type CreateReportInput = z.output<typeof CreateReportInput>

/**
 * The sections form: the header, the kartläggning's text and figures, annan information, the
 * analysis and the sources. Figures and sources are numbered rows (`figure_0`, `sourceName_0` …);
 * an empty row is dropped.
 */
export function sectionsInput(figureRows: number, sourceRows: number) {
  const shape: Record<string, z.ZodType> = {
    ...headerFields,
    mappingText: optionalText(50_000),
    otherInformation: optionalText(50_000),
    analysis: optionalText(50_000),
    version: versionField,
  }
  for (let n = 0; n < figureRows; n++) {
    shape[`figure_${n}`] = z.preprocess(
      trimmed,
      z
        .string()
        .refine((v) => !!parseFigureValue(v), { error: 'situationReports.errors.figureInvalid' })
        .optional(),
    )
    shape[`figureNote_${n}`] = optionalText(1000)
  }
  for (let n = 0; n < sourceRows; n++) {
    shape[`sourceName_${n}`] = optionalText(300)
    shape[`sourceUsed_${n}`] = z.preprocess(trimmed, z.enum(['yes', 'no'], { error: 'situationReports.errors.sourceUsedRequired' }).optional())
    shape[`sourceLimitations_${n}`] = optionalText(5000)
  }
  return z
    .object(shape)
    .refine((v) => periodInOrder(v as { periodStart: string; periodEnd: string }), periodError)
    .superRefine((v, ctx) => {
      for (let n = 0; n < sourceRows; n++) {
        const name = v[`sourceName_${n}`]
        if (!name && v[`sourceLimitations_${n}`])
          ctx.addIssue({ code: 'custom', path: [`sourceName_${n}`], message: 'situationReports.errors.sourceNameRequired' })
        if (name && !v[`sourceUsed_${n}`]) ctx.addIssue({ code: 'custom', path: [`sourceUsed_${n}`], message: 'situationReports.errors.sourceUsedRequired' })
      }
    })
}

/** The form's schema as declared on the route (metadata for the security tests: one row each). */
export const SectionsForm = sectionsInput(1, 1)

const countRows = (values: FormValues, pattern: RegExp) => {
  let max = -1
  for (const k of Object.keys(values)) {
    const m = pattern.exec(k)
    if (m) max = Math.max(max, Number(m[1]))
  }
  return Math.min(max + 1, MAX_ROWS)
}
export const figureRowCount = (v: FormValues) => countRows(v, /^figure(?:Note)?_(\d+)$/)
export const sourceRowCount = (v: FormValues) => countRows(v, /^source(?:Name|Used|Limitations)_(\d+)$/)

export interface SectionsInput {
  title: string
  periodStart: string
  periodEnd: string
  visibility: (typeof VISIBILITIES)[number]
  reviewIntervalMonths: number
  mappingText: string
  otherInformation: string
  analysis: string
  figures: MappingFigure[]
  sources: SourceNote[]
  version: number
}

/** The parsed form as the service takes it: empty rows dropped, figures and sources in their order. */
export function toSectionsInput(data: Record<string, unknown>, figureRows: number, sourceRows: number): SectionsInput {
  const s = (k: string) => (data[k] as string | undefined) ?? ''
  const figures: MappingFigure[] = []
  const seen = new Set<string>()
  for (let n = 0; n < figureRows; n++) {
    const f = parseFigureValue(s(`figure_${n}`), s(`figureNote_${n}`) || undefined)
    const key = s(`figure_${n}`)
    if (f && !seen.has(key)) {
      seen.add(key)
      figures.push(f)
    }
  }
  const sources: SourceNote[] = []
  for (let n = 0; n < sourceRows; n++) {
    const name = s(`sourceName_${n}`)
    if (name) sources.push({ name, used: s(`sourceUsed_${n}`) === 'yes', limitations: s(`sourceLimitations_${n}`) })
  }
  return {
    title: s('title'),
    periodStart: s('periodStart'),
    periodEnd: s('periodEnd'),
    visibility: data.visibility as SectionsInput['visibility'],
    reviewIntervalMonths: data.reviewIntervalMonths as number,
    mappingText: s('mappingText'),
    otherInformation: s('otherInformation'),
    analysis: s('analysis'),
    figures,
    sources,
    version: data.version as number,
  }
}

/**
 * The prioritised problems: one numbered row per problem of the municipality's plans, chosen or not,
 * with its priority and the orsaksanalys (the fishbone's three legs and the event chain).
 */
export function problemsInput(rows: number) {
  const shape: Record<string, z.ZodType> = { version: versionField }
  for (let n = 0; n < rows; n++) {
    shape[`itemId_${n}`] = z.uuid()
    shape[`chosen_${n}`] = checkbox
    shape[`priority_${n}`] = z.preprocess(
      trimmed,
      z.coerce
        .number({ error: 'situationReports.errors.priorityInvalid' })
        .int({ error: 'situationReports.errors.priorityInvalid' })
        .min(1, { error: 'situationReports.errors.priorityInvalid' })
        .max(99, { error: 'situationReports.errors.priorityInvalid' })
        .optional(),
    )
    shape[`victim_${n}`] = optionalText(20_000)
    shape[`offender_${n}`] = optionalText(20_000)
    shape[`place_${n}`] = optionalText(20_000)
    shape[`chain_${n}`] = optionalText(20_000)
  }
  return z.object(shape)
}
export const ProblemsForm = problemsInput(1)
export const problemRowCount = (v: FormValues) => Math.min(Object.keys(v).filter((k) => /^itemId_\d+$/.test(k)).length, MAX_ROWS)

export interface ProblemAnalysisInput {
  problemItemId: string
  victimCauses: string
  offenderCauses: string
  placeCauses: string
  eventChain: string
}

/** The chosen problems in priority order (a missing priority goes last, ties keep the page's order), numbered 1, 2, 3 … */
export function toProblemsInput(data: Record<string, unknown>, rows: number): { version: number; problems: ProblemAnalysisInput[] } {
  const chosen: (ProblemAnalysisInput & { order: number; n: number })[] = []
  for (let n = 0; n < rows; n++) {
    if (!data[`chosen_${n}`]) continue
    const s = (k: string) => (data[`${k}_${n}`] as string | undefined) ?? ''
    chosen.push({
      problemItemId: data[`itemId_${n}`] as string,
      victimCauses: s('victim'),
      offenderCauses: s('offender'),
      placeCauses: s('place'),
      eventChain: s('chain'),
      order: (data[`priority_${n}`] as number | undefined) ?? 1000,
      n,
    })
  }
  chosen.sort((a, b) => a.order - b.order || a.n - b.n)
  return { version: data.version as number, problems: chosen.map(({ order: _o, n: _n, ...p }) => p) }
}

export const AdoptInput = z.object({
  version: versionField,
  adoptedBy: requiredText(300, 'situationReports.errors.adoptedByRequired'),
  adoptedOn: isoDate('situationReports.errors.adoptedOnRequired'),
  adoptedParagraph: requiredText(50, 'situationReports.errors.adoptedParagraphRequired'),
})
export type AdoptInput = z.output<typeof AdoptInput>

/** "Starta ny version" names the version the user saw (a form without text fields). */
export const NewVersionInput = z.object({ version: versionField })
