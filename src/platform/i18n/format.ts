import type { Locale } from './i18n.ts'

/** Swedish conventions: ISO dates, "25 nov. 2026", decimal comma, a narrow no-break space between thousands. */
const TIME_ZONE = 'Europe/Stockholm'
const NNBSP = '\u202F'

const tag = (locale: Locale) => (locale === 'sv' ? 'sv-SE' : 'en-GB')

// Making an Intl formatter costs far more than using one: each is made once and kept.
const isoDate = new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' })
const clock = new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit' })
const shortDates = new Map<Locale, Intl.DateTimeFormat>()
const numbers = new Map<string, Intl.NumberFormat>()

function toDate(value: Date | string): Date {
  return typeof value === 'string' ? new Date(value.length === 10 ? `${value}T12:00:00Z` : value) : value
}

/** 2026-11-25 in both languages: officials file by ISO dates. */
export function formatIsoDate(value: Date | string): string {
  return isoDate.format(toDate(value))
}

export function formatDate(value: Date | string, locale: Locale): string {
  let format = shortDates.get(locale)
  if (!format) shortDates.set(locale, (format = new Intl.DateTimeFormat(tag(locale), { timeZone: TIME_ZONE, year: 'numeric', month: 'short', day: 'numeric' })))
  return format.format(toDate(value))
}

export function formatDateTime(value: Date | string, _locale: Locale): string {
  const d = toDate(value)
  return `${isoDate.format(d)} ${clock.format(d)}`
}

export function formatNumber(value: number, locale: Locale, fractionDigits?: number): string {
  const key = `${locale}|${fractionDigits}`
  let format = numbers.get(key)
  if (!format)
    numbers.set(key, (format = new Intl.NumberFormat(tag(locale), { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits ?? 2 })))
  const text = format.format(value)
  return locale === 'sv' ? text.replace(/[\u00A0\u2009 ]/g, NNBSP).replace('−', '-') : text
}
