import { type FieldError, errorFor } from '../../../platform/views/error-summary.tsx'
import { Button, Checkboxes, DateField, Form, type Option, Radios, Select, TextArea, TextField } from '../../../platform/views/form-controls.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import type { Plan, PlanItem } from '../plans.repo.ts'
import { LINK_TARGETS, PARENT_KINDS } from '../plans.rules.ts'
import { CADENCES, FOLLOWED_UP_KINDS, PROMISORS, type PlanItemKind } from '../plans.tables.ts'
import { type Values, planCrumbs, str } from './parts.tsx'

export const itemValues = (i: PlanItem, linkedIds: string[]): Values => ({
  title: i.title,
  description: i.description,
  parentId: i.parentId ?? '',
  promisor: i.promisor ?? '',
  places: i.places ?? '',
  operativeGoal: i.operativeGoal ?? '',
  startsOn: i.startsOn ?? '',
  endsOn: i.endsOn ?? '',
  responsibleOrganisationId: i.responsibleOrganisationId ?? '',
  responsiblePerson: i.responsiblePerson ?? '',
  followUpMethod: i.followUpMethod ?? '',
  measureType: i.measureType ?? '',
  measureNature: i.measureNature ?? '',
  targetComparator: i.targetComparator ?? '',
  targetValue: i.targetValue === null ? '' : String(i.targetValue).replace('.', ','),
  targetUnit: i.targetUnit ?? '',
  cadence: i.cadence,
  weight: String(i.weight),
  linkedIds,
  version: String(i.version),
})

interface Props {
  plan: Plan
  ownerName: string
  kind: PlanItemKind
  item?: PlanItem
  /** Rows this one may hang under or link to (same plan, or the party's and collaboration's other plans). */
  candidates: PlanItem[]
  partyOptions: Option[]
  values: Values
  errors?: FieldError[]
}

/** One row of a plan; the fields follow its kind (Brå's columns for a measure, who promises for a promise). */
export function ItemFormPage({ plan, ownerName, kind, item, candidates, partyOptions, values, errors }: Props) {
  const { t } = usePage()
  const title = item ? t('plans.itemForm.editTitle', { title: item.title }) : t(`plans.addItem.${kind}`)
  const field = (name: string) => ({ name, value: str(values[name]), error: errorFor(errors, name) })
  const label = (i: PlanItem) => t(`plans.itemLabel.${i.kind}`, { n: i.position, title: i.title })
  const parents = candidates.filter((c) => c.planId === plan.id && PARENT_KINDS[kind].includes(c.kind))
  const linkable = candidates.filter((c) => LINK_TARGETS[kind].includes(c.kind))
  const followedUp = FOLLOWED_UP_KINDS.includes(kind)
  const linkedValues = Array.isArray(values.linkedIds) ? values.linkedIds : values.linkedIds ? [values.linkedIds] : []
  return (
    <Layout title={title} errors={errors} breadcrumbs={[...planCrumbs(t, plan, ownerName), { label: title }]}>
      <h1 class="heading-l">{title}</h1>
      <Form action={item ? `/plan-items/${item.id}/edit` : `/plans/${plan.id}/items/new`}>
        {item ? <input type="hidden" name="version" value={str(values.version)} /> : <input type="hidden" name="kind" value={kind} />}
        {kind === 'promise' && (
          <Radios
            {...field('promisor')}
            label={t('plans.fields.promisor')}
            options={PROMISORS.map((v) => ({ value: v, label: t(`plans.promisorChoice.${v}`) }))}
          />
        )}
        <TextField {...field('title')} label={t(`plans.itemTitle.${kind}`)} hint={t(`plans.itemTitleHint.${kind}`)} />
        <TextArea {...field('description')} label={t('plans.fields.descriptionOptional')} rows={4} />
        {parents.length > 0 && (
          <Select
            {...field('parentId')}
            label={t(`plans.parentLabel.${kind}`)}
            placeholder={t('plans.fields.noParent')}
            options={parents.map((c) => ({ value: c.id, label: label(c) }))}
          />
        )}
        {linkable.length > 0 && (
          <Checkboxes
            name="linkedIds"
            label={t(`plans.linkLabel.${kind}`)}
            values={linkedValues}
            error={errorFor(errors, 'linkedIds')}
            options={linkable.map((c) => ({ value: c.id, label: label(c) }))}
          />
        )}
        {kind === 'promise' && <TextField {...field('places')} label={t('plans.fields.placesOptional')} hint={t('plans.fields.placesHint')} />}
        {followedUp && (
          <>
            <TextArea {...field('operativeGoal')} label={t('plans.fields.operativeGoalOptional')} hint={t('plans.fields.operativeGoalHint')} rows={3} />
            <DateField {...field('startsOn')} label={t('plans.fields.startsOnOptional')} />
            <DateField {...field('endsOn')} label={t('plans.fields.endsOnOptional')} />
            <Select
              {...field('responsibleOrganisationId')}
              label={t('plans.fields.responsibleOptional')}
              hint={t('plans.fields.responsibleHint')}
              placeholder={t('plans.fields.responsibleNone')}
              options={partyOptions}
            />
            <TextField {...field('responsiblePerson')} label={t('plans.fields.responsiblePersonOptional')} />
          </>
        )}
        {kind === 'measure' && (
          <>
            <TextArea {...field('followUpMethod')} label={t('plans.fields.followUpMethodOptional')} rows={2} />
            <Radios
              {...field('measureType')}
              label={t('plans.fields.measureTypeOptional')}
              options={(['situational', 'social'] as const).map((v) => ({ value: v, label: t(`plans.measureType.${v}`) }))}
            />
            <Radios
              {...field('measureNature')}
              label={t('plans.fields.measureNatureOptional')}
              options={(['one_off', 'ordinary'] as const).map((v) => ({ value: v, label: t(`plans.measureNature.${v}`) }))}
            />
          </>
        )}
        {followedUp && (
          <fieldset class="fieldset">
            <legend class="fieldset__legend">{t('plans.itemForm.followUp')}</legend>
            <Select
              {...field('targetComparator')}
              label={t('plans.fields.targetComparatorOptional')}
              placeholder={t('plans.target.none')}
              options={(['at_least', 'exactly', 'at_most'] as const).map((v) => ({ value: v, label: t(`plans.targetChoice.${v}`) }))}
            />
            <TextField
              {...field('targetValue')}
              label={t('plans.fields.targetValueOptional')}
              hint={t('plans.fields.targetValueHint')}
              width="narrow"
              inputmode="decimal"
            />
            <TextField {...field('targetUnit')} label={t('plans.fields.targetUnitOptional')} hint={t('plans.fields.targetUnitHint')} />
            <Select {...field('cadence')} label={t('plans.fields.cadence')} options={CADENCES.map((v) => ({ value: v, label: t(`plans.cadence.${v}`) }))} />
            <TextField {...field('weight')} label={t('plans.fields.weight')} hint={t('plans.fields.weightHint')} width="narrow" inputmode="numeric" />
          </fieldset>
        )}
        <div class="button-group">
          <Button>{t(item ? 'plans.form.save' : 'plans.itemForm.create')}</Button>
          <a href={item ? `/plan-items/${item.id}` : `/plans/${plan.id}`}>{t('collaborations.edit.cancel')}</a>
        </div>
      </Form>
    </Layout>
  )
}
