import { formatDate } from '../../../platform/i18n/format.ts'
import { type FieldError, errorFor } from '../../../platform/views/error-summary.tsx'
import { Button, DateField, Form, Select, TextArea, TextField } from '../../../platform/views/form-controls.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import { ConfirmForm } from '../../../platform/views/text-blocks.tsx'
import type { SupportActivity } from '../support-activities.repo.ts'
import type { MunicipalityOption } from '../support-activities.service.ts'
import { SUPPORT_KINDS } from '../support-activities.tables.ts'
import { formatDuration, listCrumbs, listHref } from './parts.tsx'

type Values = Record<string, string | string[]>
const str = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)

export const activityValues = (a: SupportActivity): Values => ({
  heldOn: a.heldOn,
  kind: a.kind,
  title: a.title,
  description: a.description,
  municipalityId: a.municipalityId ?? '',
  hours: a.minutes === null ? '' : String(Math.floor(a.minutes / 60)),
  minutesPart: a.minutes === null ? '' : String(a.minutes % 60),
  participants: a.participants === null ? '' : String(a.participants),
  version: String(a.version),
})

interface Props {
  board: { id: string; name: string }
  municipalities: MunicipalityOption[]
  /** Absent when adding. */
  activity?: SupportActivity
  /** What is stored now, when someone else saved first (409). */
  conflict?: SupportActivity
  values: Values
  errors?: FieldError[]
}

/** Record or change one support activity: a meeting, a training, advice. */
export function ActivityFormPage({ board, municipalities, activity, conflict, values, errors }: Props) {
  const { t, locale } = usePage()
  const title = activity ? t('supportActivities.form.editTitle', { title: activity.title }) : t('supportActivities.form.newTitle')
  const action = activity ? `/support-activities/${activity.id}/edit` : `/support-activities/new?board=${board.id}`
  const year = str(values.heldOn)?.slice(0, 4)
  return (
    <Layout title={title} errors={errors} breadcrumbs={[...listCrumbs(t, board), { label: title }]}>
      <h1 class="heading-l">{title}</h1>
      {conflict && (
        <section class="conflict" aria-labelledby="conflict-heading">
          <h2 class="heading-m" id="conflict-heading">
            {t('supportActivities.form.conflictHeading')}
          </h2>
          <dl class="summary-list">
            <div class="summary-list__row">
              <dt class="summary-list__key">{t('supportActivities.fields.heldOn')}</dt>
              <dd class="summary-list__value">{formatDate(conflict.heldOn, locale)}</dd>
            </div>
            <div class="summary-list__row">
              <dt class="summary-list__key">{t('supportActivities.fields.kind')}</dt>
              <dd class="summary-list__value">{t(`supportActivities.kinds.${conflict.kind}`)}</dd>
            </div>
            <div class="summary-list__row">
              <dt class="summary-list__key">{t('supportActivities.fields.title')}</dt>
              <dd class="summary-list__value">{conflict.title}</dd>
            </div>
            <div class="summary-list__row">
              <dt class="summary-list__key">{t('supportActivities.fields.time')}</dt>
              <dd class="summary-list__value">{formatDuration(t, conflict.minutes)}</dd>
            </div>
            <div class="summary-list__row">
              <dt class="summary-list__key">{t('supportActivities.fields.participants')}</dt>
              <dd class="summary-list__value">{conflict.participants ?? '–'}</dd>
            </div>
          </dl>
          <p class="body">{t('supportActivities.form.conflictHint')}</p>
        </section>
      )}
      <Form action={action}>
        {activity && <input type="hidden" name="version" value={str(values.version)} />}
        <DateField name="heldOn" label={t('supportActivities.fields.heldOn')} value={str(values.heldOn)} error={errorFor(errors, 'heldOn')} />
        <Select
          name="kind"
          label={t('supportActivities.fields.kind')}
          value={str(values.kind)}
          placeholder={t('supportActivities.form.chooseKind')}
          options={SUPPORT_KINDS.map((k) => ({ value: k, label: t(`supportActivities.kinds.${k}`) }))}
          error={errorFor(errors, 'kind')}
        />
        <TextField name="title" label={t('supportActivities.fields.title')} value={str(values.title)} error={errorFor(errors, 'title')} />
        <Select
          name="municipalityId"
          label={t('supportActivities.fields.municipality')}
          hint={t('supportActivities.form.municipalityHint')}
          value={str(values.municipalityId)}
          placeholder={t('supportActivities.countyWide')}
          options={municipalities.map((m) => ({ value: m.id, label: m.name }))}
          error={errorFor(errors, 'municipalityId')}
        />
        <TextArea
          name="description"
          label={t('supportActivities.fields.descriptionOptional')}
          value={str(values.description)}
          error={errorFor(errors, 'description')}
          rows={4}
        />
        <TextField
          name="hours"
          label={t('supportActivities.fields.hoursOptional')}
          hint={t('supportActivities.form.timeHint')}
          value={str(values.hours)}
          width="narrow"
          inputmode="numeric"
          error={errorFor(errors, 'hours')}
        />
        <TextField
          name="minutesPart"
          label={t('supportActivities.fields.minutesOptional')}
          value={str(values.minutesPart)}
          width="narrow"
          inputmode="numeric"
          error={errorFor(errors, 'minutesPart')}
        />
        <TextField
          name="participants"
          label={t('supportActivities.fields.participantsOptional')}
          hint={t('supportActivities.form.participantsHint')}
          value={str(values.participants)}
          width="narrow"
          inputmode="numeric"
          error={errorFor(errors, 'participants')}
        />
        <div class="button-group">
          <Button>{t('supportActivities.form.submit')}</Button>
          <a href={listHref(board.id, year && /^\d{4}$/.test(year) ? year : undefined)}>{t('supportActivities.form.cancel')}</a>
        </div>
      </Form>
      {activity && (
        <ConfirmForm action={`/support-activities/${activity.id}/delete`} confirm={t('supportActivities.form.deleteConfirm', { title: activity.title })}>
          <button type="submit" class="button button--warning">
            {t('supportActivities.form.delete')}
          </button>
        </ConfirmForm>
      )}
    </Layout>
  )
}
