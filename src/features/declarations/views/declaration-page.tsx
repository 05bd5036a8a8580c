import { formatDate, formatIsoDate } from '../../../platform/i18n/format.ts'
import { DataTable, SummaryList } from '../../../platform/views/data-display.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import type { CollaborationInfo, VersionRow } from '../declarations.repo.ts'
import { FileLabel, TextBlocks, collaborationCrumbs } from './parts.tsx'

export interface DeclarationPageProps {
  collaboration: CollaborationInfo
  versions: VersionRow[]
  /** The version shown: the newest unless the reader picked an older one. */
  shown?: VersionRow
  locked: boolean
  canManage: boolean
}

/** The programme declaration: the version's text and PDF, whether it can still change, the history. */
export function DeclarationPage({ collaboration: c, versions, shown, locked, canManage }: DeclarationPageProps) {
  const { t, locale } = usePage()
  const title = t('declarations.declaration.title')
  const base = `/collaborations/${c.id}/declaration`
  const isNewest = shown && shown.id === versions[0]?.id
  return (
    <Layout title={`${title} – ${c.name}`} breadcrumbs={collaborationCrumbs(t, c, { label: title })}>
      <p class="body-s">{c.name}</p>
      <h1 class="heading-l">{title}</h1>
      <p class="body">
        <a href={`/collaborations/${c.id}/signatures`}>{t('declarations.declaration.boardLink')}</a>
      </p>
      <p class="body">
        <a href={`/collaborations/${c.id}/joint-events`}>{t('declarations.declaration.jointEventsLink')}</a>
      </p>
      {!shown && <p class="body">{t('declarations.declaration.none')}</p>}
      {canManage && (
        <div class="button-group">
          <a class="button" href={`${base}/versions/new`}>
            {t('declarations.declaration.newVersion')}
          </a>
          {isNewest && !locked && (
            <a class="button button--secondary" href={`/declaration-versions/${shown.id}/edit`}>
              {t('declarations.declaration.editVersion')}
            </a>
          )}
        </div>
      )}
      {shown && (
        <>
          <h2 class="heading-m">{shown.title}</h2>
          {!isNewest && <p class="warning-text">{t('declarations.declaration.olderVersion', { no: shown.versionNo })}</p>}
          <SummaryList
            rows={[
              { key: t('declarations.fields.versionNo'), value: String(shown.versionNo) },
              { key: t('declarations.fields.adoptedOn'), value: shown.adoptedOn ? formatIsoDate(shown.adoptedOn) : t('declarations.declaration.notAdopted') },
              {
                key: t('declarations.fields.file'),
                value:
                  shown.fileId && shown.fileName ? (
                    <a href={`/files/${shown.fileId}`} download>
                      <FileLabel name={shown.fileName} size={shown.fileSize} contentType="application/pdf" />
                    </a>
                  ) : (
                    t('declarations.declaration.noFile')
                  ),
              },
              ...(isNewest
                ? [{ key: t('declarations.fields.editable'), value: locked ? t('declarations.declaration.locked') : t('declarations.declaration.open') }]
                : []),
            ]}
          />
          {shown.bodyText ? (
            <div class="inset">
              <TextBlocks text={shown.bodyText} />
            </div>
          ) : (
            <p class="body">{t('declarations.declaration.onlyFile')}</p>
          )}
        </>
      )}
      {versions.length > 0 && (
        <>
          <h2 class="heading-m">{t('declarations.declaration.history')}</h2>
          <DataTable
            caption={t('declarations.declaration.historyCaption', { count: versions.length })}
            columns={[
              { key: 'versionNo', label: t('declarations.fields.versionNo'), numeric: true, render: (v: VersionRow) => String(v.versionNo) },
              {
                key: 'title',
                label: t('declarations.fields.title'),
                render: (v: VersionRow) =>
                  v.id === shown?.id ? <span aria-current="page">{v.title}</span> : <a href={`${base}?version=${v.versionNo}`}>{v.title}</a>,
              },
              { key: 'adoptedOn', label: t('declarations.fields.adoptedOn'), render: (v: VersionRow) => (v.adoptedOn ? formatIsoDate(v.adoptedOn) : '–') },
              { key: 'createdAt', label: t('declarations.fields.createdAt'), render: (v: VersionRow) => formatDate(v.createdAt, locale) },
            ]}
            rows={versions}
          />
        </>
      )}
    </Layout>
  )
}
