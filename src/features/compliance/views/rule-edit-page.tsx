import { type FieldError, errorFor } from '../../../platform/views/error-summary.tsx'
import { Button, Checkboxes, DateField, Form, Radios, TextArea, TextField } from '../../../platform/views/form-controls.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import { ORGANISATION_KINDS } from '../../organisations/index.ts'
import { isLocalRule } from '../compliance.evaluate.ts'
import type { CollaborationRow, RuleRow } from '../compliance.repo.ts'
import { DEADLINE_MODES } from '../compliance.tables.ts'
import { SOURCE_QUOTE_MAX } from '../rules.schemas.ts'

type Values = Record<string, string | string[]>
const str = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)
const list = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v])

export const ruleValues = (r: RuleRow): Values => ({
  ...(r.enabled ? { enabled: 'on' } : {}),
  partyKinds: r.partyKinds,
  appliesFrom: r.appliesFrom ?? '',
  deadlineMode: r.deadlineMode,
  deadlineMonths: r.deadlineMonths ? String(r.deadlineMonths) : '',
  sourceQuote: r.sourceQuote ?? '',
  thresholdPercent: String(r.params?.thresholdPercent ?? ''),
  months: String(r.params?.months ?? ''),
  version: String(r.version),
})

interface Props {
  collaboration: CollaborationRow
  rule: RuleRow
  values: Values
  errors?: FieldError[]
  stale?: boolean
}

export function RuleEditPage({ collaboration: c, rule, values, errors, stale }: Props) {
  const { t } = usePage()
  const name = t(`compliance.rules.${rule.kind}.name`)
  const title = t('compliance.ruleEdit.title', { rule: name })
  return (
    <Layout
      title={title}
      errors={errors}
      breadcrumbs={[
        { href: '/', label: t('compliance.crumbs.home') },
        { href: `/collaborations/${c.id}`, label: c.shortName },
        { href: `/collaborations/${c.id}/compliance/rules`, label: t('compliance.crumbs.rules') },
        { label: name },
      ]}
    >
      <h1 class="heading-l">{title}</h1>
      {stale && <p class="warning-text">{t('compliance.ruleEdit.stale')}</p>}
      {isLocalRule(rule.kind) && (
        <p>
          <strong class="tag tag--yellow">{t('compliance.localRule')}</strong> {t('compliance.ruleEdit.localHint')}
        </p>
      )}
      <Form action={`/compliance-rules/${rule.id}/edit`}>
        <input type="hidden" name="version" value={str(values.version)} />
        <Checkboxes
          name="enabled"
          label={t('compliance.fields.enabled')}
          values={list(values.enabled)}
          options={[{ value: 'on', label: t('compliance.fields.enabledOption') }]}
          error={errorFor(errors, 'enabled')}
        />
        <Checkboxes
          name="partyKinds"
          label={t('compliance.fields.partyKinds')}
          hint={t('compliance.fields.partyKindsHint')}
          values={list(values.partyKinds)}
          options={ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`organisations.kinds.${k}`) }))}
          error={errorFor(errors, 'partyKinds')}
        />
        <DateField name="appliesFrom" label={t('compliance.fields.appliesFrom')} value={str(values.appliesFrom)} error={errorFor(errors, 'appliesFrom')} />
        <Radios
          name="deadlineMode"
          label={t('compliance.fields.deadlineMode')}
          value={str(values.deadlineMode)}
          options={DEADLINE_MODES.map((m) => ({ value: m, label: t(`compliance.fields.deadline_${m}`) }))}
          error={errorFor(errors, 'deadlineMode')}
        />
        <TextField
          name="deadlineMonths"
          label={t('compliance.fields.deadlineMonths')}
          hint={t('compliance.fields.deadlineMonthsHint')}
          value={str(values.deadlineMonths)}
          width="narrow"
          inputmode="numeric"
          error={errorFor(errors, 'deadlineMonths')}
        />
        {rule.kind === 'steering_attendance' && (
          <>
            <TextField
              name="thresholdPercent"
              label={t('compliance.fields.threshold')}
              value={str(values.thresholdPercent)}
              width="narrow"
              inputmode="numeric"
              error={errorFor(errors, 'thresholdPercent')}
            />
            <TextField
              name="months"
              label={t('compliance.fields.months')}
              value={str(values.months)}
              width="narrow"
              inputmode="numeric"
              error={errorFor(errors, 'months')}
            />
          </>
        )}
        {!isLocalRule(rule.kind) && (
          <TextArea
            name="sourceQuote"
            label={t('compliance.fields.sourceQuote')}
            hint={t('compliance.fields.sourceQuoteHint', { max: SOURCE_QUOTE_MAX })}
            value={str(values.sourceQuote)}
            rows={4}
            error={errorFor(errors, 'sourceQuote')}
          />
        )}
        <Button>{t('compliance.ruleEdit.save')}</Button>
      </Form>
    </Layout>
  )
}
