import { formatDateTime } from '../../../platform/i18n/format.ts'
import { type Column, DataTable, StatusTag, SummaryList } from '../../../platform/views/data-display.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import { type ComplianceStatus, DEFAULT_MONTHS, DEFAULT_THRESHOLD_PERCENT, type PartyResult, type RuleResult, summarise } from '../compliance.evaluate.ts'
import type { ComplianceReport } from '../compliance.service.ts'

const COLOUR: Record<ComplianceStatus, 'green' | 'yellow' | 'red' | 'grey'> = { green: 'green', yellow: 'yellow', red: 'red', not_applicable: 'grey' }

/** Colour and text together (never colour alone), then the sentence saying what is missing. */
function Cell({ result }: { result: RuleResult }) {
  const { t } = usePage()
  return (
    <>
      <StatusTag status={COLOUR[result.status]} label={t(result.tagKey ?? `compliance.status.${result.status}`)} />
      <p class="body-s">{t(result.messageKey, result.params)}</p>
    </>
  )
}

export function CompliancePage({ report }: { report: ComplianceReport }) {
  const { t, locale } = usePage()
  const c = report.collaboration
  const title = t('compliance.title', { name: c.shortName })
  const counts = summarise(report.parties)
  const columns: Column<PartyResult>[] = [
    { key: 'party', label: t('compliance.party'), render: (p) => p.name },
    ...report.rules.map((rule) => ({
      key: rule.kind,
      label: t(`compliance.rules.${rule.kind}.name`),
      render: (p: PartyResult) => {
        const r = p.rules.find((x) => x.kind === rule.kind)
        return r ? <Cell result={r} /> : '–'
      },
    })),
  ]
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
          <ul>
            {report.rules.map((r) => (
              <li>
                <strong>{t(`compliance.rules.${r.kind}.name`)}:</strong>{' '}
                {t(`compliance.rules.${r.kind}.description`, {
                  threshold: r.params?.thresholdPercent ?? DEFAULT_THRESHOLD_PERCENT,
                  months: r.params?.months ?? DEFAULT_MONTHS,
                })}
              </li>
            ))}
          </ul>
          <h2 class="heading-m">{t('compliance.summaryHeading')}</h2>
          <SummaryList
            rows={(['green', 'yellow', 'red', 'not_applicable'] as const).map((s) => ({ key: t(`compliance.status.${s}`), value: String(counts[s]) }))}
          />
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
