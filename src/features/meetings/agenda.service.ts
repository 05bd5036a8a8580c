import type { Deps } from '../../platform/deps.ts'
import { audit } from '../../platform/audit/audit.ts'
import type { Actor } from '../../platform/http/actor.ts'
import { NotFoundError } from '../../platform/http/errors.ts'
import { type StoredFile, findFile, insertFile } from '../../platform/files/files.repo.ts'
import type { CheckedFile } from '../../platform/files/uploads.ts'
import { isUuid } from '../collaborations/index.ts'
import * as repo from './agenda.repo.ts'
import { changeOpenMeeting, loadMeeting, requireManage } from './meetings.access.ts'
import type { AgendaItemInput } from './meetings.schemas.ts'
import type { Ctx } from '../../platform/http/ctx.ts'

/** Adds an item at the end of the agenda, with its attachment stored in the same transaction. */
export async function addAgendaItem(deps: Deps, ctx: Ctx, meetingId: unknown, input: AgendaItemInput, file?: CheckedFile): Promise<repo.AgendaItem> {
  const { meeting, body } = requireManage(await loadMeeting(deps.db, ctx.actor, meetingId))
  return changeOpenMeeting(deps, meeting.id, async (tx) => {
    const stored = file ? await insertFile(tx, file, { organisationId: body.organisationId, uploadedBy: ctx.actor.userId }) : undefined
    const item = await repo.insertAgendaItem(tx, {
      meetingId: meeting.id,
      title: input.title,
      presenter: input.presenter ?? null,
      plannedMinutes: input.plannedMinutes ?? null,
      fileId: stored?.id ?? null,
    })
    await audit(tx, ctx, {
      action: 'meeting.agenda_item_added',
      entityType: 'meeting',
      entityId: meeting.id,
      organisationId: body.organisationId,
      after: { ...item, file: stored && { filename: stored.filename, sha256: stored.sha256 } },
    })
    return item
  })
}

export async function moveAgendaItem(deps: Deps, ctx: Ctx, meetingId: unknown, itemId: unknown, direction: 'up' | 'down'): Promise<void> {
  const { meeting, body } = requireManage(await loadMeeting(deps.db, ctx.actor, meetingId))
  if (!isUuid(itemId)) throw new NotFoundError()
  await changeOpenMeeting(deps, meeting.id, async (tx) => {
    const item = await repo.findAgendaItem(tx, meeting.id, itemId)
    if (!item) throw new NotFoundError()
    if (!(await repo.moveAgendaItem(tx, item, direction))) return
    await audit(tx, ctx, {
      action: 'meeting.agenda_item_moved',
      entityType: 'meeting',
      entityId: meeting.id,
      organisationId: body.organisationId,
      before: item,
      after: { direction },
    })
  })
}

export async function removeAgendaItem(deps: Deps, ctx: Ctx, meetingId: unknown, itemId: unknown): Promise<void> {
  const { meeting, body } = requireManage(await loadMeeting(deps.db, ctx.actor, meetingId))
  if (!isUuid(itemId)) throw new NotFoundError()
  await changeOpenMeeting(deps, meeting.id, async (tx) => {
    const item = await repo.findAgendaItem(tx, meeting.id, itemId)
    if (!item) throw new NotFoundError()
    await repo.deleteAgendaItem(tx, item.id)
    await audit(tx, ctx, {
      action: 'meeting.agenda_item_removed',
      entityType: 'meeting',
      entityId: meeting.id,
      organisationId: body.organisationId,
      before: item,
    })
  })
}

/** An agenda item's attachment, for those who may read the meeting. */
export async function agendaAttachment(deps: Deps, actor: Actor | undefined, meetingId: unknown, itemId: unknown): Promise<StoredFile> {
  const { meeting } = await loadMeeting(deps.db, actor, meetingId)
  if (!isUuid(itemId)) throw new NotFoundError()
  const item = await repo.findAgendaItem(deps.db, meeting.id, itemId)
  const file = item?.fileId ? await findFile(deps.db, item.fileId) : undefined
  if (!file) throw new NotFoundError()
  return file
}
