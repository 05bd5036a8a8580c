import { eq } from 'drizzle-orm'
import type { FastifyReply } from 'fastify'
import type { Db } from '../db/types.ts'
import { files } from './files.tables.ts'
import type { CheckedFile } from './uploads.ts'

export type StoredFile = typeof files.$inferSelect
export type FileInfo = Omit<StoredFile, 'data'>

export async function insertFile(db: Db, file: CheckedFile, owner: { organisationId: string; uploadedBy?: string }): Promise<FileInfo> {
  const [row] = await db
    .insert(files)
    .values({ ...file, organisationId: owner.organisationId, uploadedBy: owner.uploadedBy })
    .returning({
      id: files.id,
      organisationId: files.organisationId,
      filename: files.filename,
      contentType: files.contentType,
      size: files.size,
      sha256: files.sha256,
      uploadedBy: files.uploadedBy,
      createdAt: files.createdAt,
    })
  return row
}

export async function findFile(db: Db, id: string): Promise<StoredFile | undefined> {
  const [row] = await db.select().from(files).where(eq(files.id, id))
  return row
}

/** Sends a stored file as a download; the stored (sniffed) type, never the name, decides the content type. */
export function sendStoredFile(reply: FastifyReply, file: StoredFile) {
  const ascii = file.filename.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '')
  return reply
    .type(file.contentType)
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(file.data)
}
