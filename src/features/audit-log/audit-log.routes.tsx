import { Readable } from 'node:stream'
import canonicalize from 'canonicalize'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { verifyAuditChain } from '../../platform/audit/verify.ts'
import { BOM, csvDateTime, csvRow, csvText } from '../../platform/csv/csv.ts'
import type { Deps } from '../../platform/deps.ts'
import { parseForm } from '../../platform/forms/parse-form.ts'
import { NotFoundError } from '../../platform/http/errors.ts'
import { sortBySv } from '../../platform/i18n/collate.ts'
import { formatIsoDate } from '../../platform/i18n/format.ts'
import { type AdminScope, administrationScope, inScope, scopeFilter } from '../accounts/index.ts'
import { findOrganisation, listOrganisations } from '../organisations/index.ts'
import { actorLabel } from './actor-label.ts'
import { type AuditFilter, type AuditRow, distinctActions, distinctEntityTypes, exportBatch, findAuditEvent, listAuditEvents } from './audit-log.repo.ts'
import { AuditFilterQuery, filterParams } from './audit-log.schemas.ts'
import { AuditEventPage } from './views/audit-event-page.tsx'
import { AuditListPage } from './views/audit-list-page.tsx'
import { AuditVerifyPage } from './views/audit-verify-page.tsx'
import { paramsOf } from '../../platform/http/params.ts'

/** A spreadsheet beyond this is not read by a person; larger extracts go through backup or the API. */
export const EXPORT_LIMIT = 100_000
const EXPORT_BATCH = 2_000

const toFilter = (q: AuditFilterQuery, scope: AdminScope): AuditFilter => ({
  within: scopeFilter(scope),
  actor: q.actor,
  action: q.action,
  entityType: q.entityType,
  entityId: q.entityId,
  organisationId: q.organisation,
  from: q.from,
  to: q.to,
})

const entityHref = (r: Pick<AuditRow, 'entityType' | 'entityId'>) =>
  `/admin/audit${filterParams({ entityType: r.entityType, entityId: r.entityId ?? undefined })}`

/** The audit log pages: list with filters, one event, the chain check and the CSV export. */
export function auditLogRoutes(app: FastifyInstance, deps: Deps) {
  const policy = { config: { policy: 'audit.read' } }
  /**
   * Events are shown to those who administer the organisation they concern: a coordinator sees their
   * länsstyrelse and the parties (present and former) of its collaborations; an admin sees all.
   */
  const scopeOf = (req: FastifyRequest) => administrationScope(deps.db, req.actor, { formerParties: true })

  /**
   * Organisation names by id: today's organisations in one query, and any older (no longer valid)
   * ones an event points at looked up one by one and remembered for the request.
   */
  async function organisationDirectory(scope: AdminScope) {
    const current = sortBySv(
      (await listOrganisations(deps.db)).filter((o) => inScope(scope, o.id)),
      (o) => o.name,
    )
    const names = new Map<string, string | undefined>(current.map((o) => [o.id, o.name]))
    return {
      options: current.map((o) => ({ value: o.id, label: o.name })),
      async resolve(ids: (string | null)[]) {
        for (const id of new Set(ids)) if (id && !names.has(id)) names.set(id, (await findOrganisation(deps.db, id))?.name)
        return (id: string | null) => (id ? names.get(id) : undefined)
      },
    }
  }

  async function renderList(req: FastifyRequest, reply: FastifyReply) {
    const form = parseForm(AuditFilterQuery, req.query, req.t)
    const scope = await scopeOf(req)
    const [actions, entityTypes, orgs] = await Promise.all([distinctActions(deps.db), distinctEntityTypes(deps.db), organisationDirectory(scope)])
    const common = { actions, entityTypes, organisations: orgs.options, exportLimit: EXPORT_LIMIT, entityHref, labels: deps.auditLabels }
    if (!form.ok) return reply.page(<AuditListPage {...common} values={form.values} errors={form.errors} csvHref="/admin/audit.csv" />, 400)
    const q = form.data
    const page = await listAuditEvents(deps.db, toFilter(q, scope), { before: q.before, after: q.after })
    const nameOf = await orgs.resolve(page.rows.map((r) => r.organisationId))
    return reply.page(
      <AuditListPage
        {...common}
        values={req.query as Record<string, string | string[]>}
        rows={page.rows.map((r) => ({ ...r, organisationName: nameOf(r.organisationId) }))}
        newerHref={page.newerThan !== undefined ? `/admin/audit${filterParams(q, { after: page.newerThan })}` : undefined}
        olderHref={page.olderThan !== undefined ? `/admin/audit${filterParams(q, { before: page.olderThan })}` : undefined}
        csvHref={`/admin/audit.csv${filterParams(q)}`}
      />,
    )
  }

  app.get('/admin/audit', policy, renderList)

  // Same filters as the page; streamed in batches (newest first) so 100 000 rows never sit in memory.
  app.get('/admin/audit.csv', policy, async (req, reply) => {
    const form = parseForm(AuditFilterQuery, req.query, req.t)
    if (!form.ok) return renderList(req, reply)
    const scope = await scopeOf(req)
    const filter = toFilter(form.data, scope)
    const orgs = await organisationDirectory(scope)
    const t = req.t
    const header = [
      'seq',
      'time',
      'actor',
      'actorUserId',
      'action',
      'actionLabel',
      'entityType',
      'entityId',
      'organisation',
      'organisationId',
      'requestId',
      'before',
      'after',
      'prevHash',
      'hash',
    ].map((k) => t(`auditLog.csv.${k}`))
    const json = (v: unknown) => (v === null || v === undefined ? '' : canonicalize(v))
    async function* lines() {
      yield BOM + csvRow(header)
      let before = form.ok ? form.data.before : undefined
      let sent = 0
      while (sent < EXPORT_LIMIT) {
        const size = Math.min(EXPORT_BATCH, EXPORT_LIMIT - sent)
        const batch = await exportBatch(deps.db, filter, before, size)
        const nameOf = await orgs.resolve(batch.map((e) => e.organisationId))
        let chunk = ''
        for (const e of batch) {
          chunk += csvRow([
            e.seq,
            csvDateTime(e.occurredAt),
            actorLabel(t, e.actorLabel, e.actorUserId),
            e.actorUserId,
            e.action,
            deps.auditLabels.action(t, e.action),
            e.entityType,
            csvText(e.entityId),
            nameOf(e.organisationId),
            e.organisationId,
            csvText(e.requestId),
            json(e.before),
            json(e.after),
            csvText(e.prevHash),
            csvText(e.hash),
          ])
        }
        if (chunk) yield chunk
        sent += batch.length
        if (batch.length < size) return
        before = batch[batch.length - 1].seq
      }
    }
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${t('auditLog.csv.filename')}-${formatIsoDate(new Date())}.csv"`)
      .header('cache-control', 'no-store')
      .send(Readable.from(lines()))
  })

  app.get('/admin/audit/verify', policy, async (_req, reply) => reply.page(<AuditVerifyPage />))

  // A POST because walking a long chain is slow: no crawler, prefetch or reload starts it by accident.
  app.post('/admin/audit/verify', policy, async (req, reply) => {
    const result = await verifyAuditChain(deps.db)
    req.log[result.ok ? 'info' : 'warn']({ auditChain: result }, 'audit chain verified')
    return reply.page(<AuditVerifyPage result={result} />)
  })

  app.get('/admin/audit/:seq', policy, async (req, reply) => {
    const raw = paramsOf(req).seq
    const seq = /^\d{1,15}$/.test(raw) ? Number(raw) : Number.NaN
    const event = Number.isSafeInteger(seq) ? await findAuditEvent(deps.db, seq) : undefined
    if (!event || !inScope(await scopeOf(req), event.organisationId)) throw new NotFoundError()
    const organisationName = event.organisationId ? (await findOrganisation(deps.db, event.organisationId))?.name : undefined
    return reply.page(
      <AuditEventPage
        event={event}
        labels={deps.auditLabels}
        organisationName={organisationName}
        entityHref={event.entityId ? entityHref(event) : undefined}
      />,
    )
  })
}
