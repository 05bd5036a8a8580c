import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'

/** Start page: what the platform is, and for a signed-in user a tile for each thing they may do. */
export function HomePage() {
  const { t, actor, nav, collaborationName } = usePage()
  const tiles = nav.filter((i) => i.descriptionKey)
  return (
    <Layout title={t('pages.home.title')}>
      <h1 class="heading-xl">{actor ? t('pages.home.welcome', { name: actor.name }) : collaborationName}</h1>
      <p class="lead">{t('pages.home.lead')}</p>
      {actor ? (
        <ul class="card-grid">
          {tiles.map((i) => (
            <li class="card">
              <h2 class="heading-s">
                <a href={i.href}>{t(i.labelKey)}</a>
              </h2>
              <p class="body-s">{t(i.descriptionKey!)}</p>
            </li>
          ))}
        </ul>
      ) : (
        <>
          <p class="body">{t('pages.home.anonymous')}</p>
          <p class="body">
            <a class="button button--primary" href="/login">
              {t('platform.layout.login')}
            </a>
          </p>
        </>
      )}
    </Layout>
  )
}
