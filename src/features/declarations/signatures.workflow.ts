/**
 * The signature workflow as pure data and functions, so the rules can be read (and tested) in one
 * place: invited → in_preparation → decided → signed, or declined / withdrawn with a reason.
 */
import type { SignatureStatus } from './declarations.tables.ts'

export type { SignatureStatus }

/**
 * The steps allowed from each status. A status listed as its own step is a correction of the current
 * step's details (a typo in the diarienummer); it is audited like any other step.
 */
export const NEXT_STEPS: Record<SignatureStatus, readonly SignatureStatus[]> = {
  invited: ['in_preparation', 'declined'],
  in_preparation: ['decided', 'declined', 'in_preparation'],
  decided: ['signed', 'withdrawn', 'decided'],
  signed: ['withdrawn', 'signed'],
  declined: [],
  withdrawn: [],
}

export const canStep = (from: SignatureStatus, to: SignatureStatus) => NEXT_STEPS[from].includes(to)

/** Board and filter order: how far along the workflow a party has come. */
export const STATUS_ORDER: Record<SignatureStatus, number> = { invited: 0, in_preparation: 1, decided: 2, signed: 3, declined: 4, withdrawn: 5 }

/** Always text plus colour: signed green, under way yellow, not started grey, refused red. */
export const STATUS_COLOUR: Record<SignatureStatus, 'green' | 'yellow' | 'grey' | 'red'> = {
  invited: 'grey',
  in_preparation: 'yellow',
  decided: 'yellow',
  signed: 'green',
  declined: 'red',
  withdrawn: 'red',
}

/** The dated facts of a record that the rules look at. */
export interface DatedRecord {
  memoDate: string | null
  decisionDate: string | null
  signedOn: string | null
}

export interface DateProblem {
  field: keyof DatedRecord
  key: string
  params: Record<string, string>
}

/**
 * The date rules on a record as it would be after a step (ISO dates compare as strings): no step in
 * the future, the decision not before the memo, the signature not before the decision.
 */
export function dateProblems(r: DatedRecord, today: string): DateProblem[] {
  const problems: DateProblem[] = []
  for (const field of ['memoDate', 'decisionDate', 'signedOn'] as const) {
    const value = r[field]
    if (value && value > today) problems.push({ field, key: 'declarations.errors.dateInFuture', params: { date: today } })
  }
  if (r.decisionDate && r.memoDate && r.decisionDate < r.memoDate) {
    problems.push({ field: 'decisionDate', key: 'declarations.errors.decisionBeforeMemo', params: { date: r.memoDate } })
  }
  if (r.signedOn && r.decisionDate && r.signedOn < r.decisionDate) {
    problems.push({ field: 'signedOn', key: 'declarations.errors.signedBeforeDecision', params: { date: r.decisionDate } })
  }
  return problems
}

/**
 * A declaration version is locked once any party has decided on it. A record that was decided and
 * later withdrawn still was a decision on that text, so a recorded decision date locks it too.
 */
export const locksVersion = (s: { status: SignatureStatus; decisionDate: string | null }) =>
  s.status === 'decided' || s.status === 'signed' || s.decisionDate !== null

/** "1. Text", "1) Text" and "- Text" typed by a user become "Text": the numbers are the document's job. */
export const stripNumbering = (line: string) => line.replace(/^\s*(?:\d{1,2}\s*[.)]|[-•*])\s+/, '').trim()

/** A TextArea with one decision per line, as the stored list (empty lines dropped). */
export const linesOf = (text: string) =>
  text
    .split(/\r?\n/)
    .map(stripNumbering)
    .filter((l) => l.length > 0)
