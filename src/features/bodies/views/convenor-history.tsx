import { formatIsoDate } from '../../../platform/i18n/format.ts'
import { usePage } from '../../../platform/views/page-context.ts'
import type { ConvenorRow } from '../convenors.repo.ts'
import { convenorHistory } from '../convenors.rules.ts'

/** "2017-01-01 – tills vidare" / "2010-01-01 – 2016-12-31". */
export function useSpan() {
  const { t } = usePage()
  return (from: string, to: string | null) => `${formatIsoDate(from)} – ${to ? formatIsoDate(to) : t('bodies.convenors.untilFurther')}`
}

/**
 * A body's convenors over time, with the stretches nobody recorded said to be unknown: the history of
 * Regbrå reads "2010-01-01 – 2016-12-31: uppgift saknas" and then Länsstyrelsen from 2017.
 */
export function ConvenorHistory({ activeFrom, convenors, class: cls = 'body' }: { activeFrom: string | null; convenors: ConvenorRow[]; class?: string }) {
  const { t } = usePage()
  const span = useSpan()
  const history = convenorHistory(activeFrom, convenors)
  if (history.length === 0) return <p class={cls}>{t('bodies.convenors.unknown')}</p>
  return (
    <ul class={cls}>
      {history.map((s) =>
        s.kind === 'known' ? (
          <li>
            {span(s.validFrom, s.validTo)}: {s.period.organisationName}
          </li>
        ) : (
          <li>
            {span(s.validFrom, s.validTo)}: {t('bodies.convenors.unknown')}
          </li>
        ),
      )}
    </ul>
  )
}
