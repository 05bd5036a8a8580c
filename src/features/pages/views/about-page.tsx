import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'

export function AboutPage() {
  const { t } = usePage()
  return (
    <Layout title={t('pages.about.title')} breadcrumbs={[{ href: '/', label: t('platform.nav.home') }, { label: t('pages.about.title') }]}>
      <h1 class="heading-l">{t('pages.about.title')}</h1>
      <p class="lead">{t('pages.about.lead')}</p>
      <p class="body">{t('pages.about.body')}</p>
      <p class="body">{t('pages.about.privacy')}</p>
    </Layout>
  )
}
