import { Button, DateField, Form, Select, TextArea, TextField } from '../../../platform/views/form-controls.tsx'
import { type FieldError, errorFor } from '../../../platform/views/error-summary.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import type { SignatureStatus } from '../declarations.tables.ts'
import type { SignatureRow } from '../signatures.repo.ts'

export interface StepFormProps {
  signature: SignatureRow
  step: SignatureStatus
  /** What the user sent, when this form is the one that came back with errors. */
  values?: Record<string, string | string[]>
  errors?: FieldError[]
  /** Decision lines to offer when none are recorded (the memo draft's proposal). */
  suggestedLines?: string[]
  /** The collaboration's joint signings, offered as where the party signed. */
  signings?: { id: string; eventDate: string; place: string }[]
}

/**
 * The form for one step. The steps open from any one status ask for different fields, so the plain
 * field ids (`f-<name>`, what the error summary links to) never clash on a page.
 */
export function StepForm({ signature: s, step, values, errors, suggestedLines, signings = [] }: StepFormProps) {
  const { t } = usePage()
  const v = (name: string, recorded: string | null | undefined) => (values ? String(values[name] ?? '') : (recorded ?? ''))
  const field = (name: string) => ({ name, error: errorFor(errors, name) })
  const correcting = step === s.status
  return (
    <Form action={`/signatures/${s.id}/steps`} id={`step-${step}`}>
      <input type="hidden" name="step" value={step} />
      <input type="hidden" name="version" value={values ? String(values.version ?? s.version) : String(s.version)} />
      {step === 'in_preparation' && (
        <>
          <TextField
            {...field('caseNumber')}
            label={t('declarations.fields.caseNumber')}
            hint={t('declarations.steps.caseNumberHint')}
            width="medium"
            value={v('caseNumber', s.caseNumber)}
          />
          <TextField
            {...field('responsibleOfficial')}
            label={t('declarations.fields.responsibleOfficial')}
            value={v('responsibleOfficial', s.responsibleOfficial)}
          />
          <DateField {...field('memoDate')} label={t('declarations.fields.memoDate')} value={v('memoDate', s.memoDate)} />
        </>
      )}
      {step === 'decided' && (
        <>
          <TextField
            {...field('decisionBody')}
            label={t('declarations.fields.decisionBody')}
            hint={t('declarations.steps.decisionBodyHint')}
            value={v('decisionBody', s.decisionBody ?? (s.organisationKind === 'municipality' ? 'Kommunstyrelsen' : ''))}
          />
          <DateField {...field('decisionDate')} label={t('declarations.fields.decisionDate')} value={v('decisionDate', s.decisionDate)} />
          <TextField
            {...field('decisionParagraph')}
            label={t('declarations.fields.decisionParagraph')}
            hint={t('declarations.steps.paragraphHint')}
            width="narrow"
            value={v('decisionParagraph', s.decisionParagraph)}
          />
          <TextArea
            {...field('decisionLines')}
            label={t('declarations.fields.decisionLines')}
            hint={t('declarations.steps.decisionLinesHint')}
            rows={5}
            value={v('decisionLines', (s.decisionLines.length ? s.decisionLines : (suggestedLines ?? [])).join('\n'))}
          />
        </>
      )}
      {step === 'signed' && (
        <>
          <TextField {...field('signerName')} label={t('declarations.fields.signerName')} value={v('signerName', s.signerName)} />
          <TextField
            {...field('signerTitle')}
            label={t('declarations.fields.signerTitle')}
            hint={t('declarations.steps.signerTitleHint')}
            value={v('signerTitle', s.signerTitle)}
          />
          <DateField {...field('signedOn')} label={t('declarations.fields.signedOn')} value={v('signedOn', s.signedOn)} />
          {signings.length > 0 && (
            <Select
              {...field('signedAtEventId')}
              label={t('declarations.fields.signedAtEvent')}
              hint={t('declarations.steps.signedAtEventHint')}
              placeholder={t('declarations.steps.notAtJointSigning')}
              value={v('signedAtEventId', s.signedAtEventId)}
              options={signings.map((e) => ({ value: e.id, label: t('declarations.jointEvents.signingOption', { date: e.eventDate, place: e.place }) }))}
            />
          )}
        </>
      )}
      {(step === 'declined' || step === 'withdrawn') && (
        <TextArea
          {...field('reason')}
          label={t('declarations.fields.reason')}
          hint={t(`declarations.steps.${step}ReasonHint`)}
          rows={4}
          value={v('reason', null)}
        />
      )}
      <Button variant={step === 'declined' || step === 'withdrawn' ? 'warning' : correcting ? 'secondary' : 'primary'}>
        {correcting ? t('declarations.steps.saveCorrection') : t(`declarations.steps.submit.${step}`)}
      </Button>
    </Form>
  )
}
