import { createHash } from 'node:crypto'
import multipart from '@fastify/multipart'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { fileTypeFromBuffer } from 'file-type'

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024

/** What a multipart form field holding a file becomes in `req.body`. */
export interface UploadedFile {
  filename: string
  data: Buffer
  /** The file was larger than the limit; `data` holds only its beginning. */
  truncated: boolean
}

export const ALLOWED_DOCUMENTS = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const

export type CheckedFile = { filename: string; data: Buffer; contentType: string; size: number; sha256: string }

/**
 * Multipart forms (file uploads) arrive as plain key/values like any other form, with each file as
 * an UploadedFile, so parseForm, CSRF and the error summary work the same way. Oversized files are
 * marked, not thrown, so the form can re-render with a clear message on the file field.
 */
export const uploads = fp(
  async (app: FastifyInstance) => {
    await app.register(multipart, {
      attachFieldsToBody: 'keyValues',
      throwFileSizeLimit: false,
      limits: { fileSize: MAX_UPLOAD_BYTES, files: 5, fields: 200, fieldSize: 1024 * 1024 },
      async onFile(part: any) {
        const data = await part.toBuffer()
        part.value = part.filename ? ({ filename: part.filename, data, truncated: !!part.file.truncated } satisfies UploadedFile) : undefined
      },
    } as any)
  },
  { name: 'tillsammans-uploads' },
)

export const isUploadedFile = (v: unknown): v is UploadedFile =>
  !!v && typeof v === 'object' && 'data' in v && Buffer.isBuffer((v as UploadedFile).data) && 'filename' in v

/**
 * Checks an upload against the limit and the allowed types, judging the type by the bytes (a .pdf
 * name on an executable is refused). Returns an i18n key on refusal.
 */
export async function checkUpload(
  file: UploadedFile,
  allowed: Record<string, string> = ALLOWED_DOCUMENTS,
): Promise<{ ok: true; file: CheckedFile } | { ok: false; errorKey: string }> {
  if (file.truncated || file.data.length > MAX_UPLOAD_BYTES) return { ok: false, errorKey: 'platform.files.tooLarge' }
  if (file.data.length === 0) return { ok: false, errorKey: 'platform.files.empty' }
  const sniffed = await fileTypeFromBuffer(file.data)
  const contentType = sniffed && Object.entries(allowed).find(([ext, mime]) => sniffed.ext === ext || sniffed.mime === mime)?.[1]
  if (!contentType) return { ok: false, errorKey: 'platform.files.wrongType' }
  const filename = file.filename.replace(/[\\/\u0000-\u001f]/g, '_').slice(0, 200)
  return {
    ok: true,
    file: { filename, data: file.data, contentType, size: file.data.length, sha256: createHash('sha256').update(file.data).digest('hex') },
  }
}
