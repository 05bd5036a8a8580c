import type { Translate } from '../../../platform/i18n/i18n.ts'
import { StatusTag } from '../../../platform/views/data-display.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import type { Method } from '../methods.repo.ts'
import type { EffectLevel } from '../methods.tables.ts'

export type Values = Record<string, string | string[]>
export const str = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)
export const strs = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v])

export const libraryCrumbs = (t: Translate) => [
  { href: '/', label: t('platform.nav.home') },
  { href: '/knowledge', label: t('surveys.nav.knowledge') },
  { href: '/methods', label: t('methods.list.title') },
]

export const methodCrumbs = (t: Translate, m: Pick<Method, 'id' | 'name'>) => [...libraryCrumbs(t), { href: `/methods/${m.id}`, label: m.name }]

/** A proposal or a declined method says so; a curated one needs no tag. */
export function MethodStatusTag({ status }: { status: Method['status'] }) {
  const { t } = usePage()
  if (status === 'curated') return null
  return <StatusTag status={status === 'proposed' ? 'yellow' : 'grey'} label={t(status === 'proposed' ? 'methods.list.proposal' : 'methods.list.declined')} />
}

const EFFECT_COLOUR: Record<EffectLevel, 'green' | 'yellow' | 'red' | 'grey'> = {
  documented: 'green',
  promising: 'green',
  mixed: 'yellow',
  unknown: 'grey',
  none: 'red',
}

export function EffectTag({ level }: { level: EffectLevel }) {
  const { t } = usePage()
  return <StatusTag status={EFFECT_COLOUR[level]} label={t(`methods.effect.${level}`)} />
}

/** "Brottsutsatt, plats": the fishbone's legs in words. */
export const sidesText = (t: Translate, sides: readonly string[]) => sides.map((s) => t(`methods.side.${s}`)).join(', ')
