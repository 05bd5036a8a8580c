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

/** A body has one convenor at a time: the new period shares days with a recorded one. */
export class ConvenorPeriodOverlaps extends DomainError {
  constructor(name: string, from: string, to: string | null) {
    super('convenor_period_overlaps', to ? 'bodies.convenors.errors.overlaps' : 'bodies.convenors.errors.overlapsOpen', 409, 'validFrom', {
      name,
      from,
      to: to ?? '',
    })
  }
}

/** A convenor is one of the collaboration's parties. */
export class ConvenorNotAParty extends DomainError {
  constructor() {
    super('convenor_not_a_party', 'bodies.convenors.errors.organisationRequired', 400, 'organisationId')
  }
}
