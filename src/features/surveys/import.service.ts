import { createHash } from 'node:crypto'
import { audit } from '../../platform/audit/audit.ts'
import type { Deps } from '../../platform/deps.ts'
import { uniqueViolation } from '../../platform/http/errors.ts'
import type { TaskProblem } from '../../platform/jobs/tasks.tables.ts'
import { allMunicipalityCodes } from './definition.repo.ts'
import { type ActingCtx, auditContextOf, loadEditableSurvey } from './definition.service.ts'
import { type ParseQuestion, parseSurveyFile } from './import-parse.ts'
import * as repo from './import.repo.ts'
import { refreshAreaSums, type Survey, type SurveyQuestion } from './surveys.repo.ts'

/**
 * Import of an anonymous microdata file (issue 9 §5, §8): the file is read whole first (streaming,
 * import-parse.ts); with any problem nothing is stored. Otherwise one transaction stores the import's
 * fingerprint and counts and the per-cell sums, with one audit record (counts and sha256, never a
 * row). The respondents themselves are never stored (decision 013). The same file twice is refused.
 */

export interface ImportInput {
  fileName: string
  /** The bytes, or chunks of them (a file stream): never needed whole. */
  data: Uint8Array | AsyncIterable<Uint8Array>
  /** File header → canonical column or question key ('' ignores it), from the mapping step. */
  mapping?: Record<string, string>
  /** Called every 10 000 rows with the rows read (awaited: a task stores its progress). */
  onProgress?: (rows: number) => unknown
}

export interface ImportSummary {
  importId: string
  surveyId: string
  respondents: number
  answers: number
  years: number[]
  cells: number
  ignoredColumns: string[]
}

export type ImportOutcome = ({ ok: true } & ImportSummary) | { ok: false; problems: TaskProblem[] }

export const parseQuestionsOf = (questions: readonly SurveyQuestion[]): ParseQuestion[] =>
  questions.map((q) => ({ key: q.key, codes: q.answers.map((a) => a.code), reported: q.reported }))

export const sha256Of = (data: Uint8Array) => createHash('sha256').update(data).digest('hex')

/** The chunks as they pass, into a hash: a stream is fingerprinted while it is read, not before. */
async function* hashing(source: AsyncIterable<Uint8Array>, hash: ReturnType<typeof createHash>): AsyncGenerator<Uint8Array> {
  for await (const chunk of source) {
    hash.update(chunk)
    yield chunk
  }
}

const duplicate = (at: Date): TaskProblem => ({ key: 'duplicateFile', params: { date: at.toISOString().slice(0, 10) } })

/** Where a survey's import would go, and what its file must hold. @throws NotFoundError, ForbiddenError */
export async function importTarget(deps: Deps, ctx: ActingCtx, surveyId: string): Promise<{ survey: Survey; questions: SurveyQuestion[] }> {
  return loadEditableSurvey(deps, ctx, surveyId)
}

/**
 * Reads and stores one file for a survey, all or nothing. Returns the problems instead of throwing
 * for anything wrong with the file (they are shown, row by row); throws only when the actor may not.
 * @throws NotFoundError, ForbiddenError
 */
export async function importSurveyFile(deps: Deps, ctx: ActingCtx, surveyId: string, input: ImportInput): Promise<ImportOutcome> {
  const { survey, questions } = await importTarget(deps, ctx, surveyId)
  if (questions.length === 0) return { ok: false, problems: [{ key: 'noQuestions' }] }
  const known = input.data instanceof Uint8Array ? sha256Of(input.data) : undefined
  if (known) {
    const earlier = await repo.findImportBySha(deps.db, surveyId, known)
    if (earlier) return { ok: false, problems: [duplicate(earlier.createdAt)] }
  }
  const hash = createHash('sha256')
  const parsed = await parseSurveyFile(input.data instanceof Uint8Array ? input.data : hashing(input.data, hash), {
    questions: parseQuestionsOf(questions),
    municipalities: await allMunicipalityCodes(deps.db),
    areas: survey.areas,
    mapping: input.mapping,
    onProgress: input.onProgress,
  })
  if (!parsed.ok) return parsed
  const sha256 = known ?? hash.digest('hex')
  try {
    return await deps.db.transaction(async (tx) => {
      const row = await repo.insertImport(tx, {
        surveyId,
        fileName: input.fileName.slice(0, 300),
        sha256,
        respondents: parsed.respondents,
        answers: parsed.answers,
        years: parsed.years,
        createdBy: 'system' in ctx ? null : ctx.actor.userId,
      })
      await repo.insertCellSums(tx, row.id, surveyId, parsed.cells)
      // The roll-up the pages read is rewritten in the same transaction, so the two never disagree.
      await refreshAreaSums(tx, surveyId)
      const summary: ImportSummary = {
        importId: row.id,
        surveyId,
        respondents: parsed.respondents,
        answers: parsed.answers,
        years: parsed.years,
        cells: parsed.cells.length,
        ignoredColumns: parsed.ignoredColumns,
      }
      await audit(tx, auditContextOf(ctx), {
        action: 'survey.imported',
        entityType: 'survey',
        entityId: surveyId,
        organisationId: survey.organisationId,
        after: { ...summary, fileName: row.fileName, sha256 },
      })
      return { ok: true as const, ...summary }
    })
  } catch (err) {
    // The same file, imported by someone else while this one was being read.
    if (uniqueViolation(err, 'survey_imports_file_key')) return { ok: false, problems: [duplicate(new Date())] }
    throw err
  }
}
