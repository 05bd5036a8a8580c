import { renderToString } from 'preact-render-to-string'
import { translator } from '../../../platform/i18n/i18n.ts'
import { PRINT_CSS } from '../../../platform/pdf/print-css.ts'
import type { ReportView } from '../yearly-reports.service.ts'
import { ReportBody } from './report-body.tsx'

/** A self-contained HTML document of the report (Swedish), for Chromium to print as a tagged PDF. */
export function reportHtmlDocument(v: ReportView): string {
  const sv = translator('sv')
  return `<!doctype html>${renderToString(
    <html lang="sv">
      <head>
        <meta charset="utf-8" />
        <title>{v.model.title}</title>
        <meta name="description" content={sv('yearlyReports.doc.description', { name: v.model.collaborationName })} />
        <style dangerouslySetInnerHTML={{ __html: PRINT_CSS }} />
      </head>
      <body>
        <main>
          <ReportBody v={v} t={sv} editLinks={false} />
        </main>
      </body>
    </html>,
  )}`
}
