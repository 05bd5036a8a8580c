import type { Period } from './periods.ts'

/**
 * The i18n message and params that name a period: "oktober 2026", "T3 2026 (sep–dec)",
 * "kvartal 4 2026", "andra halvåret 2026" (followUp.periodName.*).
 */
export function periodName(p: Period): { key: string; params: Record<string, string | number> } {
  const year = p.key.slice(0, 4)
  if (p.cadence === 'monthly') return { key: `followUp.periodName.monthly.${Number(p.key.slice(5, 7))}`, params: { year } }
  return { key: `followUp.periodName.${p.cadence}.${Number(p.key.slice(6))}`, params: { year } }
}
