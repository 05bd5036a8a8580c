import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'

/** The cookies the platform sets, in the order a visitor meets them. Names are fixed in platform.tsx and the login routes. */
const COOKIES = [
  { name: 'tm_anon', key: 'anon' },
  { name: 'tm_session', key: 'session' },
  { name: 'tm_flash', key: 'flash' },
  { name: 'tm_lang', key: 'lang' },
  { name: 'tm_oidc', key: 'oidc' },
] as const

/**
 * Kakor och personuppgifter: even cookies that need no consent (lagen om elektronisk kommunikation
 * 9 kap. 28 §) must be explained, and GDPR art. 13 asks what is stored about whom and why.
 */
export function CookiesPage({ contactEmail }: { contactEmail: string }) {
  const { t } = usePage()
  const title = t('pages.cookies.title')
  return (
    <Layout title={title} breadcrumbs={[{ href: '/', label: t('platform.nav.home') }, { label: title }]}>
      <h1 class="heading-l">{title}</h1>
      <p class="lead">{t('pages.cookies.lead')}</p>
      <h2 class="heading-m">{t('pages.cookies.cookiesTitle')}</h2>
      <p class="body">{t('pages.cookies.cookiesIntro')}</p>
      <div class="table-wrap">
        <table class="table">
          <caption class="table__caption">{t('pages.cookies.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('pages.cookies.name')}</th>
              <th scope="col">{t('pages.cookies.purpose')}</th>
              <th scope="col">{t('pages.cookies.lifetime')}</th>
            </tr>
          </thead>
          <tbody>
            {COOKIES.map((c) => (
              <tr>
                <td>
                  <code>{c.name}</code>
                </td>
                <td>{t(`pages.cookies.list.${c.key}.purpose`)}</td>
                <td>{t(`pages.cookies.list.${c.key}.lifetime`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="body">{t('pages.cookies.noTracking')}</p>
      <h2 class="heading-m">{t('pages.cookies.dataTitle')}</h2>
      <p class="body">{t('pages.cookies.dataIntro')}</p>
      <ul class="body">
        <li>{t('pages.cookies.data.accounts')}</li>
        <li>{t('pages.cookies.data.people')}</li>
        <li>{t('pages.cookies.data.sessions')}</li>
        <li>{t('pages.cookies.data.audit')}</li>
        <li>{t('pages.cookies.data.mail')}</li>
      </ul>
      <p class="body">{t('pages.cookies.noOffences')}</p>
      <h2 class="heading-m">{t('pages.cookies.rightsTitle')}</h2>
      <p class="body">{t('pages.cookies.rights')}</p>
      <p class="body">
        {t('pages.cookies.contact')} <a href={`mailto:${contactEmail}`}>{contactEmail}</a>
      </p>
    </Layout>
  )
}
