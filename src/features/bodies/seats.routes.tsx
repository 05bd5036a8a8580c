import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Deps } from '../../platform/deps.ts'
import type { Actor } from '../../platform/http/actor.ts'
import { ForbiddenError, StaleVersionError } from '../../platform/http/errors.ts'
import { parseForm, formValues } from '../../platform/forms/parse-form.ts'
import { sortBySv } from '../../platform/i18n/collate.ts'
import type { Translate } from '../../platform/i18n/i18n.ts'
import type { FieldError } from '../../platform/views/error-summary.tsx'
import type { Option } from '../../platform/views/form-controls.tsx'
import { isPartner, isUuid } from '../collaborations/index.ts'
import type { LoadedScope } from '../collaborations/index.ts'
import * as peopleRepo from './people.repo.ts'
import { partyOptions } from './seats.forms.ts'
import { canAddForSomeParty, canEditSeat, editableParties } from './seats.policy.ts'
import * as repo from './seats.repo.ts'
import { AddSeatInput, EndSeatInput, UpdateSeatInput } from './seats.schemas.ts'
import { addSeat, endSeat, listBodySeats, loadBody, loadSeat, updateSeat } from './seats.service.ts'
import { SEAT_LEVELS } from './bodies.tables.ts'
import { EditSeatPage, NewSeatPage } from './views/seats-form-page.tsx'
import { SeatsListPage } from './views/seats-list-page.tsx'
import type { FormValues } from './views/seats-parts.tsx'
import { StalePage } from './views/seats-stale-page.tsx'
import { formErrorOrThrow } from '../../platform/forms/form-errors.ts'
import { paramsOf } from '../../platform/http/params.ts'

const WRITE = { config: { policy: 'seats.write' } }

async function personOptions(deps: Deps, actor: Actor | undefined, scope: LoadedScope): Promise<Option[]> {
  const rows = await peopleRepo.listPeople(deps.db, editableParties(actor, scope))
  return sortBySv(
    rows.map((p) => ({ value: p.id, label: `${p.name} – ${p.organisationName}` })),
    (o) => o.label,
  )
}

/** What the stale page compares: the terms as a person reads them. */
function seatTermsText(
  t: Translate,
  s: { organisationName: string; role: string; level: string; membership: string; validFrom: string; validTo?: string | null; visibility?: string | null },
) {
  return [
    { label: t('seats.fields.party'), value: s.organisationName },
    { label: t('seats.fields.role'), value: t(`seats.roles.${s.role}`) },
    { label: t('seats.fields.level'), value: t(`seats.levels.${s.level}`) },
    { label: t('seats.fields.membership'), value: t(`seats.memberships.${s.membership}`) },
    { label: t('seats.fields.validFrom'), value: s.validFrom },
    { label: t('seats.fields.validTo'), value: s.validTo || t('seats.openEnded') },
    { label: t('seats.fields.visibility'), value: t(`seats.visibility.${s.visibility || 'default'}`) },
  ]
}

/** Seats of a body (/bodies/:bodyId/seats …), and the route policies the people pages share. */
export function seatsRoutes(app: FastifyInstance, deps: Deps) {
  // Route-level gates only; who may change which seat is decided in the service (canEditSeat).
  deps.policies.register('seats.write', (a) => a?.via === 'session')
  deps.policies.register('people.read', (a) => a?.via === 'session')

  async function renderNew(req: FastifyRequest, reply: FastifyReply, bodyId: unknown, form: { values?: FormValues; errors?: FieldError[] } = {}, status = 200) {
    const { body, scope } = await loadBody(deps.db, req.actor, bodyId)
    if (!canAddForSomeParty(req.actor, scope)) throw new ForbiddenError()
    const [parties, people] = await Promise.all([partyOptions(deps, req.actor, scope), personOptions(deps, req.actor, scope)])
    return reply.page(<NewSeatPage body={body} parties={parties} people={people} {...form} />, status)
  }

  async function renderEdit(
    req: FastifyRequest,
    reply: FastifyReply,
    seatId: unknown,
    form: { values?: FormValues; endValues?: FormValues; errors?: FieldError[] } = {},
    status = 200,
  ) {
    const { seat, body, scope } = await loadSeat(deps, req.actor, seatId)
    return reply.page(<EditSeatPage body={body} seat={seat} parties={await partyOptions(deps, req.actor, scope)} {...form} />, status)
  }

  async function renderStale(req: FastifyRequest, reply: FastifyReply, err: StaleVersionError, yours: Record<string, string | undefined>) {
    const current = err.current as repo.SeatRow
    const yoursParty = (await repo.organisationNames(deps.db, yours.organisationId ? [yours.organisationId] : []))[0]?.name ?? current.organisationName
    const mine = seatTermsText(req.t, { ...current, ...yours, organisationName: yoursParty } as Parameters<typeof seatTermsText>[1])
    const saved = seatTermsText(req.t, current)
    const rows = saved.map((s, i) => ({ label: s.label, yours: mine[i].value, current: s.value }))
    return reply.page(
      <StalePage title={req.t('seats.stale.title')} rows={rows} backHref={`/seats/${current.id}/edit`} backLabel={req.t('seats.stale.back')} />,
      409,
    )
  }

  app.get('/bodies/:bodyId/seats', { config: { policy: 'public' } }, async (req, reply) => {
    const { body, scope, rows } = await listBodySeats(deps, req.actor, paramsOf(req).bodyId)
    const sorted = sortBySv(rows, (r) => r.personName)
    return reply.page(<SeatsListPage body={body} rows={sorted} canAdd={canAddForSomeParty(req.actor, scope)} partner={isPartner(req.actor, scope)} />)
  })

  // `?organisationId=…&level=…` pre-fills the form: the commitments page links here to fix a missing representative.
  app.get('/bodies/:bodyId/seats/new', WRITE, async (req, reply) => {
    const q = req.query as Record<string, unknown>
    const values: FormValues = {}
    if (isUuid(q.organisationId)) values.organisationId = q.organisationId
    if (typeof q.level === 'string' && (SEAT_LEVELS as readonly string[]).includes(q.level)) values.level = q.level
    return renderNew(req, reply, paramsOf(req).bodyId, { values })
  })

  app.post('/bodies/:bodyId/seats/new', { config: { ...WRITE.config, form: AddSeatInput } }, async (req, reply) => {
    const { bodyId } = paramsOf(req)
    const form = parseForm(AddSeatInput, req.body, req.t)
    if (!form.ok) return renderNew(req, reply, bodyId, { values: form.values, errors: form.errors }, 400)
    try {
      const seat = await addSeat(deps, { actor: req.actor!, requestId: req.id }, bodyId, form.data)
      const person = await peopleRepo.findPerson(deps.db, seat.personId)
      reply.flash('success', 'seats.flash.added', { person: person?.name ?? '' })
    } catch (err) {
      const failed = formErrorOrThrow(err, req.t)
      return renderNew(req, reply, bodyId, { values: formValues(req.body), errors: failed.errors }, failed.status)
    }
    return reply.seeOther(`/bodies/${bodyId}/seats`)
  })

  /**
   * Only those who may change the seat see its form or get its field errors: checked before the
   * body is validated, so a stranger learns nothing from a 400 (the service checks again on save).
   */
  const requireEditableSeat = async (req: FastifyRequest) => {
    const { seatId } = paramsOf(req)
    const { seat, scope } = await loadSeat(deps, req.actor, seatId)
    if (!canEditSeat(req.actor, scope, seat)) throw new ForbiddenError()
    return seatId
  }

  app.get('/seats/:seatId/edit', WRITE, async (req, reply) => renderEdit(req, reply, await requireEditableSeat(req)))

  app.post('/seats/:seatId/edit', { config: { ...WRITE.config, form: UpdateSeatInput } }, async (req, reply) => {
    const seatId = await requireEditableSeat(req)
    const form = parseForm(UpdateSeatInput, req.body, req.t)
    if (!form.ok) return renderEdit(req, reply, seatId, { values: form.values, errors: form.errors }, 400)
    try {
      const seat = await updateSeat(deps, { actor: req.actor!, requestId: req.id }, seatId, form.data)
      const person = await peopleRepo.findPerson(deps.db, seat.personId)
      reply.flash('success', 'seats.flash.updated', { person: person?.name ?? '' })
      return reply.seeOther(`/bodies/${seat.bodyId}/seats`)
    } catch (err) {
      if (err instanceof StaleVersionError) return renderStale(req, reply, err, { ...form.data, version: undefined })
      const failed = formErrorOrThrow(err, req.t)
      return renderEdit(req, reply, seatId, { values: formValues(req.body), errors: failed.errors }, failed.status)
    }
  })

  app.post('/seats/:seatId/end', { config: { ...WRITE.config, form: EndSeatInput } }, async (req, reply) => {
    const seatId = await requireEditableSeat(req)
    const form = parseForm(EndSeatInput, req.body, req.t)
    if (!form.ok) return renderEdit(req, reply, seatId, { endValues: form.values, errors: form.errors }, 400)
    try {
      const seat = await endSeat(deps, { actor: req.actor!, requestId: req.id }, seatId, form.data)
      const person = await peopleRepo.findPerson(deps.db, seat.personId)
      reply.flash('success', 'seats.flash.ended', { person: person?.name ?? '', date: form.data.endedOn })
      return reply.seeOther(`/bodies/${seat.bodyId}/seats`)
    } catch (err) {
      if (err instanceof StaleVersionError) return renderStale(req, reply, err, { validTo: form.data.endedOn })
      const failed = formErrorOrThrow(err, req.t)
      return renderEdit(req, reply, seatId, { endValues: formValues(req.body), errors: failed.errors }, failed.status)
    }
  })
}
