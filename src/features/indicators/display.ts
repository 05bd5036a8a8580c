import type { Locale, Translate } from '../../platform/i18n/i18n.ts'
import { formatNumber } from '../../platform/i18n/format.ts'
import type { IndicatorUnit } from './indicators.tables.ts'

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits

/** A value in its unit: counts whole, rates and means with one decimal, percentages with at most one and " %". */
export function formatValue(unit: IndicatorUnit, value: number, locale: Locale): string {
  if (unit === 'count') return formatNumber(Math.round(value), locale, 0)
  if (unit === 'percent') return `${formatNumber(round(value, 1), locale)}\u00a0%`
  return formatNumber(round(value, 1), locale)
}

export const formatRate = (value: number, locale: Locale) => formatNumber(round(value, 1), locale, 1)

/** "Alla", "Kvinnor", "Män", or the stored text for other breakdowns. */
export function breakdownLabel(t: Translate, breakdown: string): string {
  if (breakdown === '') return t('indicators.breakdown.all')
  const parts = breakdown.split(';').map((pair) => {
    const [k, v] = pair.split('=')
    if (k === 'kon') return t(`indicators.breakdown.kon.${v}`)
    return `${t(`indicators.breakdowns.${k}`)}: ${v}`
  })
  return parts.join(', ')
}
