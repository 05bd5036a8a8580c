/**
 * When a lägesbild is due for review: the adoption date plus the interval in months (issue 9: a
 * setting, default two years), on the same day of the month or the month's last day when it has
 * fewer (2024-02-29 + 12 months = 2025-02-28). Pure, on ISO dates.
 */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number]
  const total = y * 12 + (m - 1) + months
  const year = Math.floor(total / 12)
  const month = (total % 12) + 1
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`
}

export const nextReviewDue = (adoptedOn: string, intervalMonths: number) => addMonths(adoptedOn, intervalMonths)

/** How soon a review is due, for the list's tag: red when passed, yellow within three months. */
export const SOON_MONTHS = 3

export type ReviewState = 'overdue' | 'soon' | 'later'

export function reviewState(due: string, today: string): ReviewState {
  if (due < today) return 'overdue'
  if (due <= addMonths(today, SOON_MONTHS)) return 'soon'
  return 'later'
}
