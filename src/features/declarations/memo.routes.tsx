import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../platform/deps.ts'
import { sendDocx } from '../../platform/docx/docx.ts'
import { parseForm } from '../../platform/forms/parse-form.ts'
import { findCollaborationInfo } from './declarations.repo.ts'
import { MemoForm } from './declarations.schemas.ts'
import { memoDocx, memoFilename } from './memo.docx.ts'
import { loadMemo, saveMemoDraft } from './memo.service.ts'
import { MemoPage } from './views/memo-page.tsx'
import { paramsOf } from '../../platform/http/params.ts'

/**
 * The tjänsteskrivelse generator for a municipality's record. Every POST keeps the values for the
 * next draft; "Ladda ned" also answers with the Word document itself.
 */
export function memoRoutes(app: FastifyInstance, deps: Deps) {
  const read = { policy: 'declarations.read' }
  const write = { policy: 'declarations.write' }

  app.get('/signatures/:signatureId/memo', { config: read }, async (req, reply) => {
    const m = await loadMemo(deps, req.actor, paramsOf(req).signatureId)
    const collaboration = (await findCollaborationInfo(deps.db, m.signature.collaborationId))!
    return reply.page(<MemoPage collaboration={collaboration} signature={m.signature} values={m.fields} savedAt={m.savedAt} />)
  })

  app.post('/signatures/:signatureId/memo', { config: { ...write, form: MemoForm } }, async (req, reply) => {
    const m = await loadMemo(deps, req.actor, paramsOf(req).signatureId)
    const form = parseForm(MemoForm, req.body, req.t)
    if (!form.ok) {
      const collaboration = (await findCollaborationInfo(deps.db, m.signature.collaborationId))!
      return reply.page(<MemoPage collaboration={collaboration} signature={m.signature} values={form.values} errors={form.errors} savedAt={m.savedAt} />, 400)
    }
    await saveMemoDraft(deps, { actor: req.actor!, requestId: req.id }, m.signature.id, form.data)
    if ((req.body as Record<string, unknown>)?.action === 'save') {
      reply.flash('success', 'declarations.memo.saved')
      return reply.seeOther(`/signatures/${m.signature.id}/memo`)
    }
    return sendDocx(reply, await memoDocx(form.data), memoFilename(form.data))
  })
}
