import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import type { MunicipalityPoliceArea } from '../../organisations/index.ts'
import type { PointResult, StepResult } from '../work-process.derive.ts'
import { PointTag, StepTag, dateText, overviewCrumbs, pairHref } from './parts.tsx'

interface Props {
  pair: MunicipalityPoliceArea
  steps: StepResult[]
  canEdit: boolean
}

/** One pair's five steps, each with its "klart när" points: state, date, evidence, and who ticks it. */
export function PairPage({ pair, steps, canEdit }: Props) {
  const { t } = usePage()
  const title = t('workProcess.pairName', { municipality: pair.municipalityName, policeArea: pair.policeAreaName })
  const label = (p: PointResult) => t(`workProcess.points.${p.key}.label`)
  const source = (p: PointResult) =>
    p.source === 'platform'
      ? t('workProcess.source.platform')
      : p.source === 'manual'
        ? t('workProcess.source.manual')
        : p.auto
          ? t('workProcess.source.autoPending')
          : t('workProcess.source.manualPending')
  return (
    <Layout title={title} wide breadcrumbs={[...overviewCrumbs(t, pair.countyCode), { label: title }]}>
      <span class="caption">{t('workProcess.title')}</span>
      <h1 class="heading-l">{title}</h1>
      <p class="lead">{t('workProcess.pair.lead')}</p>
      <p class="body">{t('workProcess.pair.autoExplained')}</p>
      {pair.validTo && <p class="warning-text">{t('workProcess.pair.ended', { date: dateText(pair.validTo) })}</p>}
      {steps.map((s) => (
        <section aria-labelledby={`step-${s.number}`}>
          <h2 class="heading-m" id={`step-${s.number}`}>
            {t('workProcess.stepHeading', { number: s.number, name: t(`workProcess.steps.${s.key}.name`) })}{' '}
            <StepTag state={s.state} done={s.done} total={s.total} />
          </h2>
          <p class="body">{t(`workProcess.steps.${s.key}.help`)}</p>
          <div class="table-wrap">
            <table class="table">
              <caption class="table__caption visually-hidden">{t('workProcess.pair.caption', { number: s.number })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('workProcess.fields.point')}</th>
                  <th scope="col">{t('workProcess.fields.state')}</th>
                  <th scope="col">{t('workProcess.fields.date')}</th>
                  <th scope="col">{t('workProcess.fields.evidence')}</th>
                  <th scope="col">{t('workProcess.fields.source')}</th>
                  {canEdit && <th scope="col">{t('workProcess.fields.action')}</th>}
                </tr>
              </thead>
              <tbody>
                {s.points.map((p) => (
                  <tr>
                    <th scope="row">
                      {label(p)}
                      <div class="hint">{t(`workProcess.points.${p.key}.help`)}</div>
                    </th>
                    <td>
                      <PointTag state={p.state} />
                      {p.check?.note && <div class="body-s">{t('workProcess.pair.note', { note: p.check.note })}</div>}
                    </td>
                    <td>{dateText(p.date)}</td>
                    <td>
                      {p.evidenceUrl ? (
                        <a href={p.evidenceUrl}>
                          {t(p.source === 'platform' ? 'workProcess.pair.evidencePlatform' : 'workProcess.pair.evidenceLink')}
                          <span class="visually-hidden"> {label(p)}</span>
                        </a>
                      ) : (
                        '–'
                      )}
                      {p.source === 'platform' && p.check?.evidenceUrl && p.check.evidenceUrl !== p.evidenceUrl && (
                        <div class="body-s">
                          <a href={p.check.evidenceUrl}>
                            {t('workProcess.pair.evidenceLink')}
                            <span class="visually-hidden"> {label(p)}</span>
                          </a>
                        </div>
                      )}
                    </td>
                    <td>{source(p)}</td>
                    {canEdit && (
                      <td>
                        <a href={`${pairHref(pair)}/checks/${p.key}`}>
                          {t(p.source === 'platform' ? 'workProcess.pair.annotate' : 'workProcess.pair.record')}
                          <span class="visually-hidden"> {label(p)}</span>
                        </a>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </Layout>
  )
}
