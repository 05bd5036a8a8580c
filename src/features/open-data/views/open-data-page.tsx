import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import type { Dataset } from '../datasets.ts'
import { LICENCE_URL, csvPath, jsonPath } from '../formats.ts'

/** The open data (issue 10 §7): each dataset with its description, licence, formats and links. */
export function OpenDataPage({ datasets }: { datasets: readonly Dataset[] }) {
  const { t } = usePage()
  const title = t('openData.title')
  return (
    <Layout title={title} breadcrumbs={[{ href: '/', label: t('platform.nav.home') }, { label: title }]}>
      <h1 class="heading-l">{title}</h1>
      <p class="lead">{t('openData.lead')}</p>
      <h2 class="heading-m">{t('openData.licenceHeading')}</h2>
      <p class="body">
        {t('openData.licence')} <a href={LICENCE_URL}>{t('openData.licenceLink')}</a>
      </p>
      <h2 class="heading-m">{t('openData.formatsHeading')}</h2>
      <p class="body">{t('openData.formats')}</p>
      <ul class="list">
        <li>
          <a href="/open-data/README.txt" type="text/plain">
            {t('openData.readmeLink')}
          </a>
        </li>
        <li>
          <a href="/open-data/catalog.rdf" type="application/rdf+xml">
            {t('openData.catalogLink')}
          </a>
        </li>
        <li>
          <a href="/api/v1/openapi.json" type="application/json">
            {t('openData.apiLink')}
          </a>
        </li>
      </ul>
      <h2 class="heading-m">{t('openData.datasetsHeading')}</h2>
      {datasets.map((d) => (
        <section aria-labelledby={`dataset-${d.key}`}>
          <h3 class="heading-s" id={`dataset-${d.key}`}>
            {t(`openData.datasets.${d.key}.title`)}
          </h3>
          <p class="body">{t(`openData.datasets.${d.key}.description`)}</p>
          <ul class="list" aria-label={t('openData.formatsLabel')}>
            <li>
              <a href={csvPath(d)} type="text/csv">
                {t('openData.csv')}
              </a>
            </li>
            <li>
              <a href={jsonPath(d)} type="application/json">
                {t('openData.json')}
              </a>
            </li>
            <li>
              <a href={d.landingPath}>{t('openData.landing')}</a>
            </li>
          </ul>
        </section>
      ))}
      <p class="body">{t('openData.notIncluded')}</p>
    </Layout>
  )
}
