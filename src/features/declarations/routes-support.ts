/** Small helpers the HTML routes of this feature share: multipart bodies and domain errors as field errors. */
import { ALLOWED_DOCUMENTS, type UploadedFile, checkUpload, isUploadedFile } from '../../platform/files/uploads.ts'
import type { Translate } from '../../platform/i18n/i18n.ts'

export const PDF_ONLY = { pdf: ALLOWED_DOCUMENTS.pdf }

/** A multipart body: the text fields (for parseForm and re-rendering) and the file, if one was chosen. */
export function splitUpload(body: unknown, fileField = 'file'): { fields: Record<string, string | string[]>; file?: UploadedFile } {
  const fields: Record<string, string | string[]> = {}
  let file: UploadedFile | undefined
  for (const [k, v] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    if (k === fileField) {
      if (isUploadedFile(v)) file = v
    } else if (Array.isArray(v)) fields[k] = v.filter((x) => typeof x === 'string')
    else if (typeof v === 'string') fields[k] = v
  }
  return { fields, file }
}

/** The file judged by its bytes; an error on the `file` field when it is refused (or missing but required). */
export async function checkFileField(file: UploadedFile | undefined, t: Translate, opts: { required?: boolean; allowed?: Record<string, string> } = {}) {
  if (!file) return opts.required ? { errors: [{ field: 'file', message: t('platform.files.required') }] } : { errors: [] }
  const checked = await checkUpload(file, opts.allowed)
  return checked.ok ? { file: checked.file, errors: [] } : { errors: [{ field: 'file', message: t(checked.errorKey) }] }
}

/** A workflow's hidden `step` field has no input of its own: its rule violations stand alone in the summary. */
export const STEP = { standalone: ['step'] } as const
