import { formatIsoDate } from '../../../platform/i18n/format.ts'
import type { Translate } from '../../../platform/i18n/i18n.ts'
import { DataTable, StatusTag, SummaryList } from '../../../platform/views/data-display.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import type { CollaborationInfo } from '../declarations.repo.ts'
import type { JointEventAnswer } from '../declarations.tables.ts'
import type { EventPartyRow, JointEventRow } from '../joint-events.repo.ts'
import { FileLabel, TextBlocks, collaborationCrumbs } from './parts.tsx'

/** "13.00–15.00" (Swedish clock style); "13.00" with no end; '' with no time. */
export function clockSpan(start: string | null, end: string | null): string {
  const clock = (v: string) => v.slice(0, 5).replace(':', '.')
  if (!start) return ''
  return end ? `${clock(start)}–${clock(end)}` : clock(start)
}

/** "2022-02-02 kl. 13.00–15.00" */
export const whenText = (t: Translate, e: Pick<JointEventRow, 'eventDate' | 'startTime' | 'endTime'>) => {
  const span = clockSpan(e.startTime, e.endTime)
  return span ? t('declarations.jointEvents.dateTime', { date: formatIsoDate(e.eventDate), time: span }) : formatIsoDate(e.eventDate)
}

const ANSWER_COLOUR: Record<JointEventAnswer, 'green' | 'red' | 'grey'> = { attends: 'green', declines: 'red', no_answer: 'grey' }

export function AnswerTag({ answer }: { answer: JointEventAnswer | null }) {
  const { t } = usePage()
  const a = answer ?? 'no_answer'
  return <StatusTag status={ANSWER_COLOUR[a]} label={t(`declarations.jointEvents.answers.${a}`)} />
}

export const eventsHref = (collaborationId: string) => `/collaborations/${collaborationId}/joint-events`
export const eventsCrumb = (t: Translate, c: { id: string }) => ({ href: eventsHref(c.id), label: t('declarations.jointEvents.title') })

/** The collaboration's joint decision meetings and signings, newest first. */
export function JointEventsPage({ collaboration: c, events, canManage }: { collaboration: CollaborationInfo; events: JointEventRow[]; canManage: boolean }) {
  const { t } = usePage()
  const title = t('declarations.jointEvents.title')
  return (
    <Layout title={`${title} – ${c.name}`} breadcrumbs={collaborationCrumbs(t, c, { label: title })}>
      <p class="body-s">{c.name}</p>
      <h1 class="heading-l">{title}</h1>
      <p class="lead">{t('declarations.jointEvents.intro')}</p>
      {canManage && (
        <p class="body">
          <a class="button" href={`${eventsHref(c.id)}/new`}>
            {t('declarations.jointEvents.new')}
          </a>
        </p>
      )}
      <DataTable
        caption={t('declarations.jointEvents.caption', { count: events.length })}
        empty={t('declarations.jointEvents.none')}
        columns={[
          {
            key: 'kind',
            label: t('declarations.jointEvents.fields.kind'),
            render: (e: JointEventRow) => <a href={`/joint-events/${e.id}`}>{t(`declarations.jointEvents.kinds.${e.kind}`)}</a>,
          },
          { key: 'when', label: t('declarations.jointEvents.fields.when'), render: (e: JointEventRow) => whenText(t, e) },
          { key: 'place', label: t('declarations.jointEvents.fields.place'), render: (e: JointEventRow) => e.place || '–' },
        ]}
        rows={events}
      />
      <p class="body">
        <a href={`/collaborations/${c.id}/signatures`}>{t('declarations.board.title')}</a>
      </p>
    </Layout>
  )
}

export interface JointEventPageProps {
  collaboration: CollaborationInfo
  event: JointEventRow
  parties: EventPartyRow[]
  canManage: boolean
}

/** One event: when and where, the invitation, and every party's invited level, answer, dates and signature. */
export function JointEventPage({ collaboration: c, event: e, parties, canManage }: JointEventPageProps) {
  const { t } = usePage()
  const title = t(`declarations.jointEvents.kinds.${e.kind}`)
  const count = (a: JointEventAnswer) => parties.filter((p) => (p.answer ?? 'no_answer') === a).length
  const dated = (d: string | null) => (d ? formatIsoDate(d) : '–')
  return (
    <Layout title={`${title} ${e.eventDate} – ${c.name}`} breadcrumbs={collaborationCrumbs(t, c, eventsCrumb(t, c), { label: `${title} ${e.eventDate}` })} wide>
      <p class="body-s">{c.name}</p>
      <h1 class="heading-l">
        {title} {formatIsoDate(e.eventDate)}
      </h1>
      <SummaryList
        rows={[
          { key: t('declarations.jointEvents.fields.when'), value: whenText(t, e) },
          { key: t('declarations.jointEvents.fields.place'), value: e.place || '–' },
          { key: t('declarations.jointEvents.fields.invitedLevel'), value: e.invitedLevel || '–' },
          {
            key: t('declarations.jointEvents.fields.invitation'),
            value:
              e.invitationFileId && e.invitationFileName ? (
                <a href={`/files/${e.invitationFileId}`}>
                  <FileLabel name={e.invitationFileName} size={e.invitationFileSize} contentType={e.invitationContentType ?? undefined} />
                </a>
              ) : (
                t('declarations.jointEvents.noInvitation')
              ),
          },
          {
            key: t('declarations.jointEvents.fields.answers'),
            value: t('declarations.jointEvents.answerCounts', { attends: count('attends'), declines: count('declines'), none: count('no_answer') }),
          },
        ]}
      />
      {e.note && <TextBlocks text={e.note} />}
      {canManage && (
        <p class="body">
          <a class="button button--secondary" href={`/joint-events/${e.id}/edit`}>
            {t('declarations.jointEvents.edit')}
          </a>
        </p>
      )}
      <h2 class="heading-m">{t('declarations.jointEvents.partiesTitle')}</h2>
      <DataTable
        caption={t('declarations.jointEvents.partiesCaption', { count: parties.length })}
        columns={[
          { key: 'party', label: t('declarations.fields.party'), render: (p: EventPartyRow) => p.name },
          { key: 'joinedOn', label: t('declarations.fields.joinedOn'), render: (p: EventPartyRow) => dated(p.joinedOn) },
          { key: 'invitedOn', label: t('declarations.fields.invitedOn'), render: (p: EventPartyRow) => dated(p.invitedOn) },
          { key: 'level', label: t('declarations.jointEvents.fields.invitedLevel'), render: (p: EventPartyRow) => p.invitedLevel || e.invitedLevel || '–' },
          {
            key: 'answer',
            label: t('declarations.jointEvents.fields.answer'),
            render: (p: EventPartyRow) => (p.rowId ? <AnswerTag answer={p.answer} /> : t('declarations.jointEvents.notInvited')),
          },
          { key: 'attendees', label: t('declarations.jointEvents.fields.attendees'), render: (p: EventPartyRow) => p.attendees || '–' },
          ...(e.kind === 'signing'
            ? [
                {
                  key: 'signed',
                  label: t('declarations.jointEvents.fields.signedHere'),
                  render: (p: EventPartyRow) =>
                    p.signatureId ? (
                      <a href={`/signatures/${p.signatureId}`}>
                        {p.signedAtEventId === e.id
                          ? t('declarations.jointEvents.signedHere', { date: dated(p.signedOn) })
                          : t(`declarations.status.${p.signatureStatus}`)}
                      </a>
                    ) : (
                      '–'
                    ),
                },
              ]
            : []),
          ...(canManage
            ? [
                {
                  key: 'action',
                  label: t('declarations.jointEvents.fields.action'),
                  render: (p: EventPartyRow) => (
                    <a href={`/joint-events/${e.id}/parties/${p.organisationId}`}>
                      {t('declarations.jointEvents.recordAnswer')}
                      <span class="visually-hidden"> – {p.name}</span>
                    </a>
                  ),
                },
              ]
            : []),
        ]}
        rows={parties}
      />
    </Layout>
  )
}
