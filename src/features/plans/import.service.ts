import { audit } from '../../platform/audit/audit.ts'
import type { Db } from '../../platform/db/types.ts'
import type { Deps } from '../../platform/deps.ts'
import type { Actor } from '../../platform/http/actor.ts'
import type { Ctx } from '../../platform/http/ctx.ts'
import { NotFoundError, StaleVersionError, uniqueViolation } from '../../platform/http/errors.ts'
import { findOrganisation, listOrganisations } from '../organisations/index.ts'
import * as followUpRepo from './follow-up.repo.ts'
import { entryValues, todayInSweden } from './follow-up.service.ts'
import { type ImportKind, isImportKind } from './import-columns.ts'
import { type ItemOp, type ValidateResult, validateImport } from './import-validate.ts'
import { isLate } from './periods.ts'
import * as repo from './plans.repo.ts'
import { type PlanContext, loadEditablePlan } from './plans.service.ts'

/**
 * Import of an åtgärdsplan's or medborgarlöfte's rows (issue 8 §13): who may (checked before the
 * upload is read), the file checked whole (import-validate.ts), then every row and entry written in
 * one transaction with one audit record — or nothing at all.
 */

/** The plan to import into: the actor must be allowed to edit it, and it must be a kind with an import format. @throws NotFoundError, ForbiddenError */
export async function loadImportablePlan(deps: Deps, actor: Actor | undefined, planId: string): Promise<PlanContext & { kind: ImportKind }> {
  const ctx = await loadEditablePlan(deps, actor, planId)
  const kind = ctx.plan.kind
  if (!isImportKind(kind)) throw new NotFoundError()
  return { ...ctx, kind }
}

/** The parties a row may name as responsible, by name: the plan's own and every party of the owner's county (as in the item form). */
export async function partiesByName(db: Db, plan: repo.Plan): Promise<Map<string, string>> {
  const owner = await findOrganisation(db, plan.organisationId)
  const inCounty = owner?.countyCode ? await listOrganisations(db, { countyCode: owner.countyCode }) : []
  const ids = [plan.organisationId, ...(plan.partnerOrganisationId ? [plan.partnerOrganisationId] : []), ...inCounty.map((o) => o.id)]
  const names = await repo.organisationNames(db, ids)
  return new Map([...names].map(([id, name]) => [name.toLocaleLowerCase('sv').replace(/\s+/g, ' '), id]))
}

/** Checks a file's rows against the plan as it is now. Writes nothing. */
export async function checkImportRows(deps: Deps, ctx: PlanContext & { kind: ImportKind }, rows: string[][], today = todayInSweden()): Promise<ValidateResult> {
  return validateImport({
    kind: ctx.kind,
    plan: ctx.plan,
    items: await repo.listItems(deps.db, ctx.plan.id),
    parties: await partiesByName(deps.db, ctx.plan),
    today,
    rows,
  })
}

export interface ImportCounts {
  itemsCreated: number
  itemsUpdated: number
  itemsUnchanged: number
  entriesCreated: number
  entriesUpdated: number
  entriesUnchanged: number
  examples: number
}

const same = (a: unknown, b: unknown) => (a ?? null) === (b ?? null)

/** The fields of `values` that differ from the stored row, with both sides (for the audit record). */
function changes<T extends object>(stored: T, values: Partial<T>) {
  const before: Record<string, unknown> = {}
  const after: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(values)) {
    const old = (stored as Record<string, unknown>)[k]
    if (!same(old, v)) {
      before[k] = old ?? null
      after[k] = v ?? null
    }
  }
  return { changed: Object.keys(after).length > 0, before, after }
}

/**
 * Writes checked rows. Rows are matched by Id as when checked; a row or entry changed by someone in
 * between (its version moved on) aborts the whole import (StaleVersionError): nothing is written.
 * @throws NotFoundError, ForbiddenError, StaleVersionError
 */
export async function runImport(
  deps: Deps,
  ctx: Ctx,
  planId: string,
  checked: Extract<ValidateResult, { ok: true }>,
  file: { filename: string; format: 'xlsx' | 'csv' },
  now = new Date(),
): Promise<ImportCounts> {
  const { plan } = await loadImportablePlan(deps, ctx.actor, planId)
  const today = todayInSweden(now)
  return deps.db.transaction(async (tx) => {
    const counts: ImportCounts = {
      itemsCreated: 0,
      itemsUpdated: 0,
      itemsUnchanged: 0,
      entriesCreated: 0,
      entriesUpdated: 0,
      entriesUnchanged: 0,
      examples: checked.examples,
    }
    const items = await repo.listItems(tx, planId)
    const byRef = new Map<string, repo.PlanItem>()
    for (const i of items) {
      byRef.set(i.id.toLowerCase(), i)
      if (i.externalId) byRef.set(i.externalId.toLowerCase(), i)
    }
    const nextNo = new Map<string, number>()
    for (const i of items) nextNo.set(i.kind, Math.max(nextNo.get(i.kind) ?? 1, i.position + 1))
    const trail: { items: unknown[]; entries: unknown[] } = { items: [], entries: [] }
    const created = new Set<string>()
    const updated = new Set<string>()

    // 1. The rows themselves.
    const written = new Map<ItemOp, repo.PlanItem>()
    const fresh: { op: ItemOp; values: Omit<repo.NewPlanItem, 'planId'> }[] = []
    for (const op of checked.ops) {
      if (op.existing) {
        // A row made in the form is known by its own id in files (export-rows.ts refOf): nothing to store for it.
        const values = op.values
        const diff = changes(op.existing, values)
        if (!diff.changed) {
          written.set(op, op.existing)
          continue
        }
        const after = await repo.updateItem(tx, op.existing.id, op.existing.version, values)
        if (!after) throw new StaleVersionError()
        updated.add(after.id)
        trail.items.push({ id: after.id, externalId: op.externalId, row: op.row, action: 'updated', before: diff.before, after: diff.after })
        written.set(op, after)
      } else {
        const position = (op.values.position as number | undefined) ?? nextNo.get(op.kind) ?? 1
        nextNo.set(op.kind, Math.max(nextNo.get(op.kind) ?? 1, position + 1))
        fresh.push({
          op,
          values: { description: '', ...op.values, title: op.values.title as string, kind: op.kind, position, externalId: op.externalId },
        })
      }
    }
    // New rows in one statement: a plan of hundreds of rows costs one round trip, not hundreds.
    const inserted = await repo
      .insertItems(
        tx,
        planId,
        fresh.map((f) => f.values),
      )
      .catch((err) => {
        // Someone added a row with one of these Ids since the file was checked: the check no longer holds.
        throw uniqueViolation(err, 'plan_items_external_key') ? new StaleVersionError() : err
      })
    const insertedByRef = new Map(inserted.map((i) => [i.externalId!.toLowerCase(), i]))
    for (const { op } of fresh) {
      const item = insertedByRef.get(op.externalId.toLowerCase())!
      created.add(item.id)
      trail.items.push({ id: item.id, externalId: op.externalId, row: op.row, action: 'created', after: item })
      written.set(op, item)
    }
    for (const op of checked.ops) byRef.set(op.externalId.toLowerCase(), written.get(op)!)

    // 2. A cause's problem and a measure's causes, now that every Id has a row.
    const causesHere = new Set([...items, ...written.values()].filter((i) => i.kind === 'cause').map((i) => i.id))
    for (const op of checked.ops) {
      const item = written.get(op)!
      if (op.parentRef !== undefined) {
        const parentId = op.parentRef ? byRef.get(op.parentRef.toLowerCase())!.id : null
        if (!same(item.parentId, parentId)) {
          const after = await repo.updateItem(tx, item.id, item.version, { parentId })
          if (!after) throw new StaleVersionError()
          trail.items.push({ id: item.id, externalId: op.externalId, row: op.row, action: 'parent', before: item.parentId, after: parentId })
          updated.add(item.id)
          written.set(op, after)
        }
      }
      if (op.linkRefs !== undefined) {
        const current = created.has(item.id) ? [] : (await repo.listLinks(tx, [item.id])).filter((l) => l.itemId === item.id).map((l) => l.linkedItemId)
        // The Orsaker column speaks for the plan's causes only; links to other rows (an SÖ's activity) stay.
        const wanted = [...new Set([...current.filter((id) => !causesHere.has(id)), ...op.linkRefs.map((r) => byRef.get(r.toLowerCase())!.id)])]
        if (wanted.length !== current.length || wanted.some((id) => !current.includes(id))) {
          await repo.replaceLinks(tx, item.id, wanted)
          updated.add(item.id)
          trail.items.push({ id: item.id, externalId: op.externalId, row: op.row, action: 'links', before: current, after: wanted })
        }
      }
    }

    counts.itemsCreated = created.size
    counts.itemsUpdated = [...updated].filter((id) => !created.has(id)).length
    counts.itemsUnchanged = checked.ops.length - counts.itemsCreated - counts.itemsUpdated

    // 3. The follow-up entries: the period's entry is created (marked late when it is) or updated.
    const entries = new Map(
      (
        await followUpRepo.listEntries(
          tx,
          [...written.values()].map((i) => i.id),
        )
      ).map((e) => [`${e.itemId}|${e.periodKey}`, e]),
    )
    const newEntries: followUpRepo.NewEntry[] = []
    for (const op of checked.ops) {
      if (!op.entry) continue
      const item = written.get(op)!
      const e = op.entry
      const base = entryValues(
        {
          status: e.status,
          narrative: e.narrative,
          outputValue: e.outputValue ?? undefined,
          hours: e.hours ?? undefined,
          outputUnit: undefined,
          progressPercent: undefined,
        },
        item,
      )
      const existing = entries.get(`${item.id}|${e.period.key}`)
      if (!existing) {
        newEntries.push({
          ...base,
          itemId: item.id,
          periodKey: e.period.key,
          periodStart: e.period.start,
          periodEnd: e.period.end,
          authorUserId: ctx.actor.userId,
          authorName: ctx.actor.name,
          organisationId: ctx.actor.organisationId,
          submittedAt: now,
          late: isLate(e.period, plan.dueDays, today),
        })
        continue
      }
      // A column the file does not have leaves the stored value alone.
      const values = {
        status: base.status,
        narrative: e.narrative === undefined ? existing.narrative : base.narrative,
        outputValue: e.outputValue === undefined ? existing.outputValue : base.outputValue,
        outputUnit: e.outputValue === undefined ? existing.outputUnit : base.outputUnit,
        minutesSpent: e.hours === undefined ? existing.minutesSpent : base.minutesSpent,
        progressPercent:
          e.status === 'done'
            ? (existing.progressPercent ?? 100)
            : existing.status === 'done' && existing.progressPercent === 100
              ? null
              : existing.progressPercent,
      }
      const diff = changes(existing, values)
      if (!diff.changed) {
        counts.entriesUnchanged++
        continue
      }
      const after = await followUpRepo.updateEntry(tx, existing.id, existing.version, { ...values, authorUserId: ctx.actor.userId, authorName: ctx.actor.name })
      if (!after) throw new StaleVersionError()
      counts.entriesUpdated++
      trail.entries.push({ id: after.id, itemId: item.id, periodKey: e.period.key, row: op.row, action: 'updated', before: diff.before, after: diff.after })
    }

    // New entries in one statement; one written meanwhile by someone else (one entry per item and period) aborts the import.
    const insertedEntries = await followUpRepo.insertEntries(tx, newEntries)
    if (insertedEntries.length !== newEntries.length) throw new StaleVersionError()
    counts.entriesCreated = insertedEntries.length
    const newByKey = new Map(newEntries.map((e) => [`${e.itemId}|${e.periodKey}`, e]))
    for (const e of insertedEntries)
      trail.entries.push({ id: e.id, itemId: e.itemId, periodKey: e.periodKey, action: 'created', after: newByKey.get(`${e.itemId}|${e.periodKey}`) })

    // The dashboard's sums (decision 012) are kept on write: entries written in bulk refresh the plan's.
    if (counts.entriesCreated || counts.entriesUpdated) await followUpRepo.refreshPlanFollowUpStates(tx, planId)
    await audit(tx, ctx, {
      action: 'plan.imported',
      entityType: 'plan',
      entityId: planId,
      organisationId: plan.organisationId,
      after: { file: file.filename, format: file.format, rows: checked.ops.length, ignoredColumns: checked.ignoredHeaders, ...counts, ...trail },
    })
    return counts
  })
}
