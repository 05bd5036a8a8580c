import { DomainError } from '../../platform/http/errors.ts'

/** A declined method takes no users and no measures: it is not part of the library. */
export class MethodDeclined extends DomainError {
  constructor() {
    super('method_declined', 'methods.errors.declined', 409)
  }
}

export class ContactExists extends DomainError {
  constructor() {
    super('contact_exists', 'methods.errors.contactExists', 400, 'organisationId')
  }
}

export class ContactNotAllowed extends DomainError {
  constructor() {
    super('contact_not_allowed', 'methods.errors.contactOrganisation', 400, 'organisationId')
  }
}

export class MeasureNotEditable extends DomainError {
  constructor() {
    super('measure_not_editable', 'methods.errors.measureChoice', 400, 'planItemId')
  }
}

export class MeasureAlreadyLinked extends DomainError {
  constructor() {
    super('measure_linked', 'methods.errors.measureLinked', 400, 'planItemId')
  }
}

/** From a measure's side only a curated method of the library, not yet linked, may be chosen. */
export class MethodNotLinkable extends DomainError {
  constructor() {
    super('method_not_linkable', 'methods.errors.methodChoice', 400, 'methodId')
  }
}

export class MethodAlreadyLinked extends DomainError {
  constructor() {
    super('method_linked', 'methods.errors.methodLinked', 400, 'methodId')
  }
}

export class MethodNotLinked extends DomainError {
  constructor() {
    super('method_not_linked', 'methods.errors.methodNotLinked', 400, 'methodId')
  }
}
