import { type FieldError, errorFor } from '../../../platform/views/error-summary.tsx'
import { Button, DateField, Form, type Option, Radios, Select, TextArea, TextField } from '../../../platform/views/form-controls.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import type { Plan } from '../plans.repo.ts'
import { PLAN_STATUSES, type PlanKind, SHARED_KINDS } from '../plans.tables.ts'
import { type Values, partyCrumbs, str } from './parts.tsx'

export const planValues = (p: Plan): Values => ({
  title: p.title,
  summary: p.summary,
  periodStart: p.periodStart,
  periodEnd: p.periodEnd,
  partnerOrganisationId: p.partnerOrganisationId ?? '',
  basis: p.basis,
  status: p.status,
  adoptedBy: p.adoptedBy ?? '',
  adoptedOn: p.adoptedOn ?? '',
  adoptedParagraph: p.adoptedParagraph ?? '',
  signatory1Role: p.signatories[0]?.role ?? '',
  signatory1Name: p.signatories[0]?.name ?? '',
  signatory1Date: p.signatories[0]?.signedOn ?? '',
  signatory2Role: p.signatories[1]?.role ?? '',
  signatory2Name: p.signatories[1]?.name ?? '',
  signatory2Date: p.signatories[1]?.signedOn ?? '',
  visibility: p.visibility,
  dueDays: String(p.dueDays),
  version: String(p.version),
})

interface Props {
  kind: PlanKind
  owner: { id: string; name: string }
  /** Set when editing. */
  plan?: Plan
  collaborationId?: string
  policeOptions: Option[]
  values: Values
  errors?: FieldError[]
}

/** A plan's header: what it is, its period, its adoption and signatories (issue 8 §1–5). */
export function PlanFormPage({ kind, owner, plan, collaborationId, policeOptions, values, errors }: Props) {
  const { t } = usePage()
  const title = plan ? t('plans.form.editTitle', { title: plan.title }) : t('plans.form.newTitle', { kind: t(`plans.kinds.${kind}`), name: owner.name })
  const action = plan ? `/plans/${plan.id}/edit` : '/plans/new'
  const shared = SHARED_KINDS.includes(kind)
  const field = (name: string) => ({ name, value: str(values[name]), error: errorFor(errors, name) })
  return (
    <Layout title={title} errors={errors} breadcrumbs={[...partyCrumbs(t, owner), { label: title }]}>
      <h1 class="heading-l">{title}</h1>
      <p class="body">{t(`plans.kindHelp.${kind}`)}</p>
      <Form action={action}>
        {plan ? (
          <input type="hidden" name="version" value={str(values.version)} />
        ) : (
          <>
            <input type="hidden" name="kind" value={kind} />
            <input type="hidden" name="organisationId" value={owner.id} />
            {collaborationId && <input type="hidden" name="collaborationId" value={collaborationId} />}
          </>
        )}
        <TextField {...field('title')} label={t('plans.fields.title')} hint={t(`plans.titleHint.${kind}`)} />
        <TextArea {...field('summary')} label={t('plans.fields.summaryOptional')} rows={4} />
        <DateField {...field('periodStart')} label={t('plans.fields.periodStart')} />
        <DateField {...field('periodEnd')} label={t('plans.fields.periodEnd')} hint={t(`plans.periodHint.${kind}`)} />
        {shared && (
          <Select
            {...field('partnerOrganisationId')}
            label={t('plans.fields.partnerOptional')}
            hint={t('plans.fields.partnerHint')}
            placeholder={t('plans.fields.partnerNone')}
            options={policeOptions}
          />
        )}
        {kind === 'citizen_promise' && <TextArea {...field('basis')} label={t('plans.fields.basisOptional')} hint={t('plans.fields.basisHint')} rows={4} />}
        <Radios {...field('status')} label={t('plans.fields.status')} options={PLAN_STATUSES.map((s) => ({ value: s, label: t(`plans.status.${s}`) }))} />
        <fieldset class="fieldset">
          <legend class="fieldset__legend">{t('plans.form.adoption')}</legend>
          <TextField {...field('adoptedBy')} label={t('plans.fields.adoptedByOptional')} hint={t(`plans.adoptedByHint.${kind}`)} />
          <DateField {...field('adoptedOn')} label={t('plans.fields.adoptedOnOptional')} />
          <TextField
            {...field('adoptedParagraph')}
            label={t('plans.fields.adoptedParagraphOptional')}
            hint={t('plans.fields.adoptedParagraphHint')}
            width="narrow"
          />
        </fieldset>
        {shared && (
          <fieldset class="fieldset">
            <legend class="fieldset__legend">{t('plans.form.signatories')}</legend>
            <p class="hint">{t('plans.form.signatoriesHint')}</p>
            {[1, 2].map((n) => (
              <>
                <TextField {...field(`signatory${n}Role`)} label={t('plans.fields.signatoryRole', { n })} />
                <TextField {...field(`signatory${n}Name`)} label={t('plans.fields.signatoryName', { n })} />
                <DateField {...field(`signatory${n}Date`)} label={t('plans.fields.signatoryDate', { n })} />
              </>
            ))}
          </fieldset>
        )}
        <Select
          {...field('visibility')}
          label={t('plans.fields.visibility')}
          options={(['public', 'partners', 'organisation'] as const).map((v) => ({ value: v, label: t(`plans.visibility.${v}`) }))}
        />
        <TextField {...field('dueDays')} label={t('plans.fields.dueDays')} hint={t('plans.fields.dueDaysHint')} width="narrow" inputmode="numeric" />
        <div class="button-group">
          <Button>{t(plan ? 'plans.form.save' : 'plans.form.create')}</Button>
          <a href={plan ? `/plans/${plan.id}` : `/organisations/${owner.id}/plans`}>{t('collaborations.edit.cancel')}</a>
        </div>
      </Form>
    </Layout>
  )
}
