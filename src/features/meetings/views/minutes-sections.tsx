import { DataTable, StatusTag } from '../../../platform/views/data-display.tsx'
import { Button, Form, Select, TextField } from '../../../platform/views/form-controls.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import type { MeetingDetail } from '../meetings.service.ts'
import type { ActionItemRow } from '../minutes.repo.ts'
import { ActionButton, Paragraphs } from './parts.tsx'

const ACTION_COLOURS = { open: 'grey', in_progress: 'yellow', done: 'green' } as const

export function ActionStatus({ status }: { status: ActionItemRow['status'] }) {
  const { t } = usePage()
  return <StatusTag status={ACTION_COLOURS[status]} label={t(`meetings.actionItems.status.${status}`)} />
}

/** The minutes: text, numbered decisions, action items and who the decisions are sent to. */
export function MinutesSection({ detail }: { detail: MeetingDetail }) {
  const { t } = usePage()
  const { meeting: m, decisions, actionItems, distribution, parties, manage } = detail
  const editable = manage && !m.minutesApprovedAt && !m.justeringRequestedAt
  const distributed = new Set(distribution.map((d) => d.organisationId).filter(Boolean))
  return (
    <section aria-labelledby="minutes-heading">
      <h2 class="heading-m" id="minutes-heading">
        {t('meetings.minutes.title')}
      </h2>
      <Paragraphs text={m.minutesText} empty={t('meetings.minutes.empty')} />
      {editable && (
        <p class="body">
          <a href={`/meetings/${m.id}/minutes`}>{t('meetings.minutes.edit')}</a>
        </p>
      )}

      <h3 class="heading-s">{t('meetings.decisions.title')}</h3>
      {decisions.length === 0 && <p class="body">{t('meetings.decisions.empty')}</p>}
      {decisions.map((d) => (
        <div class="inset">
          <h4 class="heading-s">{t('meetings.decisions.heading', { paragraph: d.paragraph, title: d.title })}</h4>
          <Paragraphs text={d.decisionText} />
          {editable && (
            <a href={`/meetings/${m.id}/decisions/${d.id}/edit`}>
              {t('meetings.decisions.edit')}
              <span class="visually-hidden"> § {d.paragraph}</span>
            </a>
          )}
        </div>
      ))}
      {editable && (
        <p class="body">
          <a href={`/meetings/${m.id}/decisions/new`}>{t('meetings.decisions.add')}</a>
        </p>
      )}

      <h3 class="heading-s">{t('meetings.actionItems.title')}</h3>
      <DataTable
        caption={t('meetings.actionItems.caption', { count: actionItems.length })}
        empty={t('meetings.actionItems.empty')}
        rows={actionItems}
        columns={[
          { key: 'title', label: t('meetings.actionItems.itemTitle'), render: (a) => a.title },
          { key: 'owner', label: t('meetings.actionItems.owner'), render: (a) => a.ownerPersonName ?? a.ownerName ?? '–' },
          { key: 'due', label: t('meetings.actionItems.dueOn'), render: (a) => a.dueOn ?? '–' },
          { key: 'status', label: t('meetings.actionItems.statusLabel'), render: (a) => <ActionStatus status={a.status} /> },
          ...(manage
            ? [
                {
                  key: 'edit',
                  label: t('meetings.actionItems.actions'),
                  render: (a: ActionItemRow) =>
                    a.status === 'done' ? (
                      '–'
                    ) : (
                      <a href={`/action-items/${a.id}/edit`}>
                        {t('meetings.actionItems.edit')}
                        <span class="visually-hidden"> {a.title}</span>
                      </a>
                    ),
                },
              ]
            : []),
        ]}
      />
      {editable && (
        <p class="body">
          <a href={`/meetings/${m.id}/action-items/new`}>{t('meetings.actionItems.add')}</a>
        </p>
      )}

      <h3 class="heading-s">{t('meetings.distribution.title')}</h3>
      {distribution.length === 0 ? (
        <p class="body">{t('meetings.distribution.empty')}</p>
      ) : (
        <ul class="body">
          {distribution.map((d) => (
            <li>
              {d.recipient}{' '}
              {editable && (
                <ActionButton action={`/meetings/${m.id}/distribution/${d.id}/delete`} label={t('meetings.distribution.remove')} context={d.recipient} />
              )}
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <Form action={`/meetings/${m.id}/distribution`}>
          <Select
            name="organisationId"
            label={t('meetings.distribution.party')}
            placeholder={t('meetings.distribution.choose')}
            options={parties.filter((p) => !distributed.has(p.id)).map((p) => ({ value: p.id, label: p.name }))}
          />
          <TextField name="recipient" label={t('meetings.distribution.recipient')} hint={t('meetings.distribution.recipientHint')} />
          <Button variant="secondary">{t('meetings.distribution.add')}</Button>
        </Form>
      )}
    </section>
  )
}
