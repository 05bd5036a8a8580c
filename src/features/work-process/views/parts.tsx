import type { Translate } from '../../../platform/i18n/i18n.ts'
import { formatIsoDate } from '../../../platform/i18n/format.ts'
import { StatusTag } from '../../../platform/views/data-display.tsx'
import type { Crumb } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import type { PointState, StepState } from '../work-process.derive.ts'

export const pairHref = (p: { municipalityId: string; policeAreaId: string }) => `/work-process/${p.municipalityId}/${p.policeAreaId}`

export const overviewCrumbs = (t: Translate, countyCode?: string): Crumb[] => [
  { href: '/', label: t('platform.nav.home') },
  { href: countyCode ? `/work-process?county=${countyCode}` : '/work-process', label: t('workProcess.title') },
]

const STEP_COLOUR: Record<StepState, 'green' | 'yellow' | 'grey'> = { done: 'green', in_progress: 'yellow', not_started: 'grey' }

/** A step's state as text and colour: "Klart", "Pågår (2 av 3)", "Ej påbörjat (0 av 3)". */
export function StepTag({ state, done, total }: { state: StepState; done: number; total: number }) {
  const { t } = usePage()
  return <StatusTag status={STEP_COLOUR[state]} label={t(`workProcess.stepState.${state}`, { done, total })} />
}

const POINT_COLOUR: Record<PointState, 'green' | 'grey' | 'yellow'> = { done: 'green', open: 'yellow', not_applicable: 'grey' }

export function PointTag({ state }: { state: PointState }) {
  const { t } = usePage()
  return <StatusTag status={POINT_COLOUR[state]} label={t(`workProcess.pointState.${state}`)} />
}

export const dateText = (d: string | null) => (d ? formatIsoDate(d) : '–')
