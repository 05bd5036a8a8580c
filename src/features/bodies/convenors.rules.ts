/**
 * The rules of a body's convenor history (issue 6 B7), pure so they can be tested without a database:
 * periods of one body never overlap, and what the records do not cover is said to be unknown rather
 * than filled in with a guess.
 */

export interface Period {
  validFrom: string
  /** Null: still convening. */
  validTo: string | null
}

/** Two periods share at least one day (an open end reaches to the end of time). ISO dates compare as text. */
export const periodsOverlap = (a: Period, b: Period): boolean => a.validFrom <= (b.validTo ?? '9999-12-31') && b.validFrom <= (a.validTo ?? '9999-12-31')

/** The first stored period the candidate overlaps, ignoring the record being edited. */
export function firstOverlap<P extends Period & { id: string }>(candidate: Period, existing: P[], ignoreId?: string): P | undefined {
  return existing.filter((p) => p.id !== ignoreId).find((p) => periodsOverlap(candidate, p))
}

const dayBefore = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10)
const dayAfter = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)

export type HistorySegment<P> =
  | { kind: 'known'; period: P; validFrom: string; validTo: string | null }
  | { kind: 'unknown'; validFrom: string; validTo: string }

/**
 * The body's life split into the known convenor periods and the gaps between them: from the body's
 * start to the first period, and between periods. A gap at the end is not shown (the body may have
 * ended, or no one has recorded the next convenor yet: that is today, not history). Without a start
 * date of the body, nothing before the first period is claimed either way.
 */
export function convenorHistory<P extends Period>(activeFrom: string | null, periods: P[]): HistorySegment<P>[] {
  const sorted = [...periods].sort((a, b) => (a.validFrom < b.validFrom ? -1 : a.validFrom > b.validFrom ? 1 : 0))
  const out: HistorySegment<P>[] = []
  let cursor = activeFrom
  for (const p of sorted) {
    if (cursor && cursor < p.validFrom) out.push({ kind: 'unknown', validFrom: cursor, validTo: dayBefore(p.validFrom) })
    out.push({ kind: 'known', period: p, validFrom: p.validFrom, validTo: p.validTo })
    cursor = p.validTo ? dayAfter(p.validTo) : null
    if (!cursor) break
  }
  return out
}
