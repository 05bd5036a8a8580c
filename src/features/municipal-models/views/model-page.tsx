import { StatusTag, SummaryList } from '../../../platform/views/data-display.tsx'
import { formatIsoDate } from '../../../platform/i18n/format.ts'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import { ConfirmForm, Paragraphs } from '../../../platform/views/text-blocks.tsx'
import type { Organisation } from '../../organisations/index.ts'
import type { MunicipalBody, MunicipalModel } from '../municipal-models.repo.ts'
import { MunicipalSketch } from './sketch.tsx'

export const modelCrumbs = (t: (k: string, p?: Record<string, string>) => string, o: Organisation) => [
  { href: '/', label: t('platform.nav.home') },
  { href: '/organisations', label: t('organisations.title') },
  { href: `/organisations/${o.id}/structure`, label: t('municipalModels.crumb', { name: o.name }) },
]

interface Props {
  organisation: Organisation
  model?: MunicipalModel
  bodies: MunicipalBody[]
  canEdit: boolean
}

/** A municipality's own lednings- och samordningsmodell, as everyone signed in reads it. */
export function ModelPage({ organisation: o, model, bodies, canEdit }: Props) {
  const { t } = usePage()
  const title = t('municipalModels.title', { name: o.name })
  const base = `/organisations/${o.id}/structure`
  const hasFunction = !!(model?.coordinationRole || model?.coordinationPerson)
  const names = new Map(bodies.map((b) => [b.id, b.name]))
  return (
    <Layout title={title} breadcrumbs={[...modelCrumbs(t, o).slice(0, 2), { label: title }]}>
      <h1 class="heading-l">
        {title}
        {model?.isExample && (
          <>
            {' '}
            <StatusTag status="yellow" label={t('bodies.example')} />
          </>
        )}
      </h1>
      <p class="body">{t('municipalModels.intro')}</p>
      {!canEdit && <p class="body-s">{t('municipalModels.readOnly', { name: o.name })}</p>}

      <h2 class="heading-m">{t('municipalModels.function.title')}</h2>
      {hasFunction ? (
        <SummaryList
          rows={[
            { key: t('municipalModels.function.role'), value: model?.coordinationRole || '–' },
            { key: t('municipalModels.function.person'), value: model?.coordinationPerson || '–' },
            { key: t('municipalModels.function.since'), value: model?.coordinationSince ? formatIsoDate(model.coordinationSince) : '–' },
          ]}
        />
      ) : (
        <p class="warning-text" id="function-missing">
          {t('municipalModels.function.missingTitle')} {t('municipalModels.function.missing')}
        </p>
      )}

      <h2 class="heading-m">{t('municipalModels.description')}</h2>
      {model?.description ? <Paragraphs text={model.description} /> : <p class="body">{t('municipalModels.noDescription')}</p>}
      {canEdit && (
        <div class="button-group">
          <a class="button button--secondary" href={`${base}/edit`}>
            {t('municipalModels.edit.link')}
          </a>
        </div>
      )}

      <h2 class="heading-m">{t('municipalModels.bodies.title')}</h2>
      {bodies.length === 0 && <p class="body">{t('municipalModels.bodies.empty')}</p>}
      {bodies.map((b) => (
        <section id={`body-${b.id}`} aria-labelledby={`body-${b.id}-heading`} class="municipal-body">
          <h3 class="heading-s" id={`body-${b.id}-heading`}>
            {b.name}
          </h3>
          <SummaryList
            rows={[
              { key: t('municipalModels.fields.kind'), value: t(`municipalModels.kinds.${b.kind}`) },
              { key: t('municipalModels.fields.chair'), value: b.chair || '–' },
              { key: t('municipalModels.fields.members'), value: b.members || '–' },
              { key: t('municipalModels.fields.meetingRhythm'), value: b.meetingRhythm || '–' },
              { key: t('municipalModels.fields.parent'), value: (b.parentId && names.get(b.parentId)) || '–' },
            ]}
          />
          {b.purpose ? <Paragraphs text={b.purpose} /> : null}
          {canEdit && (
            <div class="button-group">
              <a class="button button--secondary" href={`${base}/bodies/${b.id}/edit`}>
                {t('municipalModels.bodies.editLink')}
                <span class="visually-hidden"> {b.name}</span>
              </a>
              <ConfirmForm action={`${base}/bodies/${b.id}/delete`} confirm={t('municipalModels.bodies.removeConfirm', { name: b.name })}>
                <button type="submit" class="button button--warning">
                  {t('municipalModels.bodies.remove')}
                  <span class="visually-hidden"> {b.name}</span>
                </button>
              </ConfirmForm>
            </div>
          )}
        </section>
      ))}
      {canEdit && (
        <div class="button-group">
          <a class="button" href={`${base}/bodies/new`}>
            {t('municipalModels.bodies.add')}
          </a>
        </div>
      )}

      {bodies.length > 0 && (model?.showSketch ?? true) && <MunicipalSketch name={o.name} bodies={bodies} />}
    </Layout>
  )
}
