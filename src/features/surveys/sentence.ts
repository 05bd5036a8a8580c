import { formatNumber } from '../../platform/i18n/format.ts'
import type { Locale, Translate } from '../../platform/i18n/i18n.ts'
import { type Difference, type Estimate, isSignificant } from './estimates.ts'

const NBSP = '\u00a0'

/** A share as Swedish users read it: whole percent, decimal comma, a non-breaking space before %. */
export function percent(share: number, locale: Locale, decimals = 0): string {
  return `${formatNumber(share * 100, locale, decimals)}${NBSP}%`
}

/** "p < 0,001" or "p = 0,012" (non-breaking spaces). */
export function pValueText(p: number, locale: Locale): string {
  // Non-breaking spaces: "p < 0,001" never breaks over two lines.
  return p < 0.001 ? `p${NBSP}<${NBSP}${formatNumber(0.001, locale, 3)}` : `p${NBSP}=${NBSP}${formatNumber(p, locale, 3)}`
}

/**
 * The gap between women and men in words (statistics.md "In words"): which group gives the reported
 * answer more often and the two shares; then whether the difference is statistically significant —
 * only then is its size in percentage points stated with the p-value.
 */
export function differenceSentence(t: Translate, locale: Locale, reportedLabel: string, women: Estimate, men: Estimate, d: Difference): string {
  const params = { label: reportedLabel, women: percent(women.share, locale), men: percent(men.share, locale) }
  if (!isSignificant(d)) return `${t('surveys.sentence.shares', params)} ${t('surveys.sentence.notSignificant')}`
  const first = t(d.estimate < 0 ? 'surveys.sentence.lower' : 'surveys.sentence.higher', params)
  const points = formatNumber(Math.round(Math.abs(d.estimate) * 100), locale, 0)
  return `${first} ${t('surveys.sentence.significant', { points, p: pValueText(d.pValue, locale) })}`
}
