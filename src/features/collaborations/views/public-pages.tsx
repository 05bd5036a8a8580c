import { type Column, DataTable, SummaryList } from '../../../platform/views/data-display.tsx'
import { formatIsoDate } from '../../../platform/i18n/format.ts'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import type { PublicSeatHolder } from '../../bodies/index.ts'
import type { CollaborationRow } from '../collaborations.repo.ts'
import type { PublicOverview, PublicParty } from '../collaborations.service.ts'
import { Paragraphs, SigningTag, period } from './parts.tsx'
import { StructureDiagram } from './structure-diagram.tsx'

const publicCrumbs = (t: (k: string) => string) => [
  { href: '/', label: t('platform.nav.home') },
  { href: '/public/collaborations', label: t('collaborations.public.title') },
]

export function PublicListPage({ rows }: { rows: CollaborationRow[] }) {
  const { t } = usePage()
  return (
    <Layout title={t('collaborations.public.title')} breadcrumbs={[{ href: '/', label: t('platform.nav.home') }, { label: t('collaborations.public.title') }]}>
      <h1 class="heading-l">{t('collaborations.public.title')}</h1>
      <p class="lead">{t('collaborations.public.intro')}</p>
      {rows.length === 0 ? (
        <p class="body">{t('collaborations.empty')}</p>
      ) : (
        <ul class="card-grid">
          {rows.map((c) => (
            <li class="card">
              <h2 class="heading-s">
                <a href={`/public/collaborations/${encodeURIComponent(c.code)}`}>{c.name}</a>
              </h2>
              <p class="body-s">
                {c.shortName} · {period(c.periodStart, c.periodEnd)}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  )
}

function SeatHolders({ holders, bodyName }: { holders: PublicSeatHolder[]; bodyName: string }) {
  const { t } = usePage()
  if (holders.length === 0) return <p class="body-s">{t('collaborations.public.noPublicSeats')}</p>
  const columns: Column<PublicSeatHolder>[] = [
    { key: 'name', label: t('collaborations.public.seat.name'), render: (h) => h.name },
    { key: 'title', label: t('collaborations.public.seat.title'), render: (h) => h.title ?? '–' },
    { key: 'party', label: t('collaborations.public.seat.party'), render: (h) => h.partyName },
    {
      key: 'role',
      label: t('collaborations.public.seat.role'),
      render: (h) => (h.membership === 'substitute' ? `${t(`bodies.roles.${h.role}`)} (${t('bodies.substitute')})` : t(`bodies.roles.${h.role}`)),
    },
  ]
  return <DataTable caption={t('collaborations.public.seat.caption', { body: bodyName })} columns={columns} rows={holders} />
}

/** The overview anyone may read: purpose, period, parties and their signing, structure, bodies and public seats. */
export function PublicCollaborationPage({ overview }: { overview: PublicOverview }) {
  const { t } = usePage()
  const { collaboration: c, parties, bodies, seatHolders, declarationTitle } = overview
  const names = new Map(bodies.map((b) => [b.id, b.name]))
  const convenors = parties.filter((p) => p.isConvenor).map((p) => p.name)
  const partyColumns: Column<PublicParty>[] = [
    { key: 'name', label: t('collaborations.parties.party'), render: (p) => p.name },
    { key: 'kind', label: t('collaborations.parties.kind'), render: (p) => t(`organisations.kinds.${p.kind}`) },
    {
      key: 'signing',
      label: t('collaborations.signing.column'),
      render: (p) => (
        <>
          <SigningTag status={p.signing?.status} />
          {p.signing?.status === 'signed' && p.signing.signedOn && <> {t('collaborations.signing.signedOn', { date: formatIsoDate(p.signing.signedOn) })}</>}
        </>
      ),
    },
  ]
  return (
    <Layout title={c.name} breadcrumbs={[...publicCrumbs(t), { label: c.shortName }]} wide>
      <h1 class="heading-l">{c.name}</h1>
      {c.purpose && <Paragraphs text={c.purpose} class="lead" />}
      <SummaryList
        rows={[
          { key: t('collaborations.fields.shortName'), value: c.shortName },
          { key: t('collaborations.fields.period'), value: period(c.periodStart, c.periodEnd) },
          { key: t('collaborations.fields.county'), value: c.countyName ?? '–' },
          { key: t('collaborations.public.convenors'), value: convenors.length ? convenors.join(', ') : '–' },
        ]}
      />
      {declarationTitle && <p class="body">{t('collaborations.signing.intro', { title: declarationTitle })}</p>}
      <DataTable caption={t('collaborations.parties.caption', { count: parties.length })} columns={partyColumns} rows={parties} />

      <StructureDiagram shortName={c.shortName} bodies={bodies} parties={parties} />

      <h2 class="heading-m">{t('collaborations.public.bodiesTitle')}</h2>
      {bodies.length === 0 && <p class="body">{t('bodies.empty')}</p>}
      {bodies.map((b) => (
        <section aria-labelledby={`body-${b.id}`}>
          <h3 class="heading-s" id={`body-${b.id}`}>
            {b.name}
          </h3>
          <p class="body-s">
            {t(`bodies.kinds.${b.kind}`)}
            {b.isExample ? ` · ${t('bodies.example')}` : ''}
            {b.parentBodyId && names.get(b.parentBodyId) ? ` · ${t('bodies.reportsTo', { name: names.get(b.parentBodyId)! })}` : ''}
          </p>
          {b.mandate && <Paragraphs text={b.mandate} />}
          <SeatHolders holders={seatHolders.get(b.id) ?? []} bodyName={b.name} />
        </section>
      ))}
    </Layout>
  )
}
