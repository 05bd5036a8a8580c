/**
 * Calendar arithmetic on ISO dates (YYYY-MM-DD), pure and time-zone free: reviews, deadlines and
 * periods are dates, not instants.
 */

/** The same day `months` later, or the month's last day when it has fewer (2024-02-29 + 12 months = 2025-02-28). */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number]
  const total = y * 12 + (m - 1) + months
  const year = Math.floor(total / 12)
  const month = (total % 12) + 1
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`
}

/** Whole months from `from` to `to` (0 when `to` is earlier): 2024-03-12 → 2026-03-11 is 23. */
export function wholeMonthsBetween(from: string, to: string): number {
  if (to < from) return 0
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number]
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number]
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0)
}
