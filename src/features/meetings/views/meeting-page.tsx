import { formatDateTime } from '../../../platform/i18n/format.ts'
import { SummaryList } from '../../../platform/views/data-display.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import type { MeetingDetail } from '../meetings.service.ts'
import { AgendaSection, AttendanceSection } from './meeting-sections.tsx'
import { DocumentsSection, JusteringSection } from './justering-sections.tsx'
import { MinutesSection } from './minutes-sections.tsx'
import { ActionButton, MeetingStatus, meetingCrumbs, when } from './parts.tsx'

/** One meeting: the facts, the agenda, attendance and the minutes, with the actions the reader may take. */
export function MeetingPage({ detail, jobsRunning }: { detail: MeetingDetail; jobsRunning: boolean }) {
  const { t, locale } = usePage()
  const { meeting: m, body, manage, invitations } = detail
  const approved = !!m.minutesApprovedAt
  const crumbs = meetingCrumbs(t, body, m)
  return (
    <Layout title={m.title} breadcrumbs={[...crumbs.slice(0, -1), { label: m.title }]} wide>
      <span class="body-s">{body.name}</span>
      <h1 class="heading-l">{m.title}</h1>
      <SummaryList
        rows={[
          { key: t('meetings.fields.when'), value: when(m) },
          { key: t('meetings.fields.place'), value: m.place || '–' },
          { key: t('meetings.fields.kind'), value: t(`meetings.kinds.${m.kind}`) },
          { key: t('meetings.fields.status'), value: <MeetingStatus meeting={m} /> },
          ...(approved
            ? [
                {
                  key: t('meetings.approve.approvedBy'),
                  value: t('meetings.approve.approvedByValue', { name: m.minutesApprovedBy ?? '–', at: formatDateTime(m.minutesApprovedAt!, locale) }),
                },
              ]
            : []),
        ]}
      />
      {approved && <p class="inset">{t('meetings.approve.locked')}</p>}
      {manage && !approved && !m.justeringRequestedAt && (
        <div class="button-group">
          <a class="button button--secondary" href={`/meetings/${m.id}/edit`}>
            {t('meetings.detail.edit')}
          </a>
        </div>
      )}

      {manage && (
        <section aria-labelledby="invitations-heading">
          <h2 class="heading-m" id="invitations-heading">
            {t('meetings.invitations.title')}
          </h2>
          <p class="body">
            {invitations.length
              ? t('meetings.invitations.sentCount', {
                  count: invitations.length,
                  at: formatDateTime(new Date(Math.max(...invitations.map((i) => i.sentAt.getTime()))), locale),
                })
              : t('meetings.invitations.none')}
          </p>
          {m.startsAt.getTime() <= Date.now() ? (
            <p class="body-s">{t('meetings.invitations.pastMeeting')}</p>
          ) : (
            <>
              {!jobsRunning && <p class="warning-text">{t('meetings.invitations.queueStopped')}</p>}
              <ActionButton
                action={`/meetings/${m.id}/invitations`}
                label={invitations.length ? t('meetings.invitations.resend') : t('meetings.invitations.send')}
                variant="secondary"
              />
            </>
          )}
        </section>
      )}

      <AgendaSection detail={detail} />
      <AttendanceSection detail={detail} />
      <MinutesSection detail={detail} />

      <JusteringSection detail={detail} />
      <DocumentsSection detail={detail} />
    </Layout>
  )
}
