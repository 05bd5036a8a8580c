import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'

/** How the survey figures are computed, in plain Swedish (issue 9 §6): the method page every chart links to. */
export function HelpPage() {
  const { t } = usePage()
  const title = t('surveys.help.title')
  const sections = ['share', 'interval', 'difference', 'sentence', 'suppression', 'ourRule', 'weights', 'privacy'] as const
  return (
    <Layout title={title} breadcrumbs={[{ href: '/', label: t('platform.nav.home') }, { href: '/surveys', label: t('surveys.list.title') }, { label: title }]}>
      <h1 class="heading-l">{title}</h1>
      <p class="lead">{t('surveys.help.intro')}</p>
      {sections.map((s) => (
        <section aria-labelledby={`help-${s}`}>
          <h2 class="heading-m" id={`help-${s}`}>
            {t(`surveys.help.${s}.title`)}
          </h2>
          <p class="body">{t(`surveys.help.${s}.text`)}</p>
        </section>
      ))}
    </Layout>
  )
}
