import type { YearlyReportKind } from './yearly-reports.tables.ts'

/**
 * The sections of each kind of report, in order. Data sections are filled from the platform and get
 * a narrative (Länsstyrelsen's and Polisen's assessment) under them; the last ones are narrative only.
 * The follow-up report's sections are the list of issue 10 §4.
 */
export const SECTIONS: Record<YearlyReportKind, readonly { key: string; data: boolean }[]> = {
  follow_up: [
    { key: 'parties', data: true },
    { key: 'participation', data: true },
    { key: 'meetings', data: true },
    { key: 'plans', data: true },
    { key: 'local', data: true },
    { key: 'law', data: true },
    { key: 'indicators', data: true },
    { key: 'assessment', data: false },
    { key: 'recommendations', data: false },
  ],
  bra: [
    { key: 'support', data: true },
    { key: 'law', data: true },
    { key: 'collaboration', data: true },
    { key: 'assessment', data: false },
    { key: 'development', data: false },
  ],
}

export const sectionKeys = (kind: YearlyReportKind) => SECTIONS[kind].map((s) => s.key)
export const isSectionOf = (kind: YearlyReportKind, key: string) => SECTIONS[kind].some((s) => s.key === key)
