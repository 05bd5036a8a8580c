import { formatIsoDate, formatNumber } from '../../../platform/i18n/format.ts'
import { SummaryList } from '../../../platform/views/data-display.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import { Paragraphs } from '../../../platform/views/text-blocks.tsx'
import type { Plan } from '../plans.repo.ts'
import type { PublicMunicipality, PublicPromisePage as PageData } from '../public.service.ts'
import { EntryStatusTag, targetText } from './parts.tsx'
import { SummaryBody, useRevisionText, useSummaryPeriodName } from './summary-parts.tsx'

const FEED = '/public/medborgarloften.atom'
const period = (p: Pick<Plan, 'periodStart' | 'periodEnd'>) => `${formatIsoDate(p.periodStart)} – ${formatIsoDate(p.periodEnd)}`

function FeedLink() {
  const { t } = usePage()
  return (
    <p class="body-s">
      <a href={FEED} type="application/atom+xml">
        {t('plans.public.feed')}
      </a>
    </p>
  )
}

/** Every public medborgarlöfte, per municipality (issue 8 §12), readable without signing in. */
export function PublicPromisesPage({ groups, names }: { groups: PublicMunicipality[]; names: Map<string, string> }) {
  const { t } = usePage()
  const title = t('plans.public.title')
  return (
    <Layout title={title} breadcrumbs={[{ href: '/', label: t('platform.nav.home') }, { label: title }]}>
      <h1 class="heading-l">{title}</h1>
      <p class="lead">{t('plans.public.intro')}</p>
      <FeedLink />
      {groups.length === 0 && <p class="body">{t('plans.public.empty')}</p>}
      {groups.map((g) => (
        <section aria-labelledby={`m-${g.organisationId}`}>
          <h2 class="heading-m" id={`m-${g.organisationId}`}>
            {g.name}
          </h2>
          <ul class="list">
            {g.plans.map((p) => (
              <li>
                <a href={`/public/medborgarloften/${p.id}`}>{p.title}</a> ({period(p)}
                {p.partnerOrganisationId && names.get(p.partnerOrganisationId)
                  ? `, ${t('plans.public.with', { partner: names.get(p.partnerOrganisationId)! })}`
                  : ''}
                )
              </li>
            ))}
          </ul>
        </section>
      ))}
    </Layout>
  )
}

/**
 * One medborgarlöfte as the public reads it: who promises what and where, "Utlovat – Utfall" from the
 * published summaries only, the summaries themselves (earlier revisions kept), and the municipality's
 * earlier medborgarlöften.
 */
export function PublicPromisePage({ data }: { data: PageData }) {
  const { t, locale } = usePage()
  const { plan, names } = data
  const num = (n: number) => formatNumber(n, locale)
  const periodName = useSummaryPeriodName()
  const revisionText = useRevisionText()
  const municipality = names.get(plan.organisationId) ?? ''
  const partner = plan.partnerOrganisationId ? names.get(plan.partnerOrganisationId) : undefined
  const items = new Map(data.promises.map((i) => [i.id, i]))
  // The newest revision of each period is shown; earlier ones stay readable beneath it.
  const periods = [...new Set(data.summaries.map((s) => s.periodKey))]
  return (
    <Layout
      title={plan.title}
      breadcrumbs={[{ href: '/', label: t('platform.nav.home') }, { href: '/public/medborgarloften', label: t('plans.public.title') }, { label: plan.title }]}
    >
      <span class="caption">{t('plans.kinds.citizen_promise')}</span>
      <h1 class="heading-l">{plan.title}</h1>
      {plan.summary && <Paragraphs text={plan.summary} />}
      <SummaryList
        rows={[
          { key: t('plans.fields.owner'), value: partner ? t('plans.sharedBy', { owner: municipality, partner }) : municipality },
          { key: t('plans.fields.period'), value: period(plan) },
          ...(plan.basis ? [{ key: t('plans.fields.basis'), value: <Paragraphs text={plan.basis} /> }] : []),
          ...(plan.signatories.length
            ? [
                {
                  key: t('plans.fields.signatories'),
                  value: (
                    <ul class="list">
                      {plan.signatories.map((s) => (
                        <li>{[s.role, s.name, s.signedOn && formatIsoDate(s.signedOn)].filter(Boolean).join(', ')}</li>
                      ))}
                    </ul>
                  ),
                },
              ]
            : []),
        ]}
      />
      {data.focusAreas.length > 0 && (
        <>
          <h2 class="heading-m">{t('plans.sections.focus_area')}</h2>
          <ul class="list">
            {data.focusAreas.map((f) => (
              <li>{f.title}</li>
            ))}
          </ul>
        </>
      )}

      <h2 class="heading-m">{t('plans.sections.promise')}</h2>
      {data.promises.length === 0 && <p class="body">{t('plans.none.promise')}</p>}
      <ol class="promise-list">
        {data.promises.map((i) => {
          const f = data.figures.get(i.id)
          const target = targetText(t, i, num)
          return (
            <li class="promise">
              <h3 class="heading-s">{t(`plans.promisor.${i.promisor ?? 'joint'}`, { title: i.title })}</h3>
              {i.description && <Paragraphs text={i.description} class="body-s" />}
              {i.places && <p class="body-s">{t('plans.placesLine', { places: i.places })}</p>}
              {target && (
                <p class="body">
                  <strong>{t('plans.promisedDelivered', { target, delivered: f?.delivered == null ? '–' : num(f.delivered) })}</strong>
                </p>
              )}
              {f?.status && (
                <p class="body-s">
                  <EntryStatusTag status={f.status} />
                </p>
              )}
            </li>
          )
        })}
      </ol>
      <p class="body-s">{t('plans.public.deliveredNote')}</p>

      <h2 class="heading-m">{t('plans.public.summaries')}</h2>
      <FeedLink />
      {periods.length === 0 && <p class="body">{t('plans.public.noSummaries')}</p>}
      {periods.map((key) => {
        const [latest, ...earlier] = data.summaries.filter((s) => s.periodKey === key)
        return (
          <section aria-labelledby={`summary-${latest.id}`} class="summary-period">
            <h3 class="heading-s" id={`summary-${latest.id}`}>
              {periodName(latest)}
            </h3>
            <p class="body-s">{revisionText(latest)}</p>
            <SummaryBody summary={latest} items={items} headingLevel={4} />
            {earlier.map((s) => (
              <details class="details" id={`summary-${s.id}`}>
                <summary>{t('plans.public.earlierRevision', { text: revisionText(s) })}</summary>
                <SummaryBody summary={s} items={items} headingLevel={4} />
              </details>
            ))}
          </section>
        )
      })}

      <h2 class="heading-m">{t('plans.public.history')}</h2>
      {data.history.length === 0 ? (
        <p class="body">{t('plans.public.noHistory')}</p>
      ) : (
        <ul class="list">
          {data.history.map((p) => (
            <li>
              <a href={`/public/medborgarloften/${p.id}`}>{p.title}</a> ({period(p)})
            </li>
          ))}
        </ul>
      )}
    </Layout>
  )
}
