import { DataTable, SummaryList } from '../../../platform/views/data-display.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import { Paragraphs } from '../../../platform/views/text-blocks.tsx'
import type { MeasureSummary } from '../../plans/index.ts'
import type { MethodPageData } from '../methods.service.ts'
import { HowItWent, LatestStatus } from './measure-status.tsx'
import { EffectTag, MethodStatusTag, libraryCrumbs, sidesText } from './parts.tsx'

export function MeasuresTable({ measures, caption }: { measures: MeasureSummary[]; caption: string }) {
  const { t } = usePage()
  return (
    <DataTable
      caption={caption}
      rows={measures}
      columns={[
        { key: 'title', label: t('methods.page.measure'), render: (m) => m.title },
        { key: 'plan', label: t('methods.page.plan'), render: (m) => <a href={`/plans/${m.planId}`}>{m.planTitle}</a> },
        { key: 'org', label: t('methods.page.municipality'), render: (m) => m.organisationName },
        { key: 'latest', label: t('methods.page.latest'), render: (m) => <LatestStatus m={m} /> },
        { key: 'how', label: t('methods.page.how'), render: (m) => <HowItWent m={m} /> },
      ]}
    />
  )
}

/** One method: what it addresses, what is known of its effect and from where, who uses it, and the measures that apply it. */
export function MethodPage({ d }: { d: MethodPageData }) {
  const { t } = usePage()
  const m = d.method
  return (
    <Layout title={m.name} breadcrumbs={[...libraryCrumbs(t), { label: m.name }]}>
      <h1 class="heading-l">
        {m.name} <MethodStatusTag status={m.status} />
      </h1>
      {m.status === 'proposed' && <p class="inset">{t('methods.page.proposalNote')}</p>}
      {m.status === 'declined' && <p class="inset">{t('methods.page.declinedNote')}</p>}
      <Paragraphs text={m.summary} class="lead" />
      <ul class="list actions">
        {d.canEdit && (
          <li>
            <a href={`/methods/${m.id}/edit`}>{t('methods.page.edit')}</a>
          </li>
        )}
        {d.canCurate && (
          <li>
            <a href={`/methods/${m.id}/curate`}>{t(m.status === 'proposed' ? 'methods.page.curate' : 'methods.page.curateCurated')}</a>
          </li>
        )}
        {d.canContacts && (
          <li>
            <a href={`/methods/${m.id}/contacts`}>{t('methods.page.manageContacts')}</a>
          </li>
        )}
        {d.canMeasures && (
          <li>
            <a href={`/methods/${m.id}/measures`}>{t('methods.page.manageMeasures')}</a>
          </li>
        )}
      </ul>
      <h2 class="heading-m">{t('methods.page.addresses')}</h2>
      <SummaryList
        rows={[
          { key: t('methods.page.problemTypes'), value: m.problemTypes.length ? m.problemTypes.join(', ') : '–' },
          { key: t('methods.page.sides'), value: m.causeSides.length ? sidesText(t, m.causeSides) : '–' },
          { key: t(m.status === 'curated' ? 'methods.page.addedBy' : 'methods.page.proposedBy'), value: d.proposer?.name ?? '–' },
        ]}
      />
      <h2 class="heading-m">{t('methods.page.effect')}</h2>
      <SummaryList
        rows={[
          { key: t('methods.page.effectLevel'), value: <EffectTag level={m.effectLevel} /> },
          {
            key: t('methods.page.source'),
            value: m.source ? (
              m.sourceUrl ? (
                <a href={m.sourceUrl}>{m.source}</a>
              ) : (
                m.source
              )
            ) : m.sourceUrl ? (
              <a href={m.sourceUrl}>{m.sourceUrl}</a>
            ) : (
              t('methods.page.noSource')
            ),
          },
        ]}
      />
      {m.effectText && <Paragraphs text={m.effectText} />}
      <h2 class="heading-m">{t('methods.page.contacts')}</h2>
      {d.contacts.length === 0 ? (
        <p class="body">{t('methods.page.noContacts')}</p>
      ) : (
        <DataTable
          caption={t('methods.page.contacts')}
          rows={d.contacts}
          columns={[
            { key: 'org', label: t('methods.page.organisation'), render: (c) => c.organisationName },
            { key: 'contact', label: t('methods.page.contactRole'), render: (c) => c.contact || '–' },
            { key: 'since', label: t('methods.page.since'), render: (c) => (c.sinceYear ? String(c.sinceYear) : '–'), numeric: true },
          ]}
        />
      )}
      <h2 class="heading-m">{t('methods.page.measures')}</h2>
      {d.measures.length === 0 ? (
        <p class="body">{t('methods.page.noMeasures')}</p>
      ) : (
        <MeasuresTable measures={d.measures} caption={t('methods.page.measures')} />
      )}
      {d.linkedTotal > d.measures.length && d.measures.length > 0 && (
        <p class="hint">{t('methods.page.measuresHidden', { shown: d.measures.length, total: d.linkedTotal })}</p>
      )}
    </Layout>
  )
}
