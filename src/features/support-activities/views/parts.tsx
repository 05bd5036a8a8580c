import type { Translate } from '../../../platform/i18n/i18n.ts'
import type { Crumb } from '../../../platform/views/layout.tsx'

/** Minutes as Swedish hours and minutes: "1 tim 30 min", "45 min"; none is a dash. */
export function formatDuration(t: Translate, minutes: number | null | undefined): string {
  if (minutes === null || minutes === undefined) return '–'
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  if (h === 0) return t('supportActivities.duration.minutes', { m })
  if (m === 0) return t('supportActivities.duration.hours', { h })
  return t('supportActivities.duration.both', { h, m })
}

export const listHref = (boardId: string, year?: string | number) => `/support-activities?board=${boardId}${year ? `&year=${year}` : ''}`

export const listCrumbs = (t: Translate, board: { id: string; name: string }): Crumb[] => [
  { href: '/', label: t('platform.nav.home') },
  { href: listHref(board.id), label: t('supportActivities.list.crumb', { name: board.name }) },
]
