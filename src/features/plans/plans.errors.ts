import { DomainError } from '../../platform/http/errors.ts'

export class ItemKindNotInPlan extends DomainError {
  constructor() {
    super('item_kind_not_in_plan', 'plans.errors.itemKindNotInPlan', 400, 'kind')
  }
}

export class BadItemLink extends DomainError {
  constructor() {
    super('bad_item_link', 'plans.errors.linkInvalid', 400, 'linkedIds')
  }
}

export class BadItemParent extends DomainError {
  constructor() {
    super('bad_item_parent', 'plans.errors.parentInvalid', 400, 'parentId')
  }
}

export class BadPlanOwner extends DomainError {
  constructor() {
    super('bad_plan_owner', 'plans.errors.ownerInvalid', 400, 'organisationId')
  }
}

export class BadPlanPartner extends DomainError {
  constructor() {
    super('bad_plan_partner', 'plans.errors.partnerInvalid', 400, 'partnerOrganisationId')
  }
}
