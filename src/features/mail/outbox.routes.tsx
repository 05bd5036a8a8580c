import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { Deps } from '../../platform/deps.ts'
import { NotFoundError } from '../../platform/http/errors.ts'
import { paramsOf } from '../../platform/http/params.ts'
import { OUTBOX_RETENTION_DAYS } from './outbox.job.ts'
import { countOutbox, findOutboxMessage, listOutbox } from './outbox.repo.ts'
import { OutboxListPage, OutboxMessagePage } from './views/outbox-pages.tsx'

const PAGE_SIZE = 50
const OutboxQuery = z.object({ page: z.coerce.number().int().min(1).max(100000).catch(1) })

/** The outbox for the system administrator: read-only pages over what the mail job kept. */
export function outboxRoutes(app: FastifyInstance, deps: Deps) {
  const config = { policy: 'system.admin' }
  const smtp = !!deps.config.smtpUrl

  app.get('/admin/outbox', { config }, async (req, reply) => {
    const { page } = OutboxQuery.parse(req.query ?? {})
    const [rows, total] = await Promise.all([listOutbox(deps.db, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }), countOutbox(deps.db)])
    return reply.page(<OutboxListPage rows={rows} total={total} page={page} pageSize={PAGE_SIZE} smtp={smtp} days={OUTBOX_RETENTION_DAYS} />)
  })

  app.get('/admin/outbox/:messageId', { config }, async (req, reply) => {
    const message = await findOutboxMessage(deps.db, paramsOf(req).messageId)
    if (!message) throw new NotFoundError()
    return reply.page(<OutboxMessagePage message={message} days={OUTBOX_RETENTION_DAYS} />)
  })
}
