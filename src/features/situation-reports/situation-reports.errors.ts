import { DomainError } from '../../platform/http/errors.ts'

/** An adopted lägesbild is the municipality's decision: it is never changed, a new version starts from it. */
export class ReportAdopted extends DomainError {
  constructor() {
    super('report_adopted', 'situationReports.errors.adopted', 409)
  }
}

/** "Starta ny version" starts from an adopted lägesbild; a draft is simply edited. */
export class ReportNotAdopted extends DomainError {
  constructor() {
    super('report_not_adopted', 'situationReports.errors.notAdopted', 409)
  }
}

export class PeriodTaken extends DomainError {
  constructor() {
    super('period_taken', 'situationReports.errors.periodTaken', 400, 'periodStart')
  }
}

/** A prioritised problem must be a problem row of the municipality's own plans. */
export class NotAProblemOfTheMunicipality extends DomainError {
  constructor(field = '') {
    super('not_a_problem', 'situationReports.errors.notAProblem', 400, field || undefined)
  }
}

export class ReportPdfUnavailable extends DomainError {
  constructor() {
    super('pdf_unavailable', 'situationReports.errors.pdfUnavailable', 503)
  }
}
