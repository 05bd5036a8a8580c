import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'

/** The signed-in user's own calendar feed: a secret address to paste into Outlook, Google or Apple Calendar. */
export function CalendarPage({ feedUrl, bodies }: { feedUrl: string; bodies: { id: string; name: string }[] }) {
  const { t } = usePage()
  const title = t('meetings.calendar.title')
  return (
    <Layout title={title} breadcrumbs={[{ href: '/', label: t('meetings.crumbs.home') }, { label: title }]}>
      <h1 class="heading-l">{title}</h1>
      <p class="body">{t('meetings.calendar.intro')}</p>
      <h2 class="heading-m">{t('meetings.calendar.feedHeading')}</h2>
      <p class="secret" id="feed-url">
        {feedUrl}
      </p>
      <p class="warning-text">{t('meetings.calendar.secret')}</p>
      <p class="body">{t('meetings.calendar.howTo')}</p>
      <h2 class="heading-m">{t('meetings.calendar.bodiesHeading')}</h2>
      {bodies.length === 0 ? (
        <p class="body">{t('meetings.calendar.noBodies')}</p>
      ) : (
        <ul class="body">
          {bodies.map((b) => (
            <li>
              <a href={`/bodies/${b.id}/meetings`}>{b.name}</a>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  )
}
