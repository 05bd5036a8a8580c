import { formatDate } from '../../../platform/i18n/format.ts'
import { StatusTag } from '../../../platform/views/data-display.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import { LEGAL, type ObligationStatus, type Phrase } from '../law-tracker.evaluate.ts'

type T = ReturnType<typeof usePage>['t']
type Locale = ReturnType<typeof usePage>['locale']

/** A sentence of the evaluator in the reader's language, its dates written the Swedish (or English) way. */
export function phrase(t: T, locale: Locale, p: Phrase, suffix = ''): string {
  const dates = Object.fromEntries(Object.entries(p.dates ?? {}).map(([k, v]) => [k, formatDate(v, locale)]))
  return t(`${p.key}${suffix}`, { ...p.params, ...dates })
}

export const obligationName = (t: T, o: string) => t(`lawTracker.obligations.${o}`)

/** The colour, always with its word. */
export function ColourTag({ status }: { status: ObligationStatus }) {
  const { t } = usePage()
  return <StatusTag status={status.colour} label={t(`lawTracker.colours.${status.colour}`)} />
}

/** A matrix cell: the tag and the short sentence, linking to the municipality's page. */
export function StatusCell({ status }: { status: ObligationStatus }) {
  const { t, locale } = usePage()
  return (
    <>
      <ColourTag status={status} /> <span class="body-s">{phrase(t, locale, status.sentence, 'Short')}</span>
    </>
  )
}

/** One obligation in full: the sentence, its basis, the record it rests on and the next step. */
export function ObligationCard({ status }: { status: ObligationStatus }) {
  const { t, locale } = usePage()
  const o = status.obligation
  return (
    <section class="card" aria-labelledby={`obligation-${o}`}>
      <h2 class="heading-m" id={`obligation-${o}`}>
        {obligationName(t, o)} <ColourTag status={status} />
      </h2>
      <p class="body">{phrase(t, locale, status.sentence)}</p>
      <p class="body-s">
        {t(`lawTracker.basis.${o}`)}
        {!LEGAL[o] && <> {t('lawTracker.notLegal')}</>}
      </p>
      {status.ourRule && <p class="body-s">{t('lawTracker.ourRule')}</p>}
      {status.evidence && (
        <p class="body-s">
          {t('lawTracker.evidence.label')} <a href={status.evidence.href}>{status.evidence.labelKey ? t(status.evidence.labelKey) : status.evidence.label}</a>
        </p>
      )}
      {status.next && (
        <p class="body">
          <a class="button button--secondary" href={status.next.href}>
            {phrase(t, locale, status.next)}
          </a>
        </p>
      )}
    </section>
  )
}

export const trackerCrumbs = (t: T, county: { code: string; name: string }) => [
  { label: t('platform.nav.home'), href: '/' },
  { label: t('lawTracker.county.title', { county: county.name }), href: `/law/counties/${county.code}` },
]
