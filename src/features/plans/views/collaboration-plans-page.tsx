import { DataTable } from '../../../platform/views/data-display.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import type { Plan } from '../plans.repo.ts'
import { COUNTY_PLAN_KINDS } from '../plans.tables.ts'
import { planListColumns } from './parts.tsx'

interface Props {
  collaboration: { id: string; name: string; shortName: string; organisationId: string }
  plans: Plan[]
  municipalities: { id: string; name: string }[]
  canCreate: boolean
}

/** A collaboration's county strategy and verksamhetsplaner, and the way to each municipality's own plans. */
export function CollaborationPlansPage({ collaboration: c, plans, municipalities, canCreate }: Props) {
  const { t } = usePage()
  const cols = planListColumns(t)
  const title = t('plans.collaboration.title', { name: c.shortName })
  return (
    <Layout
      title={title}
      wide
      breadcrumbs={[
        { href: '/', label: t('platform.nav.home') },
        { href: '/collaborations', label: t('collaborations.title') },
        { href: `/collaborations/${c.id}`, label: c.shortName },
        { label: title },
      ]}
    >
      <h1 class="heading-l">{title}</h1>
      <p class="body">{t('plans.collaboration.lead')}</p>
      {canCreate && (
        <p class="button-group">
          {COUNTY_PLAN_KINDS.map((k) => (
            <a class="button button--secondary" href={`/plans/new?organisationId=${c.organisationId}&kind=${k}&collaborationId=${c.id}`}>
              {t(`plans.new.${k}`)}
            </a>
          ))}
        </p>
      )}
      <DataTable
        caption={t('plans.collaboration.caption')}
        rows={plans}
        empty={t('plans.party.empty')}
        columns={[cols.title, cols.kind, cols.period, cols.status]}
      />
      <h2 class="heading-m">{t('plans.collaboration.municipalities')}</h2>
      <ul class="list list--columns">
        {municipalities.map((m) => (
          <li>
            <a href={`/organisations/${m.id}/plans`}>{m.name}</a>
          </li>
        ))}
      </ul>
    </Layout>
  )
}
