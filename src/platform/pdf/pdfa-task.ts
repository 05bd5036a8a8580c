import { createHash } from 'node:crypto'
import { type AuditContext, audit } from '../audit/audit.ts'
import type { Deps } from '../deps.ts'
import { type StoredFile, findFile, insertFile } from '../files/files.repo.ts'
import type { Ctx } from '../http/ctx.ts'
import { DomainError, NotFoundError } from '../http/errors.ts'
import type { Jobs } from '../jobs/jobs.ts'
import { findDoneTask, findOpenTask, findTask } from '../jobs/tasks.repo.ts'
import { type TaskOutcome, type TaskSummary, defineTask, startTask } from '../jobs/tasks.ts'
import { PDFA_TIMEOUT_MS, PdfaUnavailable, docxToPdfa } from './pdfa.ts'
import { PDF_CONTENT_TYPE } from './pdf.ts'

/**
 * An adopted document's archival copy as PDF/A, made as a background task (LibreOffice takes seconds):
 * the user lands on the task's progress page, may leave it, and finds a download link there when it
 * is done. One task for every kind of document: a feature registers a source that gives the DOCX and
 * says where the finished file is fetched.
 *
 * The PDF is stored as a file of the document's organisation (in the database, like uploads, so a
 * backup holds it); the task's result names it. The feature's download route checks the reader
 * against the record again, exactly as for its other exports, before `pdfaFileOf` hands it out.
 */
export const PDFA_TASK = 'document.pdfa'

/** A draft has no archival copy (409); the message is the feature's own words for its document. */
export class PdfaNotAdopted extends DomainError {
  constructor(messageKey: string) {
    super('pdfa_not_adopted', messageKey, 409)
  }
}

/** This server has no LibreOffice (503): said plainly rather than a task that can only fail. */
export class PdfaUnavailableHere extends DomainError {
  constructor(messageKey: string) {
    super('pdfa_unavailable', messageKey, 503)
  }
}

/** What a feature's document gives the task, read as the task's creator may read it when the work starts. */
export interface PdfaDocument {
  docx: Buffer
  /** The download's name, without ".pdf". */
  name: string
  /** Whose file the PDF/A becomes (the document's owner). */
  organisationId: string
  /** Who the audit record names. */
  actor: NonNullable<AuditContext['actor']>
}

export interface PdfaSource {
  /** The audit's entity type and the prefix of its actions: `<entityType>.pdfa_requested`, `<entityType>.pdfa_created`. */
  entityType: string
  /** The document, or null when its creator may no longer read it or it is no longer adopted. */
  document(userId: string, subjectId: string): Promise<PdfaDocument | null>
  /** The feature's download route for a finished task. */
  downloadHref(subjectId: string, taskId: string): string
}

const sources = new WeakMap<Jobs, Map<string, PdfaSource>>()

const fail = (key: string): TaskOutcome => ({ ok: false, problems: [{ key }] })

/** A kind of document offered as PDF/A (features call this at registration; the first defines the task). */
export function registerPdfaSource(deps: Deps, name: string, source: PdfaSource): void {
  let byName = sources.get(deps.jobs)
  if (!byName) {
    byName = new Map()
    sources.set(deps.jobs, byName)
    // No steps to count: the page shows an indeterminate progress bar and the task's own text.
    defineTask(deps, PDFA_TASK, (run) => convert(deps, run.task))
  }
  if (byName.has(name)) throw new Error(`PDF/A source ${name} is already registered`)
  byName.set(name, source)
}

async function convert(deps: Deps, task: TaskSummary): Promise<TaskOutcome> {
  const source = sources.get(deps.jobs)?.get(String(task.params.source))
  if (!source || !task.subjectId) return fail('pdfa.problems.notAllowed')
  // Checked again now: the report may have been hidden, or the person lost their rights, since the click.
  const doc = await source.document(task.createdBy, task.subjectId)
  if (!doc) return fail('pdfa.problems.notAllowed')
  let pdf: Buffer
  try {
    pdf = await docxToPdfa(doc.docx, { libreOfficePath: deps.config.libreOfficePath })
  } catch (err) {
    if (err instanceof PdfaUnavailable) return fail('pdfa.problems.unavailable')
    throw err
  }
  const sha256 = createHash('sha256').update(pdf).digest('hex')
  const filename = `${doc.name} (PDF-A).pdf`
  const file = await deps.db.transaction(async (tx) => {
    const f = await insertFile(
      tx,
      { filename, data: pdf, contentType: PDF_CONTENT_TYPE, size: pdf.length, sha256 },
      { organisationId: doc.organisationId, uploadedBy: task.createdBy },
    )
    await audit(
      tx,
      { actor: doc.actor },
      {
        action: `${source.entityType}.pdfa_created`,
        entityType: source.entityType,
        entityId: task.subjectId,
        organisationId: doc.organisationId,
        after: { taskId: task.id, fileId: f.id, filename, size: f.size, sha256 },
      },
    )
    return f
  })
  return {
    ok: true,
    result: {
      messageKey: 'pdfa.done',
      params: { name: filename },
      href: source.downloadHref(task.subjectId, task.id),
      linkKey: 'pdfa.download',
      fileId: file.id,
      sha256,
    },
  }
}

/**
 * Starts the conversion of a document the caller has checked (the reader may read it, it is adopted,
 * LibreOffice is there), with the request's audit record in the task's transaction. A second click
 * while the first conversion runs joins it instead of starting another LibreOffice.
 */
/**
 * Where the archival copy already made of this document is fetched, if one is: an adopted document
 * never changes, so a second request gets the same file instead of another conversion (and another
 * stored copy).
 */
export async function readyPdfaHref(deps: Deps, where: { source: string; subjectId: string }): Promise<string | undefined> {
  const source = sources.get(deps.jobs)?.get(where.source)
  const task = source && (await findDoneTask(deps.db, { kind: PDFA_TASK, subjectId: where.subjectId, source: where.source }))
  const fileId = task?.result?.fileId
  if (!source || !task || typeof fileId !== 'string' || !(await findFile(deps.db, fileId))) return undefined
  return source.downloadHref(where.subjectId, task.id)
}

export async function startPdfaTask(
  deps: Deps,
  ctx: Ctx,
  values: { source: string; subjectId: string; title: string; organisationId: string; retryHref: string },
): Promise<TaskSummary> {
  const source = sources.get(deps.jobs)?.get(values.source)
  if (!source) throw new Error(`PDF/A source ${values.source} is not registered`)
  const since = new Date(Date.now() - 2 * PDFA_TIMEOUT_MS)
  const open = await findOpenTask(deps.db, { kind: PDFA_TASK, createdBy: ctx.actor.userId, subjectId: values.subjectId, since })
  if (open) return open
  return startTask(
    deps,
    {
      kind: PDFA_TASK,
      title: values.title.slice(0, 300),
      createdBy: ctx.actor.userId,
      organisationId: values.organisationId,
      subjectId: values.subjectId,
      params: { source: values.source, retryHref: values.retryHref, progressKey: 'pdfa.progress', retryKey: 'pdfa.retry' },
    },
    (tx, task) =>
      audit(tx, ctx, {
        action: `${source.entityType}.pdfa_requested`,
        entityType: source.entityType,
        entityId: values.subjectId,
        organisationId: values.organisationId,
        after: { taskId: task.id },
      }),
  )
}

/**
 * The finished PDF/A of this document's task. The caller has checked the reader may read the
 * document; the task must be this source's, about this document, and done. @throws NotFoundError
 */
export async function pdfaFileOf(deps: Deps, where: { source: string; subjectId: string; taskId: string }): Promise<StoredFile> {
  const task = await findTask(deps.db, where.taskId)
  if (!task || task.kind !== PDFA_TASK || task.params.source !== where.source || task.subjectId !== where.subjectId || task.status !== 'done')
    throw new NotFoundError()
  const fileId = task.result?.fileId
  const file = typeof fileId === 'string' ? await findFile(deps.db, fileId) : undefined
  if (!file || file.contentType !== PDF_CONTENT_TYPE) throw new NotFoundError()
  return file
}
