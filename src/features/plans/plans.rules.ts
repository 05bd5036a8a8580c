import type { PlanItemKind, PlanKind } from './plans.tables.ts'

/** Which rows each kind of plan holds (issue 8 §1–5). */
export const ITEM_KINDS_OF: Record<PlanKind, readonly PlanItemKind[]> = {
  county_strategy: ['goal', 'focus_area'],
  operational_plan: ['activity'],
  local_agreement: ['focus_area', 'activity'],
  action_plan: ['problem', 'cause', 'measure'],
  citizen_promise: ['focus_area', 'promise'],
}

/** What an item may link to: an activity serves goals, a measure addresses causes, a promise rests on measures. */
export const LINK_TARGETS: Record<PlanItemKind, readonly PlanItemKind[]> = {
  goal: [],
  focus_area: [],
  activity: ['goal', 'focus_area'],
  problem: [],
  cause: [],
  measure: ['cause', 'activity'],
  promise: ['measure', 'activity'],
}

/** A cause belongs to a problem; an activity of an SÖ may sit under one of its focus areas. */
export const PARENT_KINDS: Record<PlanItemKind, readonly PlanItemKind[]> = {
  goal: [],
  focus_area: [],
  activity: ['focus_area', 'goal'],
  problem: [],
  cause: ['problem'],
  measure: [],
  promise: ['focus_area'],
}
