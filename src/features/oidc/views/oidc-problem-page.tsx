import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'

/** Why an OIDC login did not go through, in plain words, with the way back to the login page. */
export function OidcProblemPage({ titleKey, bodyKey, params }: { titleKey: string; bodyKey: string; params?: Record<string, string> }) {
  const { t } = usePage()
  return (
    <Layout title={t(titleKey)}>
      <h1 class="heading-l">{t(titleKey)}</h1>
      <p class="body">{t(bodyKey, params)}</p>
      <p class="body">
        <a href="/login">{t('oidc.backToLogin')}</a>
      </p>
    </Layout>
  )
}
