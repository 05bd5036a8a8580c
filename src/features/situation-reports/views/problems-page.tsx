import { type FieldError, errorFor } from '../../../platform/views/error-summary.tsx'
import { Button, Checkboxes, Form, TextArea, TextField } from '../../../platform/views/form-controls.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import { Paragraphs } from '../../../platform/views/text-blocks.tsx'
import type { OrganisationProblem } from '../../plans/index.ts'
import type { ReportProblem, SituationReport } from '../situation-reports.repo.ts'
import { type Values, reportCrumbs, str } from './parts.tsx'

/** The form's values: one row per problem, the chosen ones first in their order, with their analysis. */
export function problemValues(report: SituationReport, problems: OrganisationProblem[], chosen: ReportProblem[]): Values {
  const v: Values = { version: String(report.version) }
  problems.forEach((p, n) => {
    const c = chosen.find((x) => x.problemItemId === p.id)
    v[`itemId_${n}`] = p.id
    if (c) {
      v[`chosen_${n}`] = 'on'
      v[`priority_${n}`] = String(c.priority)
      v[`victim_${n}`] = c.victimCauses
      v[`offender_${n}`] = c.offenderCauses
      v[`place_${n}`] = c.placeCauses
      v[`chain_${n}`] = c.eventChain
    }
  })
  return v
}

interface Props {
  report: SituationReport
  organisation: { id: string; name: string }
  problems: OrganisationProblem[]
  values: Values
  errors?: FieldError[]
  conflict?: boolean
}

/**
 * The prioritised problems and their orsaksanalys (Brå's fishbone: brottsutsatt, gärningsperson,
 * plats, and the event chain). The problems are the åtgärdsplan's: its causes stand beside the
 * analysis, with a link to the plan, so the lägesbild and the plan stay one picture.
 */
export function ProblemsPage({ report, organisation, problems, values, errors, conflict }: Props) {
  const { t } = usePage()
  const title = t('situationReports.problems.title', { title: report.title })
  const field = (name: string) => ({ name, value: str(values[name]), error: errorFor(errors, name) })
  const byId = new Map(problems.map((p) => [p.id, p]))
  const rows = Object.keys(values)
    .filter((k) => /^itemId_\d+$/.test(k))
    .map((k) => Number(k.slice(7)))
    .sort((a, b) => a - b)
  return (
    <Layout title={title} errors={errors} wide breadcrumbs={[...reportCrumbs(t, report, organisation), { label: t('situationReports.problems.crumb') }]}>
      <h1 class="heading-l">{title}</h1>
      <p class="body">{t('situationReports.problems.lead')}</p>
      {conflict && <p class="body">{t('situationReports.problems.conflict')}</p>}
      {rows.length === 0 ? (
        <>
          <p class="body">{t('situationReports.problems.none', { name: organisation.name })}</p>
          <p class="body">
            <a href={`/organisations/${organisation.id}/plans`}>{t('situationReports.problems.plansLink', { name: organisation.name })}</a>
          </p>
        </>
      ) : (
        <Form action={`/situation-reports/${report.id}/problems`}>
          <input type="hidden" name="version" value={str(values.version)} />
          {rows.map((n) => {
            const id = str(values[`itemId_${n}`]) ?? ''
            const p = byId.get(id)
            return (
              <section class="problem-row" aria-labelledby={`problem-${n}-heading`}>
                <input type="hidden" name={`itemId_${n}`} value={id} />
                <h2 class="heading-m" id={`problem-${n}-heading`}>
                  {p?.title ?? id}
                </h2>
                {p && (
                  <p class="caption">
                    {t('situationReports.problems.inPlan', { plan: p.plan.title })} –{' '}
                    <a href={`/plans/${p.plan.id}`}>{t('situationReports.problems.openPlan')}</a>
                  </p>
                )}
                {p?.description && <Paragraphs text={p.description} />}
                <div class="plan-causes">
                  <h3 class="heading-s">{t('situationReports.problems.causesInPlan')}</h3>
                  {p?.causes.length ? (
                    <ul class="list">
                      {p.causes.map((c) => (
                        <li>{t('situationReports.document.cause', { n: c.position, title: c.title })}</li>
                      ))}
                    </ul>
                  ) : (
                    <p class="body">{t('situationReports.document.noCauses')}</p>
                  )}
                </div>
                <Checkboxes
                  name={`chosen_${n}`}
                  label={t('situationReports.problems.choose', { title: p?.title ?? '' })}
                  values={str(values[`chosen_${n}`]) ? ['on'] : []}
                  options={[{ value: 'on', label: t('situationReports.problems.chosen') }]}
                  error={errorFor(errors, `chosen_${n}`)}
                />
                <TextField
                  {...field(`priority_${n}`)}
                  label={t('situationReports.fields.priority')}
                  hint={t('situationReports.fields.priorityHint')}
                  width="narrow"
                  inputmode="numeric"
                />
                <TextArea {...field(`victim_${n}`)} label={t('situationReports.analysis.victim')} hint={t('situationReports.analysis.victimHint')} rows={4} />
                <TextArea
                  {...field(`offender_${n}`)}
                  label={t('situationReports.analysis.offender')}
                  hint={t('situationReports.analysis.offenderHint')}
                  rows={4}
                />
                <TextArea {...field(`place_${n}`)} label={t('situationReports.analysis.place')} hint={t('situationReports.analysis.placeHint')} rows={4} />
                <TextArea {...field(`chain_${n}`)} label={t('situationReports.analysis.chain')} hint={t('situationReports.analysis.chainHint')} rows={4} />
              </section>
            )
          })}
          <div class="button-group">
            <Button>{t('situationReports.problems.save')}</Button>
            <a href={`/situation-reports/${report.id}`}>{t('situationReports.cancel')}</a>
          </div>
        </Form>
      )}
    </Layout>
  )
}
