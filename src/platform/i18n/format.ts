import type { Locale } from './i18n.ts'

/** Swedish conventions: ISO dates, "25 nov. 2026", decimal comma, a narrow no-break space between thousands. */
const TIME_ZONE = 'Europe/Stockholm'
const NNBSP = '\u202F'

const tag = (locale: Locale) => (locale === 'sv' ? 'sv-SE' : 'en-GB')

function toDate(value: Date | string): Date {
  return typeof value === 'string' ? new Date(value.length === 10 ? `${value}T12:00:00Z` : value) : value
}

/** 2026-11-25 in both languages: officials file by ISO dates. */
export function formatIsoDate(value: Date | string): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(toDate(value))
}

export function formatDate(value: Date | string, locale: Locale): string {
  return new Intl.DateTimeFormat(tag(locale), { timeZone: TIME_ZONE, year: 'numeric', month: 'short', day: 'numeric' }).format(toDate(value))
}

export function formatDateTime(value: Date | string, _locale: Locale): string {
  const d = toDate(value)
  const time = new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit' }).format(d)
  return `${formatIsoDate(d)} ${time}`
}

export function formatNumber(value: number, locale: Locale, fractionDigits?: number): string {
  const text = new Intl.NumberFormat(tag(locale), {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits ?? 2,
  }).format(value)
  return locale === 'sv' ? text.replace(/[\u00A0\u2009 ]/g, NNBSP).replace('−', '-') : text
}
