import { addMonths } from '../../platform/dates/iso-dates.ts'

export { addMonths }

/**
 * When a lägesbild is due for review: the adoption date plus the interval in months (issue 9: a
 * setting, default two years), on the same day of the month or the month's last day when it has fewer.
 */
export const nextReviewDue = (adoptedOn: string, intervalMonths: number) => addMonths(adoptedOn, intervalMonths)

/** How soon a review is due, for the list's tag: red when passed, yellow within three months. */
export const SOON_MONTHS = 3

export type ReviewState = 'overdue' | 'soon' | 'later'

export function reviewState(due: string, today: string): ReviewState {
  if (due < today) return 'overdue'
  if (due <= addMonths(today, SOON_MONTHS)) return 'soon'
  return 'later'
}
