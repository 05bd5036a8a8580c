import { formatDateTime } from '../../../platform/i18n/format.ts'
import { type Column, DataTable, StatusTag, SummaryList } from '../../../platform/views/data-display.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import { type ComplianceStatus, type RuleResult, summarise } from '../compliance.evaluate.ts'
import type { ComplianceReport } from '../compliance.service.ts'
import { RuleDescription } from './rule-text.tsx'

type Party = ComplianceReport['parties'][number]

const COLOUR: Record<ComplianceStatus, 'green' | 'yellow' | 'red' | 'grey'> = {
  green: 'green',
  yellow: 'yellow',
  red: 'red',
  not_yet: 'grey',
  not_applicable: 'grey',
}
const STATUSES: ComplianceStatus[] = ['green', 'yellow', 'red', 'not_yet', 'not_applicable']

/** The links that fix a cell, for those who may act for the party (issue 6 A4). */
function FixLinks({ result, party, report }: { result: RuleResult; party: Party; report: ComplianceReport }) {
  const { t } = usePage()
  const fix = result.fix
  if (!fix || !party.canFix || result.status === 'green') return null
  if (fix.action === 'record_signature') {
    return party.signatureId ? <a href={`/signatures/${party.signatureId}`}>{t('compliance.fix.recordSignature', { party: party.name })}</a> : null
  }
  if (fix.action === 'steering_meetings') return <a href={`/bodies/${fix.bodyId}/meetings`}>{t('compliance.fix.meetings')}</a>
  const href = (bodyId: string) => `/bodies/${bodyId}/seats/new?organisationId=${party.organisationId}&level=${fix.level}`
  if (fix.bodyIds.length === 1) return <a href={href(fix.bodyIds[0])}>{t('compliance.fix.addSeat', { party: party.name })}</a>
  return (
    <>
      <span class="body-s">{t('compliance.fix.addSeatIn')}</span>
      <ul class="list list--compact">
        {fix.bodyIds.map((id) => (
          <li>
            <a href={href(id)}>{t('compliance.fix.addSeatToBody', { body: report.bodyNames[id] ?? '', party: party.name })}</a>
          </li>
        ))}
      </ul>
    </>
  )
}

/** Colour and text together (never colour alone), then the sentence saying what is missing, then the fix. */
function Cell({ result, party, report }: { result: RuleResult; party: Party; report: ComplianceReport }) {
  const { t } = usePage()
  return (
    <>
      <StatusTag status={COLOUR[result.status]} label={t(result.tagKey ?? `compliance.status.${result.status}`)} />
      <p class="body-s">
        {t(result.messageKey, result.params)}
        {result.deadlineKey ? ` ${t(result.deadlineKey, result.params)}` : ''}
      </p>
      <FixLinks result={result} party={party} report={report} />
    </>
  )
}

export function CompliancePage({ report }: { report: ComplianceReport }) {
  const { t, locale } = usePage()
  const c = report.collaboration
  const title = t('compliance.title', { name: c.shortName })
  const counts = summarise(report.parties)
  const columns: Column<Party>[] = [
    { key: 'party', label: t('compliance.party'), render: (p) => p.name },
    ...report.rules.map((rule) => ({
      key: rule.kind,
      label: t(`compliance.rules.${rule.kind}.name`),
      render: (p: Party) => {
        const r = p.rules.find((x) => x.kind === rule.kind)
        return r ? <Cell result={r} party={p} report={report} /> : '–'
      },
    })),
  ]
  const rulesHref = `/collaborations/${c.id}/compliance/rules`
  return (
    <Layout
      title={title}
      breadcrumbs={[
        { href: '/', label: t('compliance.crumbs.home') },
        { href: `/collaborations/${c.id}`, label: c.shortName },
        { label: t('compliance.crumbs.compliance') },
      ]}
      wide
    >
      <h1 class="heading-l">{title}</h1>
      <p class="lead">{t('compliance.intro', { from: c.periodStart, to: c.periodEnd })}</p>
      <p class="body-s">{t('compliance.evaluatedAt', { time: formatDateTime(report.evaluatedAt, locale) })}</p>
      {report.rules.length === 0 ? (
        <p class="inset">{t('compliance.noRules')}</p>
      ) : (
        <>
          <h2 class="heading-m">{t('compliance.rulesHeading')}</h2>
          {report.rules.map((r) => (
            <RuleDescription rule={r} />
          ))}
          <p>
            <a href={rulesHref}>{report.canConfigure ? t('compliance.rulesPage.editLink') : t('compliance.rulesPage.readLink')}</a>
          </p>
          <h2 class="heading-m">{t('compliance.summaryHeading')}</h2>
          <SummaryList rows={STATUSES.map((s) => ({ key: t(`compliance.status.${s}`), value: String(counts[s]) }))} />
          <DataTable
            caption={t('compliance.caption', { count: report.parties.length })}
            columns={columns}
            rows={report.parties}
            empty={t('compliance.noParties')}
          />
        </>
      )}
    </Layout>
  )
}
