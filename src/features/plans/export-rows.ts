import { type CsvValue, csvDateTime, csvText } from '../../platform/csv/csv.ts'
import type { Translate } from '../../platform/i18n/i18n.ts'
import type { Entry } from './follow-up.repo.ts'
import type { ItemFollowUp, PeriodRow } from './follow-up.service.ts'
import {
  CADENCES_SV,
  COLUMNS,
  type Column,
  EXPORT_ONLY_HEADERS,
  type Field,
  ITEM_TYPES,
  MEASURE_NATURES,
  MEASURE_TYPES,
  PROMISORS_SV,
  STATUSES_SV,
  TEMPLATE_EXAMPLES,
  type ImportKind,
  isImportKind,
  wordFor,
} from './import-columns.ts'
import type { Plan, PlanItem } from './plans.repo.ts'
import { ITEM_KINDS_OF } from './plans.rules.ts'
import type { PlanItemKind } from './plans.tables.ts'

/**
 * The tables behind the CSV and XLSX downloads (issue 8 §14), as the pages show them: pure, so the
 * two formats cannot drift apart. A plan's rows use the import columns (import-columns.ts), so an
 * exported åtgärdsplan or medborgarlöfte can be edited and imported back; the follow-up columns hold
 * each row's latest entry. Headers are Swedish whatever the user's language: they are a file format.
 */

export interface Table {
  sheet: string
  header: string[]
  rows: CsvValue[][]
}

const KIND_WORDS: Record<PlanItemKind, string> = {
  goal: 'mål',
  focus_area: 'fokusområde',
  activity: 'aktivitet',
  problem: 'problem',
  cause: 'orsak',
  measure: 'åtgärd',
  promise: 'löfte',
}

/** Columns of plans that have no import format (strategy, verksamhetsplan, SÖ): the same words, with Typ and progress. */
const GENERIC: readonly Column[] = [
  { field: 'id', header: 'Id' },
  { field: 'type', header: 'Typ' },
  { field: 'number', header: 'Nr' },
  { field: 'title', header: 'Rubrik' },
  { field: 'description', header: 'Beskrivning' },
  { field: 'operativeGoal', header: 'Operativt mål' },
  { field: 'startsOn', header: 'Start' },
  { field: 'endsOn', header: 'Slut' },
  { field: 'responsibleParty', header: 'Ansvarig part' },
  { field: 'responsiblePerson', header: 'Ansvarig person' },
  { field: 'targetValue', header: 'Mål antal' },
  { field: 'targetUnit', header: 'Enhet' },
  { field: 'cadence', header: 'Intervall' },
  { field: 'weight', header: 'Vikt' },
  { field: 'period', header: 'Period' },
  { field: 'status', header: 'Status' },
  { field: 'output', header: 'Utfall' },
  { field: 'hours', header: 'Timmar' },
  { field: 'narrative', header: 'Kommentar' },
]

const capitalise = (s: string) => (s ? s[0].toLocaleUpperCase('sv') + s.slice(1) : s)

/** The Id a row is known by in files: its imported Id, else its own. */
export const refOf = (i: Pick<PlanItem, 'id' | 'externalId'>) => i.externalId ?? i.id

export interface PlanExportInput {
  plan: Plan
  items: PlanItem[]
  links: { itemId: string; linkedItemId: string }[]
  names: Map<string, string>
  followUp: Map<string, ItemFollowUp>
}

/** A plan's rows in the order of its page, each with its latest follow-up. */
export function planTable({ plan, items, links, names, followUp }: PlanExportInput): Table {
  const importable = isImportKind(plan.kind)
  const columns = importable ? COLUMNS[plan.kind as ImportKind] : GENERIC
  const byId = new Map(items.map((i) => [i.id, i]))
  // A medborgarlöfte's file holds its promises (focus areas are not imported); other plans every row.
  const kinds = plan.kind === 'citizen_promise' ? (['promise'] as PlanItemKind[]) : ITEM_KINDS_OF[plan.kind]
  const rows = kinds.flatMap((k) => items.filter((i) => i.kind === k))
  const value = (i: PlanItem, f: Field, latest: Entry | undefined): CsvValue => {
    switch (f) {
      case 'id':
        return csvText(refOf(i))
      case 'type':
        return importable ? wordFor(ITEM_TYPES, i.kind) : KIND_WORDS[i.kind]
      case 'number':
        return i.position
      case 'title':
        return i.title
      case 'description':
        return i.description
      case 'problem':
        return i.parentId && byId.get(i.parentId) ? csvText(refOf(byId.get(i.parentId)!)) : null
      case 'causes':
        return links
          .filter((l) => l.itemId === i.id)
          .flatMap((l) => (byId.get(l.linkedItemId)?.kind === 'cause' ? [refOf(byId.get(l.linkedItemId)!)] : []))
          .join(', ')
      case 'promisor':
        return capitalise(wordFor(PROMISORS_SV, i.promisor))
      case 'places':
        return i.places
      case 'operativeGoal':
        return i.operativeGoal
      case 'startsOn':
        return csvText(i.startsOn)
      case 'endsOn':
        return csvText(i.endsOn)
      case 'responsibleParty':
        return i.responsibleOrganisationId ? (names.get(i.responsibleOrganisationId) ?? null) : null
      case 'responsiblePerson':
        return i.responsiblePerson
      case 'followUpMethod':
        return i.followUpMethod
      case 'measureType':
        return wordFor(MEASURE_TYPES, i.measureType)
      case 'measureNature':
        return wordFor(MEASURE_NATURES, i.measureNature)
      case 'targetValue':
        return i.targetValue
      case 'targetUnit':
        return i.targetUnit
      case 'cadence':
        return wordFor(CADENCES_SV, i.cadence)
      case 'weight':
        return i.weight
      case 'period':
        // "2026-11" would become a date in Excel: text.
        return csvText(latest?.periodKey)
      case 'status':
        return wordFor(STATUSES_SV, latest?.status)
      case 'output':
        return latest?.outputValue ?? null
      case 'hours':
        return latest?.minutesSpent == null ? null : latest.minutesSpent / 60
      case 'narrative':
        return latest?.narrative ?? null
    }
  }
  return {
    sheet: plan.title,
    header: [...columns.map((c) => c.header), ...EXPORT_ONLY_HEADERS],
    rows: rows.map((i) => {
      const f = followUp.get(i.id)
      const latest = f?.latest
      return [
        ...columns.map((c) => value(i, c.field, latest)),
        f?.delivered ?? null,
        f ? f.missing.length : null,
        latest?.authorName ?? null,
        latest ? csvDateTime(latest.submittedAt) : null,
      ]
    }),
  }
}

/** An item's follow-up history as its page lists it: every period up to today's, newest first. */
export function historyTable(item: PlanItem, rows: PeriodRow[], t: Translate): Table {
  return {
    sheet: item.title,
    header: ['Period', 'Läge', 'Status', 'Kommentar', 'Utfall', 'Enhet', 'Timmar', 'Rapporterad av', 'Rapporterad', 'Sen', 'Ska rapporteras senast'],
    rows: rows.map((r) => [
      csvText(r.period.key),
      t(`followUp.state.${r.state}`),
      wordFor(STATUSES_SV, r.entry?.status),
      r.entry?.narrative ?? null,
      r.entry?.outputValue ?? null,
      r.entry?.outputValue == null ? null : r.entry.outputUnit,
      r.entry?.minutesSpent == null ? null : r.entry.minutesSpent / 60,
      r.entry?.authorName ?? null,
      r.entry ? csvDateTime(r.entry.submittedAt) : null,
      r.entry ? (r.entry.late ? 'ja' : 'nej') : null,
      csvText(r.due),
    ]),
  }
}

/** A party's plans as its plan list shows them. */
export function partyPlansTable(organisationName: string, plans: Plan[], names: Map<string, string>, t: Translate): Table {
  return {
    sheet: organisationName,
    header: ['Titel', 'Typ', 'Parter', 'Från', 'Till', 'Status', 'Synlighet', 'Exempel', 'Id'],
    rows: plans.map((p) => [
      p.title,
      t(`plans.kinds.${p.kind}`),
      [names.get(p.organisationId), p.partnerOrganisationId && names.get(p.partnerOrganisationId)].filter(Boolean).join(t('plans.joiner')),
      csvText(p.periodStart),
      csvText(p.periodEnd),
      t(`plans.status.${p.status}`),
      t(`plans.visibility.${p.visibility}`),
      p.isExample ? 'ja' : 'nej',
      csvText(p.id),
    ]),
  }
}

/** The template of a plan kind: its header row and example rows, whose Ids say they are examples (they are never imported). */
export function templateTable(kind: ImportKind): Table {
  const columns = COLUMNS[kind]
  return {
    sheet: 'Mall',
    header: columns.map((c) => c.header),
    // Counts as numbers, so the workbook holds numbers (the CSV writes them with a decimal comma).
    rows: TEMPLATE_EXAMPLES[kind].map((ex) =>
      columns.map((c) => (/^\d+(,\d+)?$/.test(ex[c.field] ?? '') ? Number(ex[c.field]!.replace(',', '.')) : (ex[c.field] ?? ''))),
    ),
  }
}
