import type { ComponentChildren } from 'preact'
import { type FieldError, errorFor } from '../../../platform/views/error-summary.tsx'
import { Button, DateField, Form, type Option, Radios, Select, TextArea, TextField } from '../../../platform/views/form-controls.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import type { BodyRow } from '../../bodies/index.ts'
import type { Meeting } from '../meetings.repo.ts'
import { ACTION_STATUSES } from '../meetings.schemas.ts'
import type { ActionItem, Decision } from '../minutes.repo.ts'
import { Paragraphs, type Values, meetingCrumbs, str } from './parts.tsx'

interface Frame {
  body: BodyRow
  meeting: Meeting
  errors?: FieldError[]
  values: Values
}

function FormFrame({ body, meeting, errors, title, children }: Omit<Frame, 'values'> & { title: string; children: ComponentChildren }) {
  const { t } = usePage()
  return (
    <Layout title={title} errors={errors} breadcrumbs={[...meetingCrumbs(t, body, meeting), { label: title }]}>
      <h1 class="heading-l">{title}</h1>
      {children}
    </Layout>
  )
}

function Buttons({ meeting, label }: { meeting: Meeting; label: string }) {
  const { t } = usePage()
  return (
    <div class="button-group">
      <Button>{label}</Button>
      <a href={`/meetings/${meeting.id}`}>{t('meetings.form.cancel')}</a>
    </div>
  )
}

/** Someone else saved first: what is stored now, above what the user typed (kept in the form). */
function Stale({ children }: { children: ComponentChildren }) {
  const { t } = usePage()
  return (
    <section aria-labelledby="stale-heading" class="inset">
      <h2 class="heading-m" id="stale-heading">
        {t('meetings.stale.title')}
      </h2>
      <p class="warning-text">{t('meetings.stale.body')}</p>
      {children}
    </section>
  )
}

export function MinutesPage({ current, ...p }: Frame & { current?: Meeting }) {
  const { t } = usePage()
  return (
    <FormFrame {...p} title={t('meetings.minutes.editTitle')}>
      {current && (
        <Stale>
          <Paragraphs text={current.minutesText} empty={t('meetings.minutes.empty')} />
        </Stale>
      )}
      <Form action={`/meetings/${p.meeting.id}/minutes`}>
        <input type="hidden" name="version" value={str(p.values.version)} />
        <TextArea
          name="minutesText"
          label={t('meetings.minutes.text')}
          hint={t('meetings.minutes.textHint')}
          value={str(p.values.minutesText)}
          error={errorFor(p.errors, 'minutesText')}
          rows={20}
        />
        <Buttons meeting={p.meeting} label={t('meetings.minutes.save')} />
      </Form>
    </FormFrame>
  )
}

export function DecisionPage({ decision, current, ...p }: Frame & { decision?: Decision; current?: Decision }) {
  const { t } = usePage()
  const title = decision ? t('meetings.decisions.editTitle', { paragraph: decision.paragraph }) : t('meetings.decisions.newTitle')
  return (
    <FormFrame {...p} title={title}>
      {current && (
        <Stale>
          <p class="body">
            <strong>{current.title}</strong>
          </p>
          <Paragraphs text={current.decisionText} />
        </Stale>
      )}
      {!decision && <p class="body">{t('meetings.decisions.numberHint')}</p>}
      <Form action={decision ? `/meetings/${p.meeting.id}/decisions/${decision.id}/edit` : `/meetings/${p.meeting.id}/decisions/new`}>
        {decision && <input type="hidden" name="version" value={str(p.values.version)} />}
        <TextField name="title" label={t('meetings.decisions.decisionTitle')} value={str(p.values.title)} error={errorFor(p.errors, 'title')} />
        <TextArea
          name="decisionText"
          label={t('meetings.decisions.text')}
          hint={t('meetings.decisions.textHint')}
          value={str(p.values.decisionText)}
          error={errorFor(p.errors, 'decisionText')}
          rows={8}
        />
        <Buttons meeting={p.meeting} label={t('meetings.decisions.save')} />
      </Form>
    </FormFrame>
  )
}

export const actionItemValues = (a: ActionItem): Values => ({
  title: a.title,
  ownerPersonId: a.ownerPersonId ?? '',
  ownerName: a.ownerName ?? '',
  dueOn: a.dueOn ?? '',
  status: a.status,
  version: String(a.version),
})

export function ActionItemPage({ item, owners, ...p }: Frame & { item?: ActionItem; owners: Option[] }) {
  const { t } = usePage()
  const title = item ? t('meetings.actionItems.editTitle') : t('meetings.actionItems.newTitle')
  return (
    <FormFrame {...p} title={title}>
      {item && p.meeting.minutesApprovedAt && <p class="inset">{t('meetings.actionItems.afterApproval')}</p>}
      <Form action={item ? `/action-items/${item.id}/edit` : `/meetings/${p.meeting.id}/action-items/new`}>
        {item && <input type="hidden" name="version" value={str(p.values.version)} />}
        <TextField name="title" label={t('meetings.actionItems.itemTitle')} value={str(p.values.title)} error={errorFor(p.errors, 'title')} />
        <Select
          name="ownerPersonId"
          label={t('meetings.actionItems.ownerPerson')}
          hint={t('meetings.actionItems.ownerPersonHint')}
          placeholder={t('meetings.actionItems.noOwnerPerson')}
          value={str(p.values.ownerPersonId)}
          options={owners}
          error={errorFor(p.errors, 'ownerPersonId')}
        />
        <TextField
          name="ownerName"
          label={t('meetings.actionItems.ownerName')}
          value={str(p.values.ownerName)}
          error={errorFor(p.errors, 'ownerName')}
          width="medium"
        />
        <DateField name="dueOn" label={t('meetings.actionItems.dueOnOptional')} value={str(p.values.dueOn)} error={errorFor(p.errors, 'dueOn')} />
        <Radios
          name="status"
          label={t('meetings.actionItems.statusLabel')}
          hint={t('meetings.actionItems.statusHint')}
          value={str(p.values.status) ?? 'open'}
          options={ACTION_STATUSES.map((s) => ({ value: s, label: t(`meetings.actionItems.status.${s}`) }))}
          error={errorFor(p.errors, 'status')}
        />
        <Buttons meeting={p.meeting} label={t('meetings.actionItems.save')} />
      </Form>
    </FormFrame>
  )
}

export function DistributionPage({ parties, ...p }: Frame & { parties: Option[] }) {
  const { t } = usePage()
  return (
    <FormFrame {...p} title={t('meetings.distribution.addTitle')}>
      <Form action={`/meetings/${p.meeting.id}/distribution`}>
        <Select
          name="organisationId"
          label={t('meetings.distribution.party')}
          placeholder={t('meetings.distribution.choose')}
          value={str(p.values.organisationId)}
          options={parties}
          error={errorFor(p.errors, 'organisationId')}
        />
        <TextField
          name="recipient"
          label={t('meetings.distribution.recipient')}
          hint={t('meetings.distribution.recipientHint')}
          value={str(p.values.recipient)}
          error={errorFor(p.errors, 'recipient')}
        />
        <Buttons meeting={p.meeting} label={t('meetings.distribution.add')} />
      </Form>
    </FormFrame>
  )
}
