import type { Translate } from '../../../platform/i18n/i18n.ts'
import { usePage } from '../../../platform/views/page-context.ts'
import { DEFAULT_MONTHS, DEFAULT_THRESHOLD_PERCENT, isLocalRule } from '../compliance.evaluate.ts'
import type { RuleRow } from '../compliance.repo.ts'

/** Who the rule applies to, from when and by when, in one sentence built from its configuration. */
export function ruleTerms(t: Translate, rule: RuleRow): string {
  const kinds = rule.partyKinds.length ? rule.partyKinds.map((k) => t(`compliance.kindsPlural.${k}`)).join(', ') : t('compliance.terms.allParties')
  const from = rule.appliesFrom ? t('compliance.terms.fromDate', { date: rule.appliesFrom }) : t('compliance.terms.fromSignature')
  const deadline =
    rule.deadlineMode === 'months_after_signature'
      ? t('compliance.terms.deadlineMonths', { months: rule.deadlineMonths ?? 0 })
      : t(`compliance.terms.deadline_${rule.deadlineMode}`)
  return t('compliance.terms.sentence', { kinds, from, deadline })
}

/** The rule's name, what it asks, its terms and the quoted sentence it rests on — or the local-rule label. */
export function RuleDescription({ rule }: { rule: RuleRow }) {
  const { t } = usePage()
  return (
    <>
      <p>
        <strong>{t(`compliance.rules.${rule.kind}.name`)}:</strong>{' '}
        {t(`compliance.rules.${rule.kind}.description`, {
          threshold: rule.params?.thresholdPercent ?? DEFAULT_THRESHOLD_PERCENT,
          months: rule.params?.months ?? DEFAULT_MONTHS,
        })}{' '}
        {ruleTerms(t, rule)}
      </p>
      {isLocalRule(rule.kind) ? (
        <p>
          <strong class="tag tag--yellow">{t('compliance.localRule')}</strong>
        </p>
      ) : rule.sourceQuote ? (
        <figure class="source-quote">
          <blockquote lang="sv">
            <p>{rule.sourceQuote}</p>
          </blockquote>
          <figcaption class="body-s">{t('compliance.quoteSource')}</figcaption>
        </figure>
      ) : (
        <p class="body-s">{t('compliance.noQuote')}</p>
      )}
    </>
  )
}
