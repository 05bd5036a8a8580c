import { DomainError } from '../../platform/http/errors.ts'

/** The organisation is already a current party: adding it again would change nothing. */
export class AlreadyParty extends DomainError {
  constructor() {
    super('already_party', 'collaborations.errors.alreadyParty', 409, 'organisationId')
  }
}

/** The owning länsstyrelse convenes the collaboration; it cannot leave its own record. */
export class OwnerCannotLeave extends DomainError {
  constructor() {
    super('owner_cannot_leave', 'collaborations.errors.ownerCannotLeave', 409)
  }
}

/** Only organisations valid today can join. */
export class UnknownOrganisation extends DomainError {
  constructor() {
    super('unknown_organisation', 'collaborations.errors.organisationRequired', 400, 'organisationId')
  }
}
