import type { YearlyReportKind, YearlyReportScope } from './yearly-reports.tables.ts'

/**
 * The sections of each kind of report, in order. Data sections are filled from the platform and get
 * a narrative (Länsstyrelsen's and Polisen's assessment) under them; the last ones are narrative only.
 * The follow-up report's sections are the list of issue 10 §4.
 */
export const SECTIONS: Record<YearlyReportKind, readonly { key: string; data: boolean; only?: YearlyReportScope }[]> = {
  follow_up: [
    { key: 'parties', data: true },
    { key: 'participation', data: true },
    { key: 'meetings', data: true },
    { key: 'plans', data: true },
    { key: 'local', data: true },
    { key: 'law', data: true },
    { key: 'indicators', data: true },
    // The evaluation over the period (issue 10 §6): each party's course through it, in a whole-period report.
    { key: 'timeline', data: true, only: 'period' },
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

/** The sections of a report of this kind and scope, in order. */
export const sectionsOf = (r: { kind: YearlyReportKind; scope: YearlyReportScope }) => SECTIONS[r.kind].filter((s) => !s.only || s.only === r.scope)
export const isSectionOf = (r: { kind: YearlyReportKind; scope: YearlyReportScope }, key: string) => sectionsOf(r).some((s) => s.key === key)
