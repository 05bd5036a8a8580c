import { type Column, DataTable } from '../../../platform/views/data-display.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import type { BodyRow } from '../../bodies/index.ts'
import type { Meeting } from '../meetings.repo.ts'
import { MeetingStatus, meetingCrumbs, when } from './parts.tsx'

interface Props {
  body: BodyRow
  upcoming: Meeting[]
  past: Meeting[]
  manage: boolean
}

/** A body's meetings: upcoming first (soonest on top), then the past ones (latest on top). */
export function MeetingsListPage({ body, upcoming, past, manage }: Props) {
  const { t } = usePage()
  const title = t('meetings.list.title', { body: body.name })
  const columns: Column<Meeting>[] = [
    { key: 'when', label: t('meetings.fields.when'), render: (m) => <a href={`/meetings/${m.id}`}>{when(m)}</a> },
    { key: 'title', label: t('meetings.fields.title'), render: (m) => m.title },
    { key: 'kind', label: t('meetings.fields.kind'), render: (m) => t(`meetings.kinds.${m.kind}`) },
    { key: 'place', label: t('meetings.fields.place'), render: (m) => m.place || '–' },
    { key: 'status', label: t('meetings.fields.status'), render: (m) => <MeetingStatus meeting={m} /> },
  ]
  const crumbs = meetingCrumbs(t, body)
  return (
    <Layout title={title} breadcrumbs={[...crumbs.slice(0, -1), { label: crumbs.at(-1)!.label }]} wide>
      <h1 class="heading-l">{title}</h1>
      <p class="body">{t('meetings.list.intro')}</p>
      <div class="button-group">
        {manage && (
          <a class="button" href={`/bodies/${body.id}/meetings/new`}>
            {t('meetings.list.new')}
          </a>
        )}
        <a href={`/bodies/${body.id}/calendar.ics`}>{t('meetings.list.calendar')}</a>
        <a href="/calendar">{t('meetings.list.ownCalendar')}</a>
        <a href={`/collaborations/${body.collaborationId}/time`}>{t('meetings.list.time')}</a>
      </div>
      <DataTable caption={t('meetings.list.upcoming', { count: upcoming.length })} columns={columns} rows={upcoming} empty={t('meetings.list.noUpcoming')} />
      <DataTable caption={t('meetings.list.past', { count: past.length })} columns={columns} rows={past} empty={t('meetings.list.noPast')} />
    </Layout>
  )
}
