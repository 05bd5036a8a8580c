import { DomainError } from '../../platform/http/errors.ts'

/** Justering done: minutes, decisions, attendance and the agenda are the record now and cannot change. */
export class MinutesApproved extends DomainError {
  constructor() {
    super('minutes_approved', 'meetings.errors.approved', 409)
  }
}

/** Sent for justering: the justerare read what is there now, so it cannot change under them. */
export class UnderJustering extends DomainError {
  constructor() {
    super('under_justering', 'meetings.errors.underJustering', 409)
  }
}

/** Justering is refused: the meeting has not taken place, the minutes or §§ are missing, or a justerare is wrong. */
export class JusteringRefused extends DomainError {
  constructor(field: string, messageKey: string) {
    super('justering_refused', messageKey, 400, field)
  }
}

/** A done action item is closed; reopening would rewrite what the follow-up recorded. */
export class ActionItemDone extends DomainError {
  constructor() {
    super('action_item_done', 'meetings.errors.actionItemDone', 409)
  }
}

/** Two decisions took the same § at the same moment and retrying did not resolve it. */
export class ParagraphTaken extends DomainError {
  constructor() {
    super('paragraph_taken', 'meetings.errors.paragraphTaken', 409)
  }
}

/** A field-level refusal the form shows next to the field. */
export class MeetingFieldError extends DomainError {
  constructor(field: string, messageKey: string, params: Record<string, string | number> = {}) {
    super('invalid_field', messageKey, 400, field, params)
  }
}
