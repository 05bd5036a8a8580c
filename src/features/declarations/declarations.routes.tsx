import type { FastifyInstance } from 'fastify'
import type { Deps } from '../../platform/deps.ts'
import { sendStoredFile } from '../../platform/files/files.repo.ts'
import { parseForm, formValues } from '../../platform/forms/parse-form.ts'
import { NotCurrentVersion, VersionLocked } from './declarations.errors.ts'
import { UpdateVersionInput, VersionInput } from './declarations.schemas.ts'
import { createVersion, declarationOverview, loadForNewVersion, loadVersionForEdit, updateVersion } from './declarations.service.ts'
import { PDF_ONLY, STEP, checkFileField, splitUpload } from './routes-support.ts'
import { fileForDownload } from './signatures.service.ts'
import { DeclarationPage } from './views/declaration-page.tsx'
import { VersionFormPage } from './views/version-form-page.tsx'
import { formErrorOrThrow } from '../../platform/forms/form-errors.ts'
import { paramsOf } from '../../platform/http/params.ts'

/** The programme declaration: its versions (text and/or PDF), and the downloads of this feature's files. */
export function declarationsRoutes(app: FastifyInstance, deps: Deps) {
  const read = { policy: 'declarations.read' }
  const write = { policy: 'declarations.write' }

  app.get<{ Querystring: { version?: string } }>('/collaborations/:id/declaration', { config: read }, async (req, reply) => {
    const o = await declarationOverview(deps, req.actor, paramsOf(req).id)
    const wanted = Number(req.query.version)
    const shown = (Number.isInteger(wanted) && o.versions.find((v) => v.versionNo === wanted)) || o.current
    return reply.page(<DeclarationPage collaboration={o.collaboration} versions={o.versions} shown={shown} locked={o.locked} canManage={o.canManage} />)
  })

  app.get('/collaborations/:id/declaration/versions/new', { config: read }, async (req, reply) => {
    const collaboration = await loadForNewVersion(deps, req.actor, paramsOf(req).id)
    return reply.page(<VersionFormPage collaboration={collaboration} />)
  })

  app.post('/collaborations/:id/declaration/versions', { config: { ...write, uploads: true, form: VersionInput } }, async (req, reply) => {
    const collaboration = await loadForNewVersion(deps, req.actor, paramsOf(req).id)
    const { fields, file } = splitUpload(req.body)
    const form = parseForm(VersionInput, fields, req.t)
    const upload = await checkFileField(file, req.t, { allowed: PDF_ONLY })
    const errors = [...(form.ok ? [] : form.errors), ...upload.errors]
    if (!form.ok || errors.length) return reply.page(<VersionFormPage collaboration={collaboration} values={formValues(fields)} errors={errors} />, 400)
    try {
      const version = await createVersion(deps, { actor: req.actor!, requestId: req.id }, collaboration.id, form.data, upload.file)
      reply.flash('success', 'declarations.versionForm.created', { no: version.versionNo })
      return reply.seeOther(`/collaborations/${collaboration.id}/declaration`)
    } catch (err) {
      const { status, errors } = formErrorOrThrow(err, req.t, STEP)
      return reply.page(<VersionFormPage collaboration={collaboration} values={formValues(fields)} errors={errors} />, status)
    }
  })

  app.get('/declaration-versions/:versionId/edit', { config: read }, async (req, reply) => {
    const e = await loadVersionForEdit(deps, req.actor, paramsOf(req).versionId)
    if (!e.isCurrent) throw new NotCurrentVersion()
    if (e.locked) throw new VersionLocked()
    return reply.page(<VersionFormPage collaboration={e.collaboration} version={e.version} />)
  })

  app.post('/declaration-versions/:versionId', { config: { ...write, uploads: true, form: UpdateVersionInput } }, async (req, reply) => {
    const e = await loadVersionForEdit(deps, req.actor, paramsOf(req).versionId)
    const { fields, file } = splitUpload(req.body)
    const form = parseForm(UpdateVersionInput, fields, req.t)
    const upload = await checkFileField(file, req.t, { allowed: PDF_ONLY })
    const errors = [...(form.ok ? [] : form.errors), ...upload.errors]
    const again = (status: number, list = errors) =>
      reply.page(<VersionFormPage collaboration={e.collaboration} version={e.version} values={formValues(fields)} errors={list} />, status)
    if (!form.ok || errors.length) return again(400)
    try {
      // Locked, older and stale versions are refused by the service (409 pages): nothing is stored.
      await updateVersion(deps, { actor: req.actor!, requestId: req.id }, e.version.id, form.data, upload.file)
    } catch (err) {
      const { status, errors: domain } = formErrorOrThrow(err, req.t, STEP)
      return again(status, domain)
    }
    reply.flash('success', 'declarations.versionForm.updated', { no: e.version.versionNo })
    return reply.seeOther(`/collaborations/${e.collaboration.id}/declaration`)
  })

  // The declaration's PDF and the signature attachments, for the collaboration's partners only.
  app.get<{ Params: { fileId: string } }>('/files/:fileId', { config: read }, async (req, reply) => {
    const file = await fileForDownload(deps, req.actor, paramsOf(req).fileId)
    return sendStoredFile(reply, file)
  })
}
