import { formatDate } from '../../../platform/i18n/format.ts'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'

/**
 * When the statement was first made and last reviewed. DOS-lagen asks for both; change UPDATED
 * (and the texts) whenever the statement is reviewed, not on every release.
 */
export const STATEMENT_CREATED = '2026-11-25'
export const STATEMENT_UPDATED = '2026-12-02'

/** Tillgänglighetsredogörelse as DOS-lagen (2018:1937) requires, with a way to report problems. */
export function AccessibilityPage({ contactEmail }: { contactEmail: string }) {
  const { t, locale } = usePage()
  const crumbs = [{ href: '/', label: t('platform.nav.home') }, { label: t('pages.accessibility.title') }]
  return (
    <Layout title={t('pages.accessibility.title')} breadcrumbs={crumbs}>
      <h1 class="heading-l">{t('pages.accessibility.title')}</h1>
      <p class="lead">{t('pages.accessibility.lead')}</p>
      <h2 class="heading-m">{t('pages.accessibility.complianceTitle')}</h2>
      <p class="body">{t('pages.accessibility.compliance')}</p>
      <h2 class="heading-m">{t('pages.accessibility.statusTitle')}</h2>
      <p class="body">{t('pages.accessibility.status')}</p>
      <h2 class="heading-m">{t('pages.accessibility.knownTitle')}</h2>
      <ul class="body">
        <li>{t('pages.accessibility.knownUploads')}</li>
        <li>{t('pages.accessibility.knownDocuments')}</li>
        <li>{t('pages.accessibility.knownScreenReaders')}</li>
      </ul>
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
      <h2 class="heading-m">{t('pages.accessibility.aboutTitle')}</h2>
      <p class="body">{t('pages.accessibility.dates', { created: formatDate(STATEMENT_CREATED, locale), updated: formatDate(STATEMENT_UPDATED, locale) })}</p>
    </Layout>
  )
}
