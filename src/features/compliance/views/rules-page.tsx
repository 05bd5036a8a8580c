import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import type { CollaborationRow, RuleRow } from '../compliance.repo.ts'
import { RuleDescription } from './rule-text.tsx'

/** Every commitment rule of a collaboration, on or off, with its source; the coordinator edits each. */
export function RulesPage({ collaboration: c, rules, canConfigure }: { collaboration: CollaborationRow; rules: RuleRow[]; canConfigure: boolean }) {
  const { t } = usePage()
  const title = t('compliance.rulesPage.title', { name: c.shortName })
  return (
    <Layout
      title={title}
      breadcrumbs={[
        { href: '/', label: t('compliance.crumbs.home') },
        { href: `/collaborations/${c.id}`, label: c.shortName },
        { href: `/collaborations/${c.id}/compliance`, label: t('compliance.crumbs.compliance') },
        { label: t('compliance.crumbs.rules') },
      ]}
    >
      <h1 class="heading-l">{title}</h1>
      <p class="lead">{t('compliance.rulesPage.lead')}</p>
      {rules.map((r) => (
        <section class="section" aria-labelledby={`rule-${r.kind}`}>
          <h2 class="heading-m" id={`rule-${r.kind}`}>
            {t(`compliance.rules.${r.kind}.name`)} – {r.enabled ? t('compliance.rulesPage.on') : t('compliance.rulesPage.off')}
          </h2>
          <RuleDescription rule={r} />
          {canConfigure && (
            <p>
              <a href={`/compliance-rules/${r.id}/edit`}>
                {t('compliance.rulesPage.edit')}
                <span class="visually-hidden"> {t(`compliance.rules.${r.kind}.name`)}</span>
              </a>
            </p>
          )}
        </section>
      ))}
    </Layout>
  )
}
