import { Button, Checkboxes, DateField, FileField, Form, TextArea, TextField } from '../../../platform/views/form-controls.tsx'
import { type FieldError, errorFor } from '../../../platform/views/error-summary.tsx'
import { Layout } from '../../../platform/views/layout.tsx'
import { usePage } from '../../../platform/views/page-context.ts'
import type { CollaborationInfo, VersionRow } from '../declarations.repo.ts'
import { FileLabel, collaborationCrumbs } from './parts.tsx'

export interface VersionFormProps {
  collaboration: CollaborationInfo
  /** Editing this version; absent for a new one. */
  version?: VersionRow
  values?: Record<string, string | string[]>
  errors?: FieldError[]
}

/** New version, or changes to the newest one while nobody has decided on it. The PDF is optional. */
export function VersionFormPage({ collaboration: c, version, values, errors }: VersionFormProps) {
  const { t } = usePage()
  const title = version ? t('declarations.versionForm.editTitle', { no: version.versionNo }) : t('declarations.versionForm.newTitle')
  const v = (name: string, fallback?: string | null) => (values ? String(values[name] ?? '') : (fallback ?? ''))
  const action = version ? `/declaration-versions/${version.id}` : `/collaborations/${c.id}/declaration/versions`
  return (
    <Layout
      title={title}
      errors={errors}
      breadcrumbs={collaborationCrumbs(t, c, { href: `/collaborations/${c.id}/declaration`, label: t('declarations.declaration.title') }, { label: title })}
    >
      <p class="body-s">{c.name}</p>
      <h1 class="heading-l">{title}</h1>
      <p class="body">{version ? t('declarations.versionForm.editIntro') : t('declarations.versionForm.newIntro')}</p>
      <Form action={action} multipart>
        {version && <input type="hidden" name="version" value={v('version', String(version.version))} />}
        <TextField name="title" label={t('declarations.fields.title')} value={v('title', version?.title)} error={errorFor(errors, 'title')} />
        <TextArea
          name="bodyText"
          label={t('declarations.fields.bodyText')}
          hint={t('declarations.versionForm.bodyTextHint')}
          rows={16}
          value={v('bodyText', version?.bodyText)}
          error={errorFor(errors, 'bodyText')}
        />
        {version?.fileId && version.fileName && (
          <>
            <p class="body">
              {t('declarations.versionForm.currentFile')}{' '}
              <a href={`/files/${version.fileId}`}>
                <FileLabel name={version.fileName} size={version.fileSize} contentType="application/pdf" />
              </a>
            </p>
            <Checkboxes
              name="removeFile"
              label={t('declarations.versionForm.removeFileLegend')}
              values={values ? ([] as string[]).concat(values.removeFile ?? []) : []}
              options={[{ value: 'yes', label: t('declarations.versionForm.removeFile') }]}
            />
          </>
        )}
        <FileField
          name="file"
          label={version?.fileId ? t('declarations.versionForm.replaceFile') : t('declarations.fields.file')}
          hint={t('declarations.versionForm.fileHint')}
          accept=".pdf,application/pdf"
          error={errorFor(errors, 'file')}
        />
        <DateField
          name="adoptedOn"
          label={t('declarations.fields.adoptedOn')}
          value={v('adoptedOn', version?.adoptedOn)}
          error={errorFor(errors, 'adoptedOn')}
        />
        <Button>{version ? t('declarations.versionForm.saveEdit') : t('declarations.versionForm.saveNew')}</Button>
      </Form>
    </Layout>
  )
}
