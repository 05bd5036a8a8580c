import type { FieldError } from '../../../platform/views/error-summary.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import type { MeasureMethodsData } from '../measure-methods.service.ts'
import { MeasureMethodsSection } from './measure-methods.tsx'
import type { Values } from './parts.tsx'

/** The methods of one measure on a page of their own: where the link form lands again with its errors. */
export function MeasureMethodsPage({ d, values, errors }: { d: MeasureMethodsData; values?: Values; errors?: FieldError[] }) {
  const { t } = usePage()
  const title = t('methods.measure.pageTitle', { title: d.item.title })
  return (
    <Layout
      title={title}
      errors={errors}
      breadcrumbs={[
        { href: '/', label: t('platform.nav.home') },
        { href: `/plans/${d.plan.id}`, label: d.plan.title },
        { href: `/plan-items/${d.item.id}`, label: d.item.title },
        { label: t('methods.measure.title') },
      ]}
    >
      <span class="caption">{d.ownerName}</span>
      <h1 class="heading-l">{title}</h1>
      <MeasureMethodsSection d={d} values={values} errors={errors} />
      <p class="body">
        <a href={`/plan-items/${d.item.id}`}>{t('methods.measure.back', { title: d.item.title })}</a>
      </p>
    </Layout>
  )
}
