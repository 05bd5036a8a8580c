import { DataTable, StatusTag } from '../../../platform/views/data-display.tsx'
import { type FieldError, errorFor } from '../../../platform/views/error-summary.tsx'
import { Button, DateField, Form, Radios, Select, TextArea, TextField } from '../../../platform/views/form-controls.tsx'
import { formatDate } from '../../../platform/i18n/format.ts'
import { translator } from '../../../platform/i18n/i18n.ts'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import type { CollaborationSubject } from '../report-data.ts'
import { sectionsOf } from '../sections.ts'
import type { YearlyReport } from '../yearly-reports.repo.ts'
import type { ReportView } from '../yearly-reports.service.ts'
import type { YearlyReportKind } from '../yearly-reports.tables.ts'
import { Blocks } from './blocks.tsx'
import { NarrativeText, ReportBody } from './report-body.tsx'

type Values = Record<string, string | string[]>
const str = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)
type T = ReturnType<typeof usePage>['t']

const STATUS_COLOUR = { draft: 'grey', review: 'yellow', adopted: 'green' } as const

export const listCrumbs = (t: T, c: { id: string; name: string }) => [
  { label: t('platform.nav.home'), href: '/' },
  { label: c.name, href: `/collaborations/${c.id}` },
  { label: t('yearlyReports.list.title'), href: `/collaborations/${c.id}/yearly-reports` },
]

export function ReportStatus({ status }: { status: YearlyReport['status'] }) {
  const { t } = usePage()
  return <StatusTag status={STATUS_COLOUR[status]} label={t(`yearlyReports.status.${status}`)} />
}

const visibilityOptions = (t: T) => ['partners', 'public', 'organisation'].map((v) => ({ value: v, label: t(`yearlyReports.visibility.${v}`) }))

interface ListProps {
  collaboration: CollaborationSubject
  reports: YearlyReport[]
  canCreate: boolean
  kinds: YearlyReportKind[]
  values: Values
  errors?: FieldError[]
}

/** The collaboration's yearly reports, and the form that drafts a new one. */
export function ListPage({ collaboration: c, reports, canCreate, kinds, values, errors }: ListProps) {
  const { t } = usePage()
  const title = t('yearlyReports.list.title')
  return (
    <Layout title={`${title} – ${c.name}`} wide errors={errors} breadcrumbs={[...listCrumbs(t, c).slice(0, 2), { label: title }]}>
      <h1 class="heading-l">{title}</h1>
      <p class="body">{t('yearlyReports.list.lead')}</p>
      <DataTable
        caption={t('yearlyReports.list.caption', { name: c.name })}
        rows={reports}
        empty={t('yearlyReports.list.empty')}
        columns={[
          { key: 'title', label: t('yearlyReports.fields.title'), render: (r) => <a href={`/yearly-reports/${r.id}`}>{r.title}</a> },
          { key: 'kind', label: t('yearlyReports.fields.kind'), render: (r) => t(`yearlyReports.kinds.${r.kind}`) },
          { key: 'status', label: t('yearlyReports.fields.status'), render: (r) => <ReportStatus status={r.status} /> },
          {
            key: 'adopted',
            label: t('yearlyReports.fields.adopted'),
            render: (r) => (r.adoptedOn ? `${formatDate(r.adoptedOn, 'sv')}, ${r.adoptedBy ?? ''} ${r.adoptedParagraph ?? ''}`.trim() : '–'),
          },
        ]}
      />
      {canCreate && (
        <>
          <h2 class="heading-m">{t('yearlyReports.list.newTitle')}</h2>
          <p class="body">{t('yearlyReports.list.newLead')}</p>
          <Form action={`/collaborations/${c.id}/yearly-reports`}>
            <Radios
              name="kind"
              label={t('yearlyReports.fields.kind')}
              value={str(values.kind)}
              error={errorFor(errors, 'kind')}
              options={kinds.map((k) => ({ value: k, label: t(`yearlyReports.kinds.${k}`) }))}
            />
            <TextField
              name="year"
              label={t('yearlyReports.fields.year')}
              value={str(values.year)}
              error={errorFor(errors, 'year')}
              inputmode="numeric"
              width="narrow"
            />
            <Radios
              name="scope"
              label={t('yearlyReports.fields.scope')}
              value={str(values.scope)}
              error={errorFor(errors, 'scope')}
              options={['year', 'period'].map((s) => ({ value: s, label: t(`yearlyReports.scopes.${s}`, { start: c.periodStart.slice(0, 4) }) }))}
            />
            <Select
              name="visibility"
              label={t('yearlyReports.fields.visibility')}
              hint={t('yearlyReports.fields.visibilityHint')}
              value={str(values.visibility)}
              error={errorFor(errors, 'visibility')}
              options={visibilityOptions(t)}
            />
            <Button>{t('yearlyReports.list.create')}</Button>
          </Form>
        </>
      )}
    </Layout>
  )
}

/** The report: its content, and what the reader may do with it (write, send for comments, comment, adopt, export). */
export function ReportPage({ v, errors, values, pdfa }: { v: ReportView; errors?: FieldError[]; values?: Values; pdfa?: boolean }) {
  const { t } = usePage()
  const sv = translator('sv')
  const r = v.report
  return (
    <Layout title={r.title} wide errors={errors} breadcrumbs={[...listCrumbs(t, v.collaboration), { label: r.title }]}>
      <p class="body">
        <ReportStatus status={r.status} />
      </p>
      <p class="body-s">
        <a href={`/yearly-reports/${r.id}/export.docx`}>{t('yearlyReports.page.docx')}</a> ·{' '}
        <a href={`/yearly-reports/${r.id}/export.pdf`}>{t('yearlyReports.page.pdf')}</a>
      </p>
      {pdfa && (
        // The archival copy takes LibreOffice a while: a button (a POST) to a task page, not a link.
        <Form action={`/yearly-reports/${r.id}/pdfa`}>
          <p class="body-s">{t('yearlyReports.page.pdfaHint')}</p>
          <Button variant="secondary">{t('yearlyReports.page.pdfa')}</Button>
        </Form>
      )}
      {r.status === 'adopted' && <p class="body">{t('yearlyReports.page.adoptedLead')}</p>}
      {r.status === 'draft' && <p class="body">{t('yearlyReports.page.draftLead')}</p>}
      {r.status === 'review' && <p class="body">{t('yearlyReports.page.reviewLead')}</p>}
      {v.canManage && (
        <div class="button-group">
          {r.status === 'draft' && (
            <Form action={`/yearly-reports/${r.id}/review`}>
              <input type="hidden" name="version" value={String(r.version)} />
              <Button variant="secondary">{t('yearlyReports.page.sendForComments')}</Button>
            </Form>
          )}
          <a class="button" href={`/yearly-reports/${r.id}/adopt`}>
            {t('yearlyReports.page.adopt')}
          </a>
        </div>
      )}
      <ReportBody v={v} t={sv} editLinks={v.canWrite} />
      <section aria-labelledby="comments">
        <h2 class="heading-m" id="comments">
          {t('yearlyReports.comments.title')}
        </h2>
        {v.comments.length === 0 && <p class="body">{t('yearlyReports.comments.none')}</p>}
        <ul class="list">
          {v.comments.map((c) => (
            <li>
              <strong>
                {c.authorName}, {c.organisationName}
              </strong>{' '}
              ({formatDate(c.createdAt, 'sv')}
              {c.sectionKey ? `, ${t(`yearlyReports.sections.${c.sectionKey}`)}` : ''}): {c.body}
            </li>
          ))}
        </ul>
        {v.canComment && (
          <Form action={`/yearly-reports/${r.id}/comments`}>
            <Select
              name="sectionKey"
              label={t('yearlyReports.comments.section')}
              value={str(values?.sectionKey)}
              error={errorFor(errors, 'sectionKey')}
              options={[
                { value: '', label: t('yearlyReports.comments.whole') },
                ...sectionsOf(r).map((s) => ({ value: s.key, label: t(`yearlyReports.sections.${s.key}`) })),
              ]}
            />
            <TextArea name="body" label={t('yearlyReports.comments.body')} value={str(values?.body)} error={errorFor(errors, 'body')} rows={4} />
            <Button variant="secondary">{t('yearlyReports.comments.submit')}</Button>
          </Form>
        )}
      </section>
    </Layout>
  )
}

/** One section's narrative, written beside the figures it is about. */
export function NarrativePage({
  v,
  sectionKey,
  values,
  errors,
  conflict,
}: {
  v: ReportView
  sectionKey: string
  values: Values
  errors?: FieldError[]
  conflict?: string
}) {
  const { t } = usePage()
  const r = v.report
  const section = t(`yearlyReports.sections.${sectionKey}`)
  const title = t('yearlyReports.narrative.title', { section })
  const data = v.model.sections.find((s) => s.key === sectionKey)
  return (
    <Layout
      title={title}
      wide
      errors={errors}
      breadcrumbs={[...listCrumbs(t, v.collaboration), { label: r.title, href: `/yearly-reports/${r.id}` }, { label: title }]}
    >
      <h1 class="heading-l">{title}</h1>
      <p class="body">{t('yearlyReports.narrative.lead')}</p>
      {conflict !== undefined && (
        <div class="inset">
          <h2 class="heading-s">{t('yearlyReports.narrative.conflict')}</h2>
          <NarrativeText text={conflict} />
        </div>
      )}
      <Form action={`/yearly-reports/${r.id}/sections/${sectionKey}`}>
        <input type="hidden" name="version" value={str(values.version) ?? '0'} />
        <TextArea
          name="narrative"
          label={t('yearlyReports.narrative.label', { section })}
          hint={t('yearlyReports.narrative.hint')}
          value={str(values.narrative)}
          error={errorFor(errors, 'narrative')}
          rows={12}
        />
        <div class="button-group">
          <Button>{t('yearlyReports.narrative.submit')}</Button>
          <a href={`/yearly-reports/${r.id}#section-${sectionKey}`}>{t('collaborations.edit.cancel')}</a>
        </div>
      </Form>
      {data && (
        <section aria-labelledby="figures">
          <h2 class="heading-m" id="figures">
            {t('yearlyReports.narrative.figures')}
          </h2>
          <Blocks blocks={data.blocks} />
        </section>
      )}
    </Layout>
  )
}

/** Recording the styrgrupp's adoption: date, §, and who may read the archived report. */
export function AdoptPage({ v, values, errors }: { v: ReportView; values: Values; errors?: FieldError[] }) {
  const { t } = usePage()
  const r = v.report
  const title = t('yearlyReports.adopt.title')
  return (
    <Layout
      title={title}
      errors={errors}
      breadcrumbs={[...listCrumbs(t, v.collaboration), { label: r.title, href: `/yearly-reports/${r.id}` }, { label: title }]}
    >
      <h1 class="heading-l">{title}</h1>
      <p class="body">{t('yearlyReports.adopt.lead', { title: r.title })}</p>
      <Form action={`/yearly-reports/${r.id}/adopt`}>
        <input type="hidden" name="version" value={str(values.version) ?? String(r.version)} />
        <TextField name="adoptedBy" label={t('yearlyReports.adopt.by')} value={str(values.adoptedBy)} error={errorFor(errors, 'adoptedBy')} />
        <DateField name="adoptedOn" label={t('yearlyReports.adopt.on')} value={str(values.adoptedOn)} error={errorFor(errors, 'adoptedOn')} />
        <TextField
          name="adoptedParagraph"
          label={t('yearlyReports.adopt.paragraph')}
          hint={t('yearlyReports.adopt.paragraphHint')}
          value={str(values.adoptedParagraph)}
          error={errorFor(errors, 'adoptedParagraph')}
          width="narrow"
        />
        <Select
          name="visibility"
          label={t('yearlyReports.fields.visibility')}
          value={str(values.visibility)}
          error={errorFor(errors, 'visibility')}
          options={visibilityOptions(t)}
        />
        <div class="button-group">
          <Button variant="warning">{t('yearlyReports.adopt.submit')}</Button>
          <a href={`/yearly-reports/${r.id}`}>{t('collaborations.edit.cancel')}</a>
        </div>
      </Form>
    </Layout>
  )
}
