import type { Deps } from '../../platform/deps.ts'
import { DomainError } from '../../platform/http/errors.ts'
import { defineTask } from '../../platform/jobs/tasks.ts'
import type { TaskProblem } from '../../platform/jobs/tasks.tables.ts'
import { actorForUser } from '../accounts/index.ts'
import { importSurveyFile } from './import.service.ts'

/** A survey file imported as a background task: progress on its page, then the outcome. */
export const SURVEY_IMPORT_TASK = 'survey.import'

/** About how many data rows a file has (its line breaks, less the header), for the progress bar. */
export function countRows(data: Uint8Array): number {
  let lines = 0
  for (let i = data.indexOf(10); i !== -1; i = data.indexOf(10, i + 1)) lines++
  if (data.length > 0 && data[data.length - 1] !== 10) lines++
  return Math.max(0, lines - 1)
}

/** The parser's problem keys as i18n keys of the task page. */
export const problemKeys = (problems: TaskProblem[]): TaskProblem[] => problems.map((p) => ({ ...p, key: `surveyImport.problems.${p.key}` }))

export function surveyImportTask(deps: Deps) {
  defineTask(deps, SURVEY_IMPORT_TASK, async ({ task, input, progress }) => {
    if (!input || !task.subjectId) return { ok: false, problems: [{ key: 'surveyImport.problems.inputGone' }] }
    // The import is done as the person who started it, with the rights they have now.
    const actor = await actorForUser(deps, task.createdBy, 'session')
    if (!actor) return { ok: false, problems: [{ key: 'surveyImport.problems.notAllowed' }] }
    const total = countRows(input)
    await progress(0, total)
    const mapping = (task.params.mapping ?? {}) as Record<string, string>
    try {
      const outcome = await importSurveyFile(deps, { actor }, task.subjectId, {
        fileName: task.inputName ?? 'enkat.csv',
        data: input,
        mapping,
        onProgress: (rows) => progress(rows),
      })
      if (!outcome.ok) return { ok: false, problems: problemKeys(outcome.problems) }
      await progress(outcome.respondents, outcome.respondents)
      const years = outcome.years.length > 1 ? `${outcome.years[0]}–${outcome.years.at(-1)}` : String(outcome.years[0])
      return {
        ok: true,
        result: {
          messageKey: 'surveyImport.done',
          params: { respondents: outcome.respondents, answers: outcome.answers, years },
          href: `/surveys/${task.subjectId}`,
          linkKey: 'surveyImport.toSurvey',
          importId: outcome.importId,
        },
      }
    } catch (err) {
      // The survey was removed, or the person lost the right to import into it, since the upload.
      if (err instanceof DomainError && (err.status === 403 || err.status === 404))
        return { ok: false, problems: [{ key: 'surveyImport.problems.notAllowed' }] }
      throw err
    }
  })
}
