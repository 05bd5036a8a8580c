import { formatDateTime } from '../../../platform/i18n/format.ts'
import { type Column, DataTable, Pagination, SummaryList } from '../../../platform/views/data-display.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import type { OutboxMessage, OutboxRow } from '../outbox.repo.ts'

const crumbs = (t: (k: string) => string) => [
  { href: '/', label: t('platform.nav.home') },
  { href: '/admin/outbox', label: t('mailOutbox.title') },
]

/** What the outbox is and why it empties itself: the messages hold e-mail addresses. */
function OutboxIntro({ smtp, days }: { smtp: boolean; days: number }) {
  const { t } = usePage()
  return (
    <>
      <p class="lead">{t('mailOutbox.intro')}</p>
      <p class="inset">{smtp ? t('mailOutbox.smtpSet') : t('mailOutbox.noSmtp')}</p>
      <p class="body">{t('mailOutbox.retention', { days })}</p>
    </>
  )
}

/** The administrator's outbox: messages not sent for want of a mail server, newest first. */
export function OutboxListPage(props: { rows: OutboxRow[]; total: number; page: number; pageSize: number; smtp: boolean; days: number }) {
  const { t, locale } = usePage()
  const columns: Column<OutboxRow>[] = [
    { key: 'createdAt', label: t('mailOutbox.fields.createdAt'), render: (r) => formatDateTime(r.createdAt, locale) },
    { key: 'to', label: t('mailOutbox.fields.to'), render: (r) => r.toAddress },
    { key: 'subject', label: t('mailOutbox.fields.subject'), render: (r) => <a href={`/admin/outbox/${r.id}`}>{r.subject}</a> },
  ]
  return (
    <Layout title={t('mailOutbox.title')} breadcrumbs={[{ href: '/', label: t('platform.nav.home') }, { label: t('mailOutbox.title') }]} wide>
      <h1 class="heading-l">{t('mailOutbox.title')}</h1>
      <OutboxIntro smtp={props.smtp} days={props.days} />
      <DataTable caption={t('mailOutbox.caption', { count: props.total })} columns={columns} rows={props.rows} empty={t('mailOutbox.empty')} />
      <Pagination page={props.page} pageCount={Math.ceil(props.total / props.pageSize)} href={(page) => `/admin/outbox?page=${page}`} />
    </Layout>
  )
}

/** One unsent message as it would have been sent: recipient, subject and the plain text. */
export function OutboxMessagePage({ message, days }: { message: OutboxMessage; days: number }) {
  const { t, locale } = usePage()
  return (
    <Layout title={message.subject} breadcrumbs={[...crumbs(t), { label: message.subject }]}>
      <h1 class="heading-l">{message.subject}</h1>
      <SummaryList
        rows={[
          { key: t('mailOutbox.fields.to'), value: message.toAddress },
          { key: t('mailOutbox.fields.createdAt'), value: formatDateTime(message.createdAt, locale) },
          { key: t('mailOutbox.fields.calendar'), value: message.ics ? t('mailOutbox.calendarYes') : t('mailOutbox.calendarNo') },
        ]}
      />
      <h2 class="heading-m">{t('mailOutbox.fields.text')}</h2>
      <pre>{message.text}</pre>
      {message.ics && (
        <>
          <h2 class="heading-m">{t('mailOutbox.fields.calendar')}</h2>
          <pre>{message.ics}</pre>
        </>
      )}
      <p class="body-s">{t('mailOutbox.retention', { days })}</p>
    </Layout>
  )
}
