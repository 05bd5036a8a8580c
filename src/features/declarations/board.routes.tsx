import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { Deps } from '../../platform/deps.ts'
import { NotFoundError } from '../../platform/http/errors.ts'
import { boardCsv, loadBoard } from './board.service.ts'
import { BoardQuery } from './declarations.schemas.ts'
import { todayIso } from './declarations.service.ts'
import { inviteParty } from './signatures.service.ts'
import { BoardPage } from './views/board-page.tsx'
import { paramsOf } from '../../platform/http/params.ts'

const InviteInput = z.object({ organisationId: z.uuid() })

/** The status board (parties × status), its CSV export, and inviting a party that joined later. */
export function boardRoutes(app: FastifyInstance, deps: Deps) {
  const read = { policy: 'declarations.read' }
  const write = { policy: 'declarations.write' }

  app.get('/collaborations/:id/signatures', { config: read }, async (req, reply) => {
    const query = BoardQuery.parse(req.query ?? {})
    const b = await loadBoard(deps, req.actor, paramsOf(req).id, query)
    return reply.page(
      <BoardPage
        collaboration={b.collaboration}
        version={b.version}
        rows={b.rows}
        total={b.total}
        signed={b.counts.get('signed') ?? 0}
        query={query}
        canManage={b.canManage}
      />,
    )
  })

  // Swedish Excel dialect: BOM, `;`, CRLF; the same filters and order as the page.
  app.get('/collaborations/:id/signatures.csv', { config: read }, async (req, reply) => {
    const query = BoardQuery.parse(req.query ?? {})
    const b = await loadBoard(deps, req.actor, paramsOf(req).id, query)
    const name = `underskrifter-${b.collaboration.shortName.replace(/[^A-Za-z0-9ÅÄÖåäö_-]+/g, '-')}-${todayIso()}.csv`
    const ascii = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '')
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`)
      .header('cache-control', 'private, no-store')
      .send(boardCsv(b.rows, req.t))
  })

  app.post('/collaborations/:id/signatures/invitations', { config: write }, async (req, reply) => {
    const input = InviteInput.safeParse(req.body)
    if (!input.success) throw new NotFoundError()
    const created = await inviteParty(deps, { actor: req.actor!, requestId: req.id }, paramsOf(req).id, input.data.organisationId)
    reply.flash(created ? 'success' : 'info', created ? 'declarations.board.invited' : 'declarations.board.alreadyInvited')
    return reply.seeOther(`/collaborations/${paramsOf(req).id}/signatures`)
  })
}
