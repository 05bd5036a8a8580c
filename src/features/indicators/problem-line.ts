import type { Translate } from '../../platform/i18n/i18n.ts'
import type { Problem } from './parse/types.ts'

/** One problem as a sentence: "Rad 7, kolumn Antal: …" (without the column, or the row, when the problem is not tied to one). */
export function problemLine(t: Translate, p: Problem): string {
  const message = t(`indicators.import.errors.${p.key}`, p.params ?? {})
  if (p.row === 0) return message
  return p.column ? t('indicators.import.problemLine', { row: p.row, column: p.column, message }) : t('indicators.import.problemRow', { row: p.row, message })
}
