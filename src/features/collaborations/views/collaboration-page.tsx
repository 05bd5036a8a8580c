import { type Column, DataTable, StatusTag, SummaryList } from '../../../platform/views/data-display.tsx'
import { formatIsoDate } from '../../../platform/i18n/format.ts'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import type { BodyRow, ConvenorRow } from '../../bodies/index.ts'
import type { CollaborationRow, PartyRow } from '../collaborations.repo.ts'
import { ConvenorTag, Paragraphs, collaborationsCrumbs, period } from './parts.tsx'
import { StructureDiagram } from './structure-diagram.tsx'

interface Props {
  collaboration: CollaborationRow
  parties: PartyRow[]
  bodies: BodyRow[]
  /** Convenor periods of the bodies shown, for the structure's text version. */
  convenors?: ConvenorRow[]
  canManage: boolean
}

/** The partners' overview of one collaboration: facts, parties, bodies, structure, and the way on. */
export function CollaborationPage({ collaboration: c, parties, bodies, convenors = [], canManage }: Props) {
  const { t } = usePage()
  const names = new Map(bodies.map((b) => [b.id, b.name]))
  const partyColumns: Column<PartyRow>[] = [
    {
      key: 'name',
      label: t('collaborations.parties.party'),
      // A municipality's own lednings- och samordningsmodell is one click from its row (issue 6 D10).
      render: (p) => (p.kind === 'municipality' ? <a href={`/organisations/${p.organisationId}/structure`}>{p.name}</a> : p.name),
    },
    { key: 'kind', label: t('collaborations.parties.kind'), render: (p) => t(`organisations.kinds.${p.kind}`) },
    { key: 'role', label: t('collaborations.parties.role'), render: (p) => (p.isConvenor ? <ConvenorTag /> : t('collaborations.parties.member')) },
    { key: 'joined', label: t('collaborations.parties.joinedOn'), render: (p) => (p.joinedOn ? formatIsoDate(p.joinedOn) : '–') },
    // Each municipality's SÖ, åtgärdsplan and medborgarlöfte with the police (issue 8).
    {
      key: 'plans',
      label: t('collaborations.parties.plans'),
      render: (p) =>
        p.kind === 'municipality' ? (
          <a href={`/organisations/${p.organisationId}/plans`}>
            {t('collaborations.parties.plansLink')}
            <span class="visually-hidden"> – {p.name}</span>
          </a>
        ) : (
          '–'
        ),
    },
  ]
  const bodyColumns: Column<BodyRow>[] = [
    {
      key: 'name',
      label: t('bodies.fields.name'),
      render: (b) => (
        <>
          <a href={`/bodies/${b.id}`}>{b.name}</a>
          {b.isExample && (
            <>
              {' '}
              <StatusTag status="yellow" label={t('bodies.example')} />
            </>
          )}
        </>
      ),
    },
    { key: 'kind', label: t('bodies.fields.kind'), render: (b) => t(`bodies.kinds.${b.kind}`) },
    { key: 'theme', label: t('bodies.fields.theme'), render: (b) => b.theme ?? '–' },
    { key: 'parent', label: t('bodies.fields.parent'), render: (b) => (b.parentBodyId && names.get(b.parentBodyId)) || '–' },
  ]
  return (
    <Layout title={c.name} breadcrumbs={[...collaborationsCrumbs(t), { label: c.shortName }]} wide>
      <h1 class="heading-l">{c.name}</h1>
      <SummaryList
        rows={[
          { key: t('collaborations.fields.shortName'), value: c.shortName },
          { key: t('collaborations.fields.county'), value: c.countyName ?? '–' },
          { key: t('collaborations.fields.period'), value: period(c.periodStart, c.periodEnd) },
          { key: t('collaborations.fields.owner'), value: c.ownerName },
          { key: t('collaborations.fields.visibility'), value: t(`collaborations.visibility.${c.visibility}`) },
        ]}
      />
      {canManage && (
        <div class="button-group">
          <a class="button button--secondary" href={`/collaborations/${c.id}/edit`}>
            {t('collaborations.edit.link')}
          </a>
        </div>
      )}
      <h2 class="heading-m">{t('collaborations.fields.purpose')}</h2>
      {c.purpose ? <Paragraphs text={c.purpose} /> : <p class="body">–</p>}

      <nav aria-labelledby="more-heading">
        <h2 class="heading-m" id="more-heading">
          {t('collaborations.more.title')}
        </h2>
        <ul class="body">
          <li>
            <a href={`/collaborations/${c.id}/signatures`}>{t('collaborations.more.signatures')}</a>
          </li>
          <li>
            <a href={`/collaborations/${c.id}/declaration`}>{t('collaborations.more.declaration')}</a>
          </li>
          <li>
            <a href={`/collaborations/${c.id}/compliance`}>{t('collaborations.more.compliance')}</a>
          </li>
          {canManage && (
            <li>
              <a href={`/collaborations/${c.id}/follow-up`}>{t('plans.dashboard.link')}</a>
            </li>
          )}
          <li>
            <a href={`/collaborations/${c.id}/plans`}>{t('collaborations.more.plans')}</a>
          </li>
          <li>
            <a href={`/collaborations/${c.id}/people`}>{t('collaborations.more.people')}</a>
          </li>
          <li>
            <a href={`/collaborations/${c.id}/time`}>{t('collaborations.more.time')}</a>
          </li>
          <li>
            <a href={`/collaborations/${c.id}/yearly-reports`}>{t('yearlyReports.link')}</a>
            <a href={`/collaborations/${c.id}/timeline`}>{t('partyTimeline.link')}</a>
          </li>
          {c.visibility === 'public' && (
            <li>
              <a href={`/public/collaborations/${encodeURIComponent(c.code)}`}>{t('collaborations.more.public')}</a>
            </li>
          )}
        </ul>
      </nav>

      <DataTable caption={t('collaborations.parties.caption', { count: parties.length })} columns={partyColumns} rows={parties} />
      {canManage && (
        <p class="body">
          <a href={`/collaborations/${c.id}/parties`}>{t('collaborations.parties.manage')}</a>
        </p>
      )}

      <DataTable caption={t('bodies.caption', { count: bodies.length })} columns={bodyColumns} rows={bodies} empty={t('bodies.empty')} />
      {canManage && (
        <div class="button-group">
          <a class="button" href={`/collaborations/${c.id}/bodies/new`}>
            {t('bodies.new.link')}
          </a>
        </div>
      )}

      <StructureDiagram shortName={c.shortName} bodies={bodies} parties={parties} convenors={convenors} bodyHref={(id) => `/bodies/${id}`} />
    </Layout>
  )
}
