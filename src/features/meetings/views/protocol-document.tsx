import { renderToString } from 'preact-render-to-string'
import type { Translate } from '../../../platform/i18n/i18n.ts'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import type { ProtocolData, ProtocolPerson } from '../protocol.service.ts'
import { Paragraphs, meetingCrumbs } from './parts.tsx'

const personLine = (p: ProtocolPerson) => [p.name, p.party, p.role].filter(Boolean).join(', ')

/**
 * The protocol's content, one source for the page and the PDF: real headings (h1 the protocol, h2
 * its parts, h3 each §), lists and a table, which the tagged PDF keeps as its structure.
 */
export function ProtocolContent({ p, t }: { p: ProtocolData; t: Translate }) {
  return (
    <article class="protocol">
      <h1 class="heading-l">{t('meetings.protocol.heading', { body: p.bodyName })}</h1>
      <p class="lead">{p.title}</p>
      <dl class="summary-list">
        <div class="summary-list__row">
          <dt class="summary-list__key">{t('meetings.protocol.body')}</dt>
          <dd class="summary-list__value">{p.bodyName}</dd>
        </div>
        <div class="summary-list__row">
          <dt class="summary-list__key">{t('meetings.protocol.when')}</dt>
          <dd class="summary-list__value">
            {p.date} {t('meetings.protocol.clock', { start: p.start, end: p.end })}
          </dd>
        </div>
        <div class="summary-list__row">
          <dt class="summary-list__key">{t('meetings.protocol.place')}</dt>
          <dd class="summary-list__value">{p.place || '–'}</dd>
        </div>
      </dl>
      <h2 class="heading-m">{t('meetings.protocol.present')}</h2>
      <ul class="list">{p.present.length ? p.present.map((x) => <li>{personLine(x)}</li>) : <li>–</li>}</ul>
      {p.absent.length > 0 && (
        <>
          <h2 class="heading-m">{t('meetings.protocol.absent')}</h2>
          <ul class="list">
            {p.absent.map((x) => (
              <li>{personLine(x)}</li>
            ))}
          </ul>
        </>
      )}
      {p.minutesText.trim() && (
        <>
          <h2 class="heading-m">{t('meetings.protocol.minutes')}</h2>
          <Paragraphs text={p.minutesText} />
        </>
      )}
      <h2 class="heading-m">{t('meetings.protocol.decisions')}</h2>
      {p.decisions.map((d) => (
        <section>
          <h3 class="heading-s">{t('meetings.decisions.heading', { paragraph: d.paragraph, title: d.title })}</h3>
          <Paragraphs text={d.decisionText} />
        </section>
      ))}
      {p.actionItems.length > 0 && (
        <>
          <h2 class="heading-m">{t('meetings.protocol.actionItems')}</h2>
          <div class="table-wrap">
            <table class="table">
              <thead>
                <tr>
                  <th scope="col">{t('meetings.actionItems.itemTitle')}</th>
                  <th scope="col">{t('meetings.actionItems.owner')}</th>
                  <th scope="col">{t('meetings.actionItems.dueOn')}</th>
                  <th scope="col">{t('meetings.actionItems.statusLabel')}</th>
                </tr>
              </thead>
              <tbody>
                {p.actionItems.map((a) => (
                  <tr>
                    <td>{a.title}</td>
                    <td>{a.owner}</td>
                    <td>{a.dueOn ?? '–'}</td>
                    <td>{a.status}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {p.distribution.length > 0 && (
        <>
          <h2 class="heading-m">{t('meetings.distribution.title')}</h2>
          <ul class="list">
            {p.distribution.map((d) => (
              <li>{d}</li>
            ))}
          </ul>
        </>
      )}
      <h2 class="heading-m">{t('meetings.protocol.justering')}</h2>
      <ul class="list">
        {p.justerare.map((j) => (
          <li>
            {t(j.method === 'recorded' ? 'meetings.protocol.justeradRecorded' : 'meetings.protocol.justeradAccount', {
              name: j.name,
              date: j.justeradOn ?? '–',
            })}
          </li>
        ))}
      </ul>
      {p.justeradOn && (
        <p class="body">
          {t('meetings.protocol.lockedOn')}: {p.justeradOn}
        </p>
      )}
    </article>
  )
}

/** The protocol page in the site's layout, with links to the PDF and Word versions. */
export function ProtocolPage({ p }: { p: ProtocolData }) {
  const { t } = usePage()
  const crumbs = meetingCrumbs(t, { id: '', name: p.bodyName }, { id: p.meetingId, title: p.title })
  return (
    <Layout
      title={`${t('meetings.protocol.heading', { body: p.bodyName })} ${p.date}`}
      breadcrumbs={[crumbs[0], crumbs[2], { label: t('meetings.protocol.crumb') }]}
    >
      <ProtocolContent p={p} t={t} />
      <ul class="list">
        <li>
          <a href={`/meetings/${p.meetingId}/protocol.pdf`}>{t('meetings.documents.protocolPdf')}</a>
        </li>
        <li>
          <a href={`/meetings/${p.meetingId}/protocol.docx`}>{t('meetings.documents.protocolDocx')}</a>
        </li>
      </ul>
    </Layout>
  )
}

/** Print styles for the PDF: inline, because the document is set as content and loads nothing. */
const PRINT_CSS = `
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 11pt; line-height: 1.4; color: #0b0c0c; }
h1 { font-size: 20pt; margin: 0 0 6pt; } h2 { font-size: 14pt; margin: 16pt 0 6pt; } h3 { font-size: 12pt; margin: 12pt 0 4pt; }
.lead { font-size: 13pt; font-weight: bold; margin: 0 0 10pt; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 2pt 12pt; margin: 0 0 10pt; } dt { font-weight: bold; } dd { margin: 0; }
ul { padding-left: 16pt; margin: 0 0 8pt; } p { margin: 0 0 8pt; }
table { border-collapse: collapse; width: 100%; } th, td { border-bottom: 1px solid #b1b4b6; padding: 3pt 6pt 3pt 0; text-align: left; vertical-align: top; }
section { break-inside: avoid; } h2, h3 { break-after: avoid; }
.summary-list__row { display: contents; }
`

/** A self-contained HTML document of the protocol (Swedish), for Chromium to print as a tagged PDF. */
export function protocolHtmlDocument(p: ProtocolData, t: Translate): string {
  const title = `${t('meetings.protocol.heading', { body: p.bodyName })} ${p.date}`
  return `<!doctype html>${renderToString(
    <html lang="sv">
      <head>
        <meta charset="utf-8" />
        <title>{title}</title>
        <meta name="description" content={p.title} />
        <style dangerouslySetInnerHTML={{ __html: PRINT_CSS }} />
      </head>
      <body>
        <main>
          <ProtocolContent p={p} t={t} />
        </main>
      </body>
    </html>,
  )}`
}
