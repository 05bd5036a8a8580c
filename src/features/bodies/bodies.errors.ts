import { DomainError } from '../../platform/http/errors.ts'

/** The chosen parent body belongs to another collaboration (or does not exist). */
export class ParentNotInCollaboration extends DomainError {
  constructor() {
    super('parent_not_in_collaboration', 'bodies.errors.parentInvalid', 400, 'parentBodyId')
  }
}

/** A body cannot report to itself or to one of the bodies that report to it. */
export class ReportingCycle extends DomainError {
  constructor() {
    super('reporting_cycle', 'bodies.errors.reportingCycle', 409, 'parentBodyId')
  }
}
