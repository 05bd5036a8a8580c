import { formatDateTime } from '../../../platform/i18n/format.ts'
import { type Column, DataTable, Pagination, SummaryList } from '../../../platform/views/data-display.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import type { OutboxMessage, OutboxRow } from '../outbox.repo.ts'

const crumbs = (t: (k: string) => string) => [
  { href: '/', label: t('platform.nav.home') },
  { href: '/admin/outbox', label: t('mail.outbox.title') },
]

/** What the outbox is and why it empties itself: the messages hold e-mail addresses. */
function OutboxIntro({ smtp, days }: { smtp: boolean; days: number }) {
  const { t } = usePage()
  return (
    <>
      <p class="lead">{t('mail.outbox.intro')}</p>
      <p class="inset">{smtp ? t('mail.outbox.smtpSet') : t('mail.outbox.noSmtp')}</p>
      <p class="body">{t('mail.outbox.retention', { days })}</p>
    </>
  )
}

/** The administrator's outbox: messages not sent for want of a mail server, newest first. */
export function OutboxListPage(props: { rows: OutboxRow[]; total: number; page: number; pageSize: number; smtp: boolean; days: number }) {
  const { t, locale } = usePage()
  const columns: Column<OutboxRow>[] = [
    { key: 'createdAt', label: t('mail.outbox.fields.createdAt'), render: (r) => formatDateTime(r.createdAt, locale) },
    { key: 'to', label: t('mail.outbox.fields.to'), render: (r) => r.toAddress },
    { key: 'subject', label: t('mail.outbox.fields.subject'), render: (r) => <a href={`/admin/outbox/${r.id}`}>{r.subject}</a> },
  ]
  return (
    <Layout title={t('mail.outbox.title')} breadcrumbs={[{ href: '/', label: t('platform.nav.home') }, { label: t('mail.outbox.title') }]} wide>
      <h1 class="heading-l">{t('mail.outbox.title')}</h1>
      <OutboxIntro smtp={props.smtp} days={props.days} />
      <DataTable caption={t('mail.outbox.caption', { count: props.total })} columns={columns} rows={props.rows} empty={t('mail.outbox.empty')} />
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
          { key: t('mail.outbox.fields.to'), value: message.toAddress },
          { key: t('mail.outbox.fields.createdAt'), value: formatDateTime(message.createdAt, locale) },
          { key: t('mail.outbox.fields.calendar'), value: message.ics ? t('mail.outbox.calendarYes') : t('mail.outbox.calendarNo') },
        ]}
      />
      <h2 class="heading-m">{t('mail.outbox.fields.text')}</h2>
      <pre>{message.text}</pre>
      {message.ics && (
        <>
          <h2 class="heading-m">{t('mail.outbox.fields.calendar')}</h2>
          <pre>{message.ics}</pre>
        </>
      )}
      <p class="body-s">{t('mail.outbox.retention', { days })}</p>
    </Layout>
  )
}
