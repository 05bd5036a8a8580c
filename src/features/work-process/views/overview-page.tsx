import { Button, Select } from '../../../platform/views/form-controls.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import type { PairOverview } from '../work-process.service.ts'
import { STEPS } from '../work-process.steps.ts'
import { StepTag, overviewCrumbs, pairHref } from './parts.tsx'

interface Props {
  countyCode?: string
  countyName?: string
  counties: { code: string; name: string }[]
  rows: PairOverview[]
  own: PairOverview[]
}

/** The county's municipality–police-area pairs × Brå's five steps, each cell a link to the pair. */
export function OverviewPage({ countyCode, countyName, counties, rows, own }: Props) {
  const { t } = usePage()
  const title = t('workProcess.title')
  const pairName = (r: PairOverview) => t('workProcess.pairName', { municipality: r.municipalityName, policeArea: r.policeAreaName })
  return (
    <Layout title={title} wide breadcrumbs={[...overviewCrumbs(t).slice(0, 1), { label: title }]}>
      <h1 class="heading-l">{countyName ? t('workProcess.overview.heading', { county: countyName }) : title}</h1>
      <p class="lead">{t('workProcess.overview.lead')}</p>
      <p class="body">{t('workProcess.overview.howCounted')}</p>
      {counties.length > 1 && (
        <form method="get" action="/work-process" class="filters">
          <Select name="county" label={t('workProcess.overview.county')} value={countyCode} options={counties.map((c) => ({ value: c.code, label: c.name }))} />
          <Button variant="secondary">{t('workProcess.overview.show')}</Button>
        </form>
      )}
      {own.length > 0 && (
        <>
          <h2 class="heading-m">{t('workProcess.overview.ownHeading')}</h2>
          <ul class="list--compact">
            {own.map((r) => (
              <li>
                <a href={pairHref(r)}>{pairName(r)}</a>
              </li>
            ))}
          </ul>
        </>
      )}
      {!countyCode ? (
        <p class="body">{t('workProcess.overview.noCounty')}</p>
      ) : (
        <div class="table-wrap">
          <table class="table">
            <caption class="table__caption">{t('workProcess.overview.caption', { count: rows.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('workProcess.fields.municipality')}</th>
                <th scope="col">{t('workProcess.fields.policeArea')}</th>
                {STEPS.map((s) => (
                  <th scope="col">{t('workProcess.stepHeading', { number: s.number, name: t(`workProcess.steps.${s.key}.name`) })}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.length === 0 ? (
                <tr>
                  <td colSpan={2 + STEPS.length}>{t('workProcess.overview.empty')}</td>
                </tr>
              ) : (
                rows.map((r) => (
                  <tr>
                    <th scope="row">
                      <a href={pairHref(r)}>{r.municipalityName}</a>
                    </th>
                    <td>{r.policeAreaName}</td>
                    {r.steps.map((s) => (
                      <td>
                        <a href={`${pairHref(r)}#step-${s.number}`}>
                          <StepTag state={s.state} done={s.done} total={s.total} />
                          <span class="visually-hidden"> {t('workProcess.overview.cellContext', { pair: pairName(r), number: s.number })}</span>
                        </a>
                      </td>
                    ))}
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  )
}
