import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'

/** What the platform does today: each line names a feature that exists (a test follows every link). */
const FEATURES = ['structure', 'declaration', 'commitments', 'meetings', 'plans', 'audit', 'api'] as const

export function AboutPage() {
  const { t } = usePage()
  return (
    <Layout title={t('pages.about.title')} breadcrumbs={[{ href: '/', label: t('platform.nav.home') }, { label: t('pages.about.title') }]}>
      <h1 class="heading-l">{t('pages.about.title')}</h1>
      <p class="lead">{t('pages.about.lead')}</p>
      <h2 class="heading-m">{t('pages.about.whatTitle')}</h2>
      <ul class="body">
        {FEATURES.map((f) => (
          <li>{t(`pages.about.what.${f}`)}</li>
        ))}
      </ul>
      <h2 class="heading-m">{t('pages.about.publicTitle')}</h2>
      <p class="body">
        {t('pages.about.public')} <a href="/public/collaborations">{t('pages.about.publicLink')}</a>
      </p>
      <p class="body">
        {t('pages.about.publicPromises')} <a href="/public/medborgarloften">{t('pages.about.publicPromisesLink')}</a>
      </p>
      <h2 class="heading-m">{t('pages.about.accountTitle')}</h2>
      <p class="body">{t('pages.about.account')}</p>
      <h2 class="heading-m">{t('pages.about.privacyTitle')}</h2>
      <p class="body">
        {t('pages.about.privacy')} <a href="/cookies">{t('pages.about.privacyLink')}</a>
      </p>
    </Layout>
  )
}
