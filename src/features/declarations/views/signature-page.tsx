import { formatDate, formatIsoDate } from '../../../platform/i18n/format.ts'
import { DataTable, SummaryList } from '../../../platform/views/data-display.tsx'
import { Button, FileField, Form, TextField } from '../../../platform/views/form-controls.tsx'
import { type FieldError, errorFor } from '../../../platform/views/error-summary.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import type { CollaborationInfo } from '../declarations.repo.ts'
import type { SignatureStatus } from '../declarations.tables.ts'
import type { AttachmentRow, SignatureRow } from '../signatures.repo.ts'
import { FileLabel, SignatureStatusTag, collaborationCrumbs } from './parts.tsx'
import { StepForm } from './step-forms.tsx'

export interface SignaturePageProps {
  collaboration: CollaborationInfo
  signature: SignatureRow
  attachments: AttachmentRow[]
  isCurrent: boolean
  canEdit: boolean
  nextSteps: SignatureStatus[]
  suggestedLines?: string[]
  /** The collaboration's joint signings (for the signing step) and the one this party signed at. */
  signings?: { id: string; eventDate: string; place: string }[]
  signedAt?: { id: string; eventDate: string; place: string }
  /** When the party joined the collaboration. */
  joinedOn?: string | null
  /** The form that came back (a step or 'attachment'), with what was sent and what was wrong. */
  sent?: { form: string; values: Record<string, string | string[]>; errors: FieldError[] }
}

const dated = (d: string | null) => (d ? formatIsoDate(d) : '–')

/** One party's record: every step with its date, the documents, and the forms for what comes next. */
export function SignaturePage(p: SignaturePageProps) {
  const { t, locale } = usePage()
  const { collaboration: c, signature: s } = p
  const title = s.organisationName
  const crumbs = collaborationCrumbs(t, c, { href: `/collaborations/${c.id}/signatures`, label: t('declarations.board.title') }, { label: title })
  const forward = p.nextSteps.filter((step) => step !== s.status)
  const correction = p.nextSteps.includes(s.status)
  const formFor = (step: SignatureStatus) =>
    p.sent?.form === step ? (
      <StepForm signature={s} step={step} values={p.sent.values} errors={p.sent.errors} suggestedLines={p.suggestedLines} signings={p.signings} />
    ) : (
      <StepForm signature={s} step={step} suggestedLines={p.suggestedLines} signings={p.signings} />
    )
  const rows = [
    { key: t('declarations.fields.status'), value: <SignatureStatusTag status={s.status} /> },
    { key: t('declarations.fields.declarationVersion'), value: `${s.versionTitle} (${t('declarations.fields.versionNo').toLowerCase()} ${s.versionNo})` },
    { key: t('declarations.fields.joinedOn'), value: dated(p.joinedOn ?? null) },
    { key: t('declarations.fields.invitedOn'), value: dated(s.invitedOn) },
    { key: t('declarations.fields.caseNumber'), value: s.caseNumber ?? '–' },
    { key: t('declarations.fields.responsibleOfficial'), value: s.responsibleOfficial ?? '–' },
    { key: t('declarations.fields.memoDate'), value: dated(s.memoDate) },
    { key: t('declarations.fields.decisionBody'), value: s.decisionBody ?? '–' },
    { key: t('declarations.fields.decisionDate'), value: dated(s.decisionDate) },
    { key: t('declarations.fields.decisionParagraph'), value: s.decisionParagraph ?? '–' },
    {
      key: t('declarations.fields.decisionLines'),
      value: s.decisionLines.length ? (
        <ol class="body">
          {s.decisionLines.map((l) => (
            <li>{l}</li>
          ))}
        </ol>
      ) : (
        '–'
      ),
    },
    { key: t('declarations.fields.signerName'), value: s.signerName ? [s.signerName, s.signerTitle].filter(Boolean).join(', ') : '–' },
    { key: t('declarations.fields.signedOn'), value: dated(s.signedOn) },
    ...(p.signedAt
      ? [
          {
            key: t('declarations.fields.signedAtEvent'),
            value: (
              <a href={`/joint-events/${p.signedAt.id}`}>
                {t('declarations.jointEvents.signingOption', { date: formatIsoDate(p.signedAt.eventDate), place: p.signedAt.place })}
              </a>
            ),
          },
        ]
      : []),
    ...(s.reason ? [{ key: t('declarations.fields.reason'), value: s.reason }] : []),
  ]
  return (
    <Layout title={`${title} – ${t('declarations.signature.title')}`} breadcrumbs={crumbs} errors={p.sent?.errors}>
      <p class="body-s">{c.name}</p>
      <h1 class="heading-l">{title}</h1>
      <p class="lead">{t('declarations.signature.intro')}</p>
      {!p.isCurrent && <p class="warning-text">{t('declarations.signature.history')}</p>}
      {p.isCurrent && !p.canEdit && <p class="body">{t('declarations.signature.readOnly')}</p>}
      <SummaryList rows={rows} />

      {p.canEdit && s.organisationKind === 'municipality' && (
        <p class="body">
          <a href={`/signatures/${s.id}/memo`}>{t('declarations.signature.memoLink')}</a>
        </p>
      )}

      {forward.map((step) => (
        <section aria-labelledby={`h-${step}`}>
          <hr class="section-break" />
          <h2 class="heading-m" id={`h-${step}`}>
            {t(`declarations.steps.title.${step}`)}
          </h2>
          <p class="body">{t(`declarations.steps.intro.${step}`)}</p>
          {formFor(step)}
        </section>
      ))}
      {correction && (
        <details open={p.sent?.form === s.status}>
          <summary>{t('declarations.steps.correctionTitle')}</summary>
          <p class="body">{t('declarations.steps.correctionIntro')}</p>
          {formFor(s.status)}
        </details>
      )}

      <hr class="section-break" />
      <h2 class="heading-m">{t('declarations.attachments.title')}</h2>
      <DataTable
        caption={t('declarations.attachments.caption', { count: p.attachments.length })}
        empty={t('declarations.attachments.none')}
        columns={[
          { key: 'description', label: t('declarations.fields.description'), render: (a: AttachmentRow) => a.description ?? '–' },
          {
            key: 'file',
            label: t('declarations.fields.file'),
            render: (a: AttachmentRow) => (
              <a href={`/files/${a.fileId}`}>
                <FileLabel name={a.filename} size={a.size} contentType={a.contentType} />
              </a>
            ),
          },
          { key: 'createdAt', label: t('declarations.fields.addedAt'), render: (a: AttachmentRow) => formatDate(a.createdAt, locale) },
        ]}
        rows={p.attachments}
      />
      {p.canEdit && (
        <section aria-labelledby="h-attachment">
          <h3 class="heading-s" id="h-attachment">
            {t('declarations.attachments.add')}
          </h3>
          <Form action={`/signatures/${s.id}/attachments`} multipart id="attachment">
            <FileField
              name="file"
              label={t('declarations.fields.file')}
              hint={t('declarations.attachments.fileHint')}
              accept=".pdf,.docx"
              error={errorFor(p.sent?.form === 'attachment' ? p.sent.errors : undefined, 'file')}
            />
            <TextField
              name="description"
              label={t('declarations.fields.description')}
              hint={t('declarations.attachments.descriptionHint')}
              value={p.sent?.form === 'attachment' ? String(p.sent.values.description ?? '') : ''}
              error={errorFor(p.sent?.form === 'attachment' ? p.sent.errors : undefined, 'description')}
            />
            <Button variant="secondary">{t('declarations.attachments.submit')}</Button>
          </Form>
        </section>
      )}
    </Layout>
  )
}
