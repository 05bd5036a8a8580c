import { formatDateTime } from '../../../platform/i18n/format.ts'
import { Button, DateField, Form, TextArea, TextField } from '../../../platform/views/form-controls.tsx'
import { type FieldError, errorFor } from '../../../platform/views/error-summary.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import type { CollaborationInfo } from '../declarations.repo.ts'
import type { MemoFields } from '../declarations.schemas.ts'
import { MEMO_SECTIONS } from '../memo.docx.ts'
import type { SignatureRow } from '../signatures.repo.ts'
import { collaborationCrumbs } from './parts.tsx'

export interface MemoPageProps {
  collaboration: CollaborationInfo
  signature: SignatureRow
  values: MemoFields | Record<string, string | string[]>
  errors?: FieldError[]
  savedAt?: Date
}

const ROWS: Partial<Record<keyof MemoFields, number>> = { matter: 10, basis: 5, background: 14, economy: 5, goals: 4, equality: 5 }

/** The sections only the official can write get a hint saying so; the others say where the text came from. */
const HINTS: Partial<Record<keyof MemoFields, string>> = {
  basis: 'declarations.memo.basisHint',
  goals: 'declarations.memo.goalsHint',
  equality: 'declarations.memo.equalityHint',
  consultation: 'declarations.memo.consultationHint',
  mbl: 'declarations.memo.mblHint',
}

/**
 * The tjänsteskrivelse generator: every section of the memo as an editable field, pre-filled from
 * the data (or the last saved draft). Saving keeps the values; the Word button saves and downloads.
 */
export function MemoPage({ collaboration: c, signature: s, values, errors, savedAt }: MemoPageProps) {
  const { t, locale } = usePage()
  const title = t('declarations.memo.title')
  const v = (name: string) => String((values as Record<string, unknown>)[name] ?? '')
  const empty = MEMO_SECTIONS.filter(([name]) => !v(name).trim())
  const text = (name: keyof MemoFields, hint?: string) => (
    <TextField name={name} label={t(`declarations.memo.fields.${name}`)} hint={hint} value={v(name)} error={errorFor(errors, name)} />
  )
  const area = (name: keyof MemoFields, hint?: string) => (
    <TextArea name={name} label={t(`declarations.memo.fields.${name}`)} hint={hint} rows={ROWS[name] ?? 3} value={v(name)} error={errorFor(errors, name)} />
  )
  return (
    <Layout
      title={`${title} – ${s.organisationName}`}
      errors={errors}
      breadcrumbs={collaborationCrumbs(
        t,
        c,
        { href: `/collaborations/${c.id}/signatures`, label: t('declarations.board.title') },
        { href: `/signatures/${s.id}`, label: s.organisationName },
        { label: title },
      )}
    >
      <p class="body-s">{s.organisationName}</p>
      <h1 class="heading-l">{title}</h1>
      <p class="lead">{t('declarations.memo.intro')}</p>
      <p class="body">{savedAt ? t('declarations.memo.savedAt', { when: formatDateTime(savedAt, locale) }) : t('declarations.memo.notSaved')}</p>
      {empty.length > 0 && (
        <div class="inset">
          <p class="body">{t('declarations.memo.emptySections')}</p>
          <ul class="body">
            {empty.map(([name, title]) => (
              <li>
                <a href={`#f-${name}`}>{title}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <Form action={`/signatures/${s.id}/memo`}>
        <h2 class="heading-m">{t('declarations.memo.headTitle')}</h2>
        {text('municipality')}
        {text('department')}
        <DateField name="date" label={t('declarations.memo.fields.date')} value={v('date')} error={errorFor(errors, 'date')} />
        {text('caseNumber')}
        {text('heading')}
        <h2 class="heading-m">{t('declarations.memo.fields.proposal')}</h2>
        {area('proposal', t('declarations.memo.proposalHint'))}
        <h2 class="heading-m">{t('declarations.memo.sectionsTitle')}</h2>
        {MEMO_SECTIONS.map(([name]) => (
          <>
            {area(name, HINTS[name] && t(HINTS[name]))}
            {name === 'goals' && (
              <TextField
                name="goalsLink"
                type="url"
                label={t('declarations.memo.fields.goalsLink')}
                hint={t('declarations.memo.goalsLinkHint')}
                value={v('goalsLink')}
                error={errorFor(errors, 'goalsLink')}
              />
            )}
          </>
        ))}
        <h2 class="heading-m">{t('declarations.memo.signatureTitle')}</h2>
        {text('official')}
        {text('officialTitle')}
        {area('distribution', t('declarations.memo.distributionHint'))}
        <div class="button-group">
          <Button name="action" value="docx">
            {t('declarations.memo.download')}
          </Button>
          <Button name="action" value="save" variant="secondary">
            {t('declarations.memo.save')}
          </Button>
        </div>
      </Form>
    </Layout>
  )
}
