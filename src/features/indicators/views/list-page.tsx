import { isCoordinator } from '../../../platform/http/actor.ts'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import type { Indicator } from '../indicators.repo.ts'

export interface ListPageProps {
  groups: { source: string; indicators: (Indicator & { observations: number })[] }[]
}

/** Every indicator, grouped by who publishes it. */
export function ListPage({ groups }: ListPageProps) {
  const { t, actor } = usePage()
  const title = t('indicators.list.title')
  return (
    <Layout title={title} breadcrumbs={[{ href: '/', label: t('platform.nav.home') }, { label: title }]}>
      <h1 class="heading-l">{title}</h1>
      <p class="lead">{t('indicators.list.lead')}</p>
      {groups.length === 0 && <p class="body">{t('indicators.list.none')}</p>}
      {groups.map((g) => (
        <section aria-labelledby={`source-${g.source.replace(/\W+/g, '-')}`}>
          <h2 class="heading-m" id={`source-${g.source.replace(/\W+/g, '-')}`}>
            {g.source}
          </h2>
          <ul class="list">
            {g.indicators.map((i) => (
              <li>
                <a href={`/indicators/${i.key}`}>{i.name}</a>
                <span class="hint">
                  {' '}
                  – {t(`indicators.units.${i.unit}`)}, {t(`indicators.geography.${i.geographyLevel}`)},{' '}
                  {i.observations ? t('indicators.list.observations', { count: i.observations }) : t('indicators.list.noObservations')}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ))}
      <p class="body">
        <a href="/indicators/help">{t('indicators.help.link')}</a>
      </p>
      {actor?.via === 'session' && isCoordinator(actor) && (
        <p class="body">
          <a href="/indicators/populations">{t('indicators.populations.link')}</a>
        </p>
      )}
    </Layout>
  )
}
