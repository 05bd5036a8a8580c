import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import { FormatHelp } from './format-help.tsx'

/** The import formats and how per 100 000 inhabitants is computed, for anyone preparing a file. */
export function HelpPage() {
  const { t } = usePage()
  const title = t('indicators.help.title')
  return (
    <Layout
      title={title}
      breadcrumbs={[{ href: '/', label: t('platform.nav.home') }, { href: '/indicators', label: t('indicators.list.title') }, { label: title }]}
    >
      <h1 class="heading-l">{title}</h1>
      <p class="lead">{t('indicators.help.lead')}</p>
      <h2 class="heading-m">{t('indicators.help.perCapitaTitle')}</h2>
      <p class="body">{t('indicators.help.perCapita')}</p>
      <FormatHelp />
    </Layout>
  )
}
