import { DataTable, StatusTag } from '../../../platform/views/data-display.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import type { Plan } from '../plans.repo.ts'
import { SHARED_KINDS } from '../plans.tables.ts'
import { ExportLinks, partyCrumbs, planListColumns } from './parts.tsx'

interface Props {
  organisation: { id: string; name: string; kind: string }
  plans: (Plan & { canEdit: boolean })[]
  names: Map<string, string>
  canCreate: boolean
  /** Due and overdue follow-up periods of the plans shown (issue 8 §10). */
  followUp?: { items: number; due: number; overdue: number }
}

/** A party's plans: its samverkansöverenskommelser, åtgärdsplaner and medborgarlöften (and the police area's, for the police). */
export function PartyPlansPage({ organisation, plans, names, canCreate, followUp }: Props) {
  const { t } = usePage()
  const cols = planListColumns(t)
  const title = t('plans.party.title', { name: organisation.name })
  return (
    <Layout title={title} wide breadcrumbs={[...partyCrumbs(t, organisation).slice(0, 2), { label: title }]}>
      <h1 class="heading-l">{title}</h1>
      <p class="body">{t('plans.party.lead')}</p>
      {followUp && followUp.items > 0 && (
        <p class="body">
          <StatusTag status={followUp.overdue ? 'red' : followUp.due ? 'yellow' : 'green'} label={t('plans.dashboard.partyTag')} />{' '}
          {t('plans.dashboard.partyLine', { due: followUp.due, overdue: followUp.overdue })}
        </p>
      )}
      {canCreate && (
        <p class="button-group">
          {SHARED_KINDS.map((k) => (
            <a class="button button--secondary" href={`/plans/new?organisationId=${organisation.id}&kind=${k}`}>
              {t(`plans.new.${k}`)}
            </a>
          ))}
        </p>
      )}
      {organisation.kind === 'municipality' && (
        <p class="body">
          <a href={`/organisations/${organisation.id}/situation-reports`}>{t('situationReports.list.link', { name: organisation.name })}</a>
          <br />
          <a href={`/organisations/${organisation.id}/work-process`}>{t('workProcess.link', { name: organisation.name })}</a>
        </p>
      )}
      <ExportLinks href={`/organisations/${organisation.id}/plans`} label={t('plans.export.partyPlans')} />
      <DataTable
        caption={t('plans.party.caption')}
        rows={plans}
        empty={t('plans.party.empty')}
        columns={[
          cols.title,
          cols.kind,
          {
            key: 'parties',
            label: t('plans.fields.owner'),
            render: (p) => [names.get(p.organisationId), p.partnerOrganisationId && names.get(p.partnerOrganisationId)].filter(Boolean).join(t('plans.joiner')),
          },
          cols.period,
          cols.status,
        ]}
      />
    </Layout>
  )
}
