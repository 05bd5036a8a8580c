import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'

/** Tillgänglighetsredogörelse as DOS-lagen (2018:1937) requires, with a way to report problems. */
export function AccessibilityPage({ contactEmail }: { contactEmail: string }) {
  const { t } = usePage()
  const crumbs = [{ href: '/', label: t('platform.nav.home') }, { label: t('pages.accessibility.title') }]
  return (
    <Layout title={t('pages.accessibility.title')} breadcrumbs={crumbs}>
      <h1 class="heading-l">{t('pages.accessibility.title')}</h1>
      <p class="lead">{t('pages.accessibility.lead')}</p>
      <h2 class="heading-m">{t('pages.accessibility.statusTitle')}</h2>
      <p class="body">{t('pages.accessibility.status')}</p>
      <h2 class="heading-m">{t('pages.accessibility.knownTitle')}</h2>
      <p class="body">{t('pages.accessibility.known')}</p>
      <h2 class="heading-m" id="report">
        {t('pages.accessibility.reportTitle')}
      </h2>
      <p class="body">
        {t('pages.accessibility.report')} <a href={`mailto:${contactEmail}?subject=Tillg%C3%A4nglighet%20Tillsammans`}>{contactEmail}</a>
      </p>
      <h2 class="heading-m">{t('pages.accessibility.supervisionTitle')}</h2>
      <p class="body">
        {t('pages.accessibility.supervision')} <a href="https://www.digg.se/tdosanmalan">{t('pages.accessibility.diggLink')}</a>
      </p>
      <h2 class="heading-m">{t('pages.accessibility.methodTitle')}</h2>
      <p class="body">{t('pages.accessibility.method')}</p>
    </Layout>
  )
}
