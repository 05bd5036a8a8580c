import type { Translate } from '../../../platform/i18n/i18n.ts'
import { formatDate } from '../../../platform/i18n/format.ts'
import type { ReportView } from '../yearly-reports.service.ts'
import { sectionsOf } from '../sections.ts'
import { Blocks } from './blocks.tsx'

/** Paragraphs of a narrative as written: blank lines part paragraphs. */
export function NarrativeText({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p) => (
          <p class="body">{p}</p>
        ))}
    </>
  )
}

/**
 * The report's content — heading, facts, then each section's figures and narrative — shared by the
 * page and the print view. The document is Swedish (`t` is the Swedish translator there).
 */
export function ReportBody({ v, t, editLinks }: { v: ReportView; t: Translate; editLinks: boolean }) {
  const r = v.report
  const m = v.model
  const narrative = (key: string) => v.narratives.find((n) => n.sectionKey === key)?.narrative ?? ''
  return (
    <article>
      <h1 class="heading-l">{m.title}</h1>
      <dl class="summary-list">
        <div class="summary-list__row">
          <dt class="summary-list__key">{t('yearlyReports.doc.collaboration')}</dt>
          <dd class="summary-list__value">{m.collaborationName}</dd>
        </div>
        <div class="summary-list__row">
          <dt class="summary-list__key">{t('yearlyReports.doc.span')}</dt>
          <dd class="summary-list__value">
            {formatDate(m.from, 'sv')} – {formatDate(m.to, 'sv')}
          </dd>
        </div>
        <div class="summary-list__row">
          <dt class="summary-list__key">{t('yearlyReports.doc.status')}</dt>
          <dd class="summary-list__value">
            {r.status === 'adopted'
              ? t('yearlyReports.doc.adopted', { body: r.adoptedBy ?? '', date: formatDate(r.adoptedOn ?? '', 'sv'), paragraph: r.adoptedParagraph ?? '' })
              : t(`yearlyReports.status.${r.status}`)}
          </dd>
        </div>
        <div class="summary-list__row">
          <dt class="summary-list__key">{t('yearlyReports.doc.generated')}</dt>
          <dd class="summary-list__value">{formatDate(m.generatedOn, 'sv')}</dd>
        </div>
      </dl>
      {sectionsOf(r).map((s) => {
        const data = m.sections.find((d) => d.key === s.key)
        const text = narrative(s.key)
        return (
          <section aria-labelledby={`section-${s.key}`}>
            <h2 class="heading-m" id={`section-${s.key}`}>
              {t(`yearlyReports.sections.${s.key}`)}
            </h2>
            {data && <Blocks blocks={data.blocks} />}
            {s.data && (text || editLinks) && <h3 class="heading-s">{t('yearlyReports.doc.assessment')}</h3>}
            {text ? <NarrativeText text={text} /> : editLinks && <p class="body-s">{t('yearlyReports.doc.noNarrative')}</p>}
            {editLinks && (
              <p class="body-s">
                <a href={`/yearly-reports/${r.id}/sections/${s.key}`}>
                  {t('yearlyReports.page.writeSection', { section: t(`yearlyReports.sections.${s.key}`) })}
                </a>
              </p>
            )}
          </section>
        )
      })}
    </article>
  )
}
