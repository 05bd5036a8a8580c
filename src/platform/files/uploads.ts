import { createHash } from 'node:crypto'
import multipart from '@fastify/multipart'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { CsrfError, DomainError } from '../http/errors.ts'
import { sniffZip } from './zip-sniff.ts'

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024
/** Forms and JSON without files: generous for the longest text (a 200 000-character declaration), small for an attacker. */
export const SMALL_BODY_LIMIT = 1024 * 1024

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

/** Every type the sniffer can name, by extension (a route allows a subset). */
export const KNOWN_TYPES: Record<string, string> = {
  ...ALLOWED_DOCUMENTS,
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
}

export type CheckedFile = { filename: string; data: Buffer; contentType: string; size: number; sha256: string }

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

/**
 * Multipart forms (file uploads) arrive as plain key/values like any other form, with each file as
 * an UploadedFile, so parseForm, CSRF and the error summary work the same way. Only routes declared
 * with `config: { uploads: true }` take them (the platform refuses multipart elsewhere before the
 * body is read). The CSRF token must be the form's first field (the Form component puts it there)
 * and is checked before any file is read. Oversized files are marked, not thrown, so the form can
 * re-render with a clear message on the file field.
 */
export const uploads = fp(
  async (app: FastifyInstance) => {
    const limits = { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 50, fieldSize: SMALL_BODY_LIMIT, parts: 51 }
    await app.register(multipart, { throwFileSizeLimit: false, limits } as any)
    app.addHook('preValidation', async (req) => {
      if (!req.isMultipart()) return
      const checksCsrf = req.routeOptions.config?.csrf !== false && req.actor?.via !== 'token'
      const body: Record<string, unknown> = {}
      let first = true
      const fileSize = req.routeOptions.config?.uploadLimit ?? MAX_UPLOAD_BYTES
      for await (const part of req.parts({ throwFileSizeLimit: false, limits: { ...limits, fileSize } } as any)) {
        if (first && checksCsrf && !(part.type === 'field' && part.fieldname === '_csrf' && part.value === req.csrfToken)) throw new CsrfError()
        first = false
        if (FORBIDDEN_KEYS.has(part.fieldname)) throw new DomainError('bad_field', 'platform.errors.badRequest', 400)
        const value = part.type === 'file' ? await fileValue(part) : typeof part.value === 'string' ? part.value : undefined
        if (value === undefined) continue
        const prev = body[part.fieldname]
        body[part.fieldname] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value]
      }
      req.body = body
    })
  },
  { name: 'tillsammans-uploads' },
)

async function fileValue(part: any): Promise<UploadedFile | undefined> {
  const data: Buffer = await part.toBuffer()
  return part.filename ? { filename: part.filename, data, truncated: !!part.file.truncated } : undefined
}

/**
 * Refuses a multipart body on a route that takes no files, before any of it is read: without this
 * every form would accept 20 MB.
 */
export const bodyKindCheck = (acceptsUploads: boolean) => async (req: FastifyRequest) => {
  if (acceptsUploads) return
  if (/^multipart\//i.test(String(req.headers['content-type'] ?? ''))) throw new DomainError('unsupported_media_type', 'platform.errors.badRequest', 415)
}

export const isUploadedFile = (v: unknown): v is UploadedFile =>
  !!v && typeof v === 'object' && 'data' in v && Buffer.isBuffer((v as UploadedFile).data) && 'filename' in v

/** What the bytes are: an extension from KNOWN_TYPES (or another file-type name), a zip bomb, or nothing known. */
export async function sniff(data: Buffer): Promise<{ ext?: string; bomb?: true }> {
  if (data.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    const verdict = await sniffZip(data)
    return verdict.kind === 'ooxml' ? { ext: verdict.ext } : verdict.kind === 'bomb' ? { bomb: true } : {}
  }
  // Compressed streams are not documents we take, and the generic sniffer would unpack them.
  if (data[0] === 0x1f && data[1] === 0x8b) return {}
  // Loaded on first use, not at start (cold start, issue 2).
  const { fileTypeFromBuffer } = await import('file-type')
  return { ext: (await fileTypeFromBuffer(data))?.ext }
}

/**
 * Checks an upload against the limit and the allowed types, judging the type by the bytes (a .pdf
 * name on an executable is refused, a zip bomb is refused without being unpacked). The stored name
 * gets the extension of the real type. Returns an i18n key on refusal.
 */
export async function checkUpload(
  file: UploadedFile,
  allowed: Record<string, string> = ALLOWED_DOCUMENTS,
): Promise<{ ok: true; file: CheckedFile } | { ok: false; errorKey: string }> {
  if (file.truncated || file.data.length > MAX_UPLOAD_BYTES) return { ok: false, errorKey: 'platform.files.tooLarge' }
  if (file.data.length === 0) return { ok: false, errorKey: 'platform.files.empty' }
  const sniffed = await sniff(file.data)
  if (sniffed.bomb) return { ok: false, errorKey: 'platform.files.zipBomb' }
  const ext = sniffed.ext && sniffed.ext in allowed ? sniffed.ext : undefined
  if (!ext) return { ok: false, errorKey: 'platform.files.wrongType' }
  const filename = withExtension(file.filename, ext)
  return {
    ok: true,
    file: { filename, data: file.data, contentType: allowed[ext], size: file.data.length, sha256: createHash('sha256').update(file.data).digest('hex') },
  }
}

/** A safe stored name ending in the real type's extension: "beslut.pdf" holding a DOCX becomes "beslut.docx". */
export function withExtension(name: string, ext: string): string {
  const clean = name
    .replace(/[\\/\u0000-\u001f\u007f-\u009f]/g, '_')
    .trim()
    .slice(0, 200)
  const base = clean.replace(/\.[A-Za-z0-9]{1,5}$/, '').replace(/[. ]+$/, '') || 'dokument'
  return `${base}.${ext}`
}
