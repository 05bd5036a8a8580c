import { Button, Select } from '../../../platform/views/form-controls.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import type { MethodRow } from '../methods.repo.ts'
import type { MethodFilters } from '../methods.schemas.ts'
import { CAUSE_SIDES, EFFECT_LEVELS } from '../methods.tables.ts'
import { EffectTag, MethodStatusTag, libraryCrumbs, sidesText } from './parts.tsx'

interface Props {
  methods: MethodRow[]
  problemTypes: string[]
  filters: MethodFilters
  total: number
  canPropose: boolean
  curator: boolean
}

/** The library: every method the viewer may see, with what it addresses, its effect and its use; filters as a GET form. */
export function ListPage({ methods, problemTypes, filters, total, canPropose, curator }: Props) {
  const { t } = usePage()
  const title = t('methods.list.title')
  const crumbs = libraryCrumbs(t)
  const filtered = !!(filters.problemType || filters.side || filters.effect)
  return (
    <Layout title={title} breadcrumbs={[...crumbs.slice(0, -1), { label: title }]}>
      <h1 class="heading-l">{title}</h1>
      <p class="lead">{t('methods.list.intro')}</p>
      {canPropose && (
        <p class="body">
          <a class="button button--secondary" href="/methods/new">
            {t(curator ? 'methods.list.add' : 'methods.list.propose')}
          </a>
        </p>
      )}
      <form method="get" action="/methods" class="filters" novalidate>
        <h2 class="heading-s">{t('methods.list.filters')}</h2>
        <Select
          name="problemType"
          label={t('methods.list.problemType')}
          value={filters.problemType}
          placeholder={t('methods.list.any')}
          options={problemTypes.map((p) => ({ value: p, label: p }))}
        />
        <Select
          name="side"
          label={t('methods.list.side')}
          value={filters.side}
          placeholder={t('methods.list.any')}
          options={CAUSE_SIDES.map((s) => ({ value: s, label: t(`methods.side.${s}`) }))}
        />
        <Select
          name="effect"
          label={t('methods.list.effect')}
          value={filters.effect}
          placeholder={t('methods.list.any')}
          options={EFFECT_LEVELS.map((e) => ({ value: e, label: t(`methods.effect.${e}`) }))}
        />
        <Button variant="secondary">{t('methods.list.show')}</Button>
        {filtered && (
          <p class="body">
            <a href="/methods">{t('methods.list.clear')}</a>
          </p>
        )}
      </form>
      <p class="body" role="status">
        {t('methods.list.count', { shown: methods.length, total })}
      </p>
      {methods.length === 0 && <p class="body">{t('methods.list.none')}</p>}
      <ul class="list method-list">
        {methods.map((m) => (
          <li class="method-list__item">
            <h2 class="heading-m">
              <a href={`/methods/${m.id}`}>{m.name}</a> <MethodStatusTag status={m.status} />
            </h2>
            <p class="body">{m.summary}</p>
            <dl class="summary-list">
              <div class="summary-list__row">
                <dt class="summary-list__key">{t('methods.list.addresses')}</dt>
                <dd class="summary-list__value">
                  {[m.problemTypes.join(', '), m.causeSides.length ? `${t('methods.list.side')}: ${sidesText(t, m.causeSides)}` : '']
                    .filter(Boolean)
                    .join(' · ') || '–'}
                </dd>
              </div>
              <div class="summary-list__row">
                <dt class="summary-list__key">{t('methods.list.effect')}</dt>
                <dd class="summary-list__value">
                  <EffectTag level={m.effectLevel} />
                </dd>
              </div>
            </dl>
            <p class="body">
              {t('methods.list.municipalities', { count: m.contactCount })} · {t('methods.list.measures', { count: m.measureCount })}
            </p>
          </li>
        ))}
      </ul>
    </Layout>
  )
}
