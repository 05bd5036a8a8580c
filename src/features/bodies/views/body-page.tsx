import { StatusTag, SummaryList } from '../../../platform/views/data-display.tsx'
import { formatIsoDate } from '../../../platform/i18n/format.ts'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import type { CollaborationRow } from '../../collaborations/index.ts'
import { Paragraphs } from '../../../platform/views/text-blocks.tsx'
import { collaborationsCrumbs } from '../../collaborations/index.ts'
import type { Body } from '../bodies.repo.ts'
import type { ConvenorRow } from '../convenors.repo.ts'
import { ConvenorHistory, useSpan } from './convenor-history.tsx'
import { ConfirmForm } from '../../../platform/views/text-blocks.tsx'

interface Props {
  body: Body
  collaboration: CollaborationRow
  parent?: Body
  children: Body[]
  convenors: ConvenorRow[]
  canManage: boolean
}

export const activePeriod = (from: string | null, to: string | null) =>
  from || to ? `${from ? formatIsoDate(from) : '…'} – ${to ? formatIsoDate(to) : '…'}` : '–'

/** A body: its mandate, where it reports, who reports to it, and the way to its members. */
export function BodyPage({ body: b, collaboration: c, parent, children, convenors, canManage }: Props) {
  const { t } = usePage()
  const span = useSpan()
  return (
    <Layout title={b.name} breadcrumbs={[...collaborationsCrumbs(t), { href: `/collaborations/${c.id}`, label: c.shortName }, { label: b.name }]}>
      <h1 class="heading-l">
        {b.name}
        {b.isExample && (
          <>
            {' '}
            <StatusTag status="yellow" label={t('bodies.example')} />
          </>
        )}
      </h1>
      <SummaryList
        rows={[
          { key: t('bodies.fields.kind'), value: t(`bodies.kinds.${b.kind}`) },
          { key: t('bodies.fields.theme'), value: b.theme ?? '–' },
          { key: t('bodies.fields.parent'), value: parent ? <a href={`/bodies/${parent.id}`}>{parent.name}</a> : '–' },
          { key: t('bodies.fields.active'), value: activePeriod(b.activeFrom, b.activeTo) },
          { key: t('bodies.fields.visibility'), value: t(`collaborations.visibility.${b.visibility}`) },
          { key: t('bodies.fields.collaboration'), value: <a href={`/collaborations/${c.id}`}>{c.name}</a> },
        ]}
      />
      {canManage && (
        <div class="button-group">
          <a class="button button--secondary" href={`/bodies/${b.id}/edit`}>
            {t('bodies.edit.link')}
          </a>
        </div>
      )}
      <h2 class="heading-m">{t('bodies.fields.mandate')}</h2>
      {b.mandate ? <Paragraphs text={b.mandate} /> : <p class="body">{t('bodies.noMandate')}</p>}

      <section id="convenors" aria-labelledby="convenors-heading">
        <h2 class="heading-m" id="convenors-heading">
          {t('bodies.convenors.title')}
        </h2>
        <ConvenorHistory activeFrom={b.activeFrom} convenors={convenors} />
        {canManage && (
          <>
            {convenors.length > 0 && (
              <ul class="body">
                {convenors.map((cv) => (
                  <li>
                    <a href={`/bodies/${b.id}/convenors/${cv.id}/edit`}>
                      {t('bodies.convenors.editLink')}
                      <span class="visually-hidden">
                        {' '}
                        {cv.organisationName} {span(cv.validFrom, cv.validTo)}
                      </span>
                    </a>{' '}
                    <ConfirmForm
                      action={`/bodies/${b.id}/convenors/${cv.id}/delete`}
                      confirm={t('bodies.convenors.removeConfirm', { name: cv.organisationName })}
                    >
                      <button type="submit" class="button button--warning">
                        {t('bodies.convenors.remove')}
                        <span class="visually-hidden">
                          {' '}
                          {cv.organisationName} {span(cv.validFrom, cv.validTo)}
                        </span>
                      </button>
                    </ConfirmForm>
                  </li>
                ))}
              </ul>
            )}
            <div class="button-group">
              <a class="button button--secondary" href={`/bodies/${b.id}/convenors/new`}>
                {t('bodies.convenors.add')}
              </a>
            </div>
          </>
        )}
      </section>

      <h2 class="heading-m">{t('bodies.children')}</h2>
      {children.length ? (
        <ul class="body">
          {children.map((ch) => (
            <li>
              <a href={`/bodies/${ch.id}`}>{ch.name}</a> ({t(`bodies.kinds.${ch.kind}`)})
            </li>
          ))}
        </ul>
      ) : (
        <p class="body">{t('bodies.noChildren')}</p>
      )}

      <section id="seats" aria-labelledby="seats-heading">
        <h2 class="heading-m" id="seats-heading">
          {t('bodies.seats.title')}
        </h2>
        <p class="body">
          <a href={`/bodies/${b.id}/seats`}>{t('bodies.seats.link')}</a>
        </p>
      </section>

      <section id="meetings" aria-labelledby="meetings-heading">
        <h2 class="heading-m" id="meetings-heading">
          {t('bodies.meetings.title')}
        </h2>
        <p class="body">
          <a href={`/bodies/${b.id}/meetings`}>{t('bodies.meetings.link')}</a>
        </p>
      </section>
    </Layout>
  )
}
