import type { z } from 'zod'

/**
 * A refinement for a batch in one API request: two entries for the same record (the same seat
 * twice) are refused, so the result never depends on which of them is written last. Each repeat
 * is reported at its own path, `entries.3.seatId`.
 */
export const noDuplicates =
  <T>(keyOf: (item: T) => unknown, field: string, message = 'platform.forms.duplicateEntry') =>
  (items: T[], ctx: z.RefinementCtx) => {
    const seen = new Set<unknown>()
    items.forEach((item, i) => {
      const key = keyOf(item)
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [i, field], message })
      seen.add(key)
    })
  }
