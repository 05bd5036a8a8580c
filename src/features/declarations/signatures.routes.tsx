import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Deps } from '../../platform/deps.ts'
import { parseForm, formValues } from '../../platform/forms/parse-form.ts'
import { ForbiddenError, StaleVersionError } from '../../platform/http/errors.ts'
import { findCollaborationInfo, joinedOnOf } from './declarations.repo.ts'
import { eventOfSignature, listEvents } from './joint-events.repo.ts'
import { AttachmentInput, StepForm } from './declarations.schemas.ts'
import { STEP, checkFileField, splitUpload } from './routes-support.ts'
import { findMemoDraft, listAttachments } from './signatures.repo.ts'
import { addAttachment, loadSignature, recordStep } from './signatures.service.ts'
import { linesOf } from './signatures.workflow.ts'
import { SignaturePage, type SignaturePageProps } from './views/signature-page.tsx'
import { formErrorOrThrow } from '../../platform/forms/form-errors.ts'
import { paramsOf } from '../../platform/http/params.ts'

/** One party's signature record: the page, its workflow steps, its attachments. */
export function signaturesRoutes(app: FastifyInstance, deps: Deps) {
  const read = { policy: 'declarations.read' }
  const write = { policy: 'declarations.write' }

  /** The record page as it is now in the database, optionally with a form that came back. */
  async function render(req: FastifyRequest, reply: FastifyReply, signatureId: string, sent?: SignaturePageProps['sent'], status = 200, stale = false) {
    const loaded = await loadSignature(deps, req.actor, signatureId)
    const { signature } = loaded
    const [collaboration, attachments, draft, signings, signedAt, joinedOn] = await Promise.all([
      findCollaborationInfo(deps.db, signature.collaborationId),
      listAttachments(deps.db, signature.id),
      loaded.canEdit ? findMemoDraft(deps.db, signature.id) : undefined,
      listEvents(deps.db, signature.collaborationId, 'signing'),
      eventOfSignature(deps.db, signature.id),
      joinedOnOf(deps.db, signature.collaborationId, signature.organisationId),
    ])
    const suggestedLines = draft?.fields.proposal ? linesOf(draft.fields.proposal) : undefined
    // After a stale form, the form offered again carries the current version: the user has now seen the record.
    const fresh = sent && stale ? { ...sent, values: { ...sent.values, version: String(signature.version) } } : sent
    return reply.page(
      <SignaturePage
        {...loaded}
        collaboration={collaboration!}
        attachments={attachments}
        suggestedLines={suggestedLines}
        sent={fresh}
        signings={signings}
        signedAt={signedAt}
        joinedOn={joinedOn}
      />,
      status,
    )
  }

  app.get('/signatures/:signatureId', { config: read }, async (req, reply) => render(req, reply, paramsOf(req).signatureId))

  app.post('/signatures/:signatureId/steps', { config: { ...write, form: StepForm } }, async (req, reply) => {
    const { signature, canEdit } = await loadSignature(deps, req.actor, paramsOf(req).signatureId)
    if (!canEdit) throw new ForbiddenError()
    const body = (req.body ?? {}) as Record<string, unknown>
    const form = parseForm(StepForm, body, req.t)
    const sentForm = typeof body.step === 'string' ? body.step : ''
    // An unknown step has no input of its own: its message stands alone in the error summary.
    const errors = form.ok ? [] : form.errors.map((e) => (e.field === 'step' ? { ...e, field: '' } : e))
    if (!form.ok) return render(req, reply, signature.id, { form: sentForm, values: form.values, errors }, 400)
    try {
      await recordStep(deps, { actor: req.actor!, requestId: req.id }, signature.id, form.data)
    } catch (err) {
      const values = formValues(body)
      if (err instanceof StaleVersionError) {
        return render(req, reply, signature.id, { form: sentForm, values, errors: [{ field: '', message: req.t('declarations.errors.staleStep') }] }, 409, true)
      }
      const { status, errors } = formErrorOrThrow(err, req.t, STEP)
      return render(req, reply, signature.id, { form: sentForm, values, errors }, status)
    }
    reply.flash('success', `declarations.steps.done.${form.data.step}`, { party: signature.organisationName })
    return reply.seeOther(`/signatures/${signature.id}`)
  })

  app.post('/signatures/:signatureId/attachments', { config: { ...write, uploads: true, form: AttachmentInput } }, async (req, reply) => {
    const { signature, canEdit } = await loadSignature(deps, req.actor, paramsOf(req).signatureId)
    if (!canEdit) throw new ForbiddenError()
    const { fields, file } = splitUpload(req.body)
    const form = parseForm(AttachmentInput, fields, req.t)
    const upload = await checkFileField(file, req.t, { required: true })
    const errors = [...upload.errors, ...(form.ok ? [] : form.errors)]
    if (!form.ok || !upload.file || errors.length) return render(req, reply, signature.id, { form: 'attachment', values: formValues(fields), errors }, 400)
    await addAttachment(deps, { actor: req.actor!, requestId: req.id }, signature.id, upload.file, form.data.description)
    reply.flash('success', 'declarations.attachments.added', { name: upload.file.filename })
    return reply.seeOther(`/signatures/${signature.id}`)
  })
}
