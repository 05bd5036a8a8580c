import type { Translate } from '../i18n/i18n.ts'
import type { TaskProblem } from './tasks.tables.ts'

/** One problem as a sentence: "Rad 7, kolumn vikt: …" (keys are full i18n keys). For pages and the CLI alike. */
export function problemLine(t: Translate, p: TaskProblem): string {
  const message = t(p.key, p.params)
  if (p.row !== undefined && p.column !== undefined) return t('tasks.problemRowColumn', { row: p.row, column: p.column, message })
  if (p.row !== undefined) return t('tasks.problemRow', { row: p.row, message })
  // A message written to follow "Rad 7:" starts a sentence of its own here.
  return message.charAt(0).toLocaleUpperCase('sv') + message.slice(1)
}
