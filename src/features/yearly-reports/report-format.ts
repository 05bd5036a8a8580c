import { formatDate, formatNumber } from '../../platform/i18n/format.ts'
import { translator } from '../../platform/i18n/i18n.ts'

/** The report is Swedish whatever the reader's language: its words, numbers, dates, hours and shares. */
export const sv = translator('sv')
export const K = 'yearlyReports.doc'
export const num = (n: number, digits = 0) => formatNumber(n, 'sv', digits)
export const date = (d: string | null) => (d ? formatDate(d, 'sv') : '–')
export const hours = (minutes: number) => num(Math.round(minutes / 6) / 10, 1)
export const percent = (share: number) => `${num(share * 100, 0)} %`
