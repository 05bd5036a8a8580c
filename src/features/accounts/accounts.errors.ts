import { DomainError } from '../../platform/http/errors.ts'

/** The same message whether the e-mail or the password was wrong: no user enumeration. */
export class InvalidCredentials extends DomainError {
  constructor() {
    super('invalid_credentials', 'accounts.errors.invalidCredentials', 400, 'email')
  }
}

/** Nothing was checked: wait `retryAfterSeconds` (0: another attempt for the account is being checked right now). */
export class TooManyAttempts extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    const key =
      retryAfterSeconds === 0
        ? 'accounts.errors.loginInProgress'
        : retryAfterSeconds >= 120
          ? 'accounts.errors.tooManyAttemptsMinutes'
          : 'accounts.errors.tooManyAttempts'
    super('too_many_attempts', key, 429, 'email', { seconds: retryAfterSeconds, minutes: Math.ceil(retryAfterSeconds / 60) })
  }
}

export class WrongCurrentPassword extends DomainError {
  constructor() {
    super('wrong_current_password', 'accounts.errors.wrongCurrentPassword', 400, 'currentPassword')
  }
}

export class EmailTaken extends DomainError {
  constructor() {
    super('email_taken', 'accounts.errors.emailTaken', 409, 'email')
  }
}

export class UnknownOrganisation extends DomainError {
  constructor() {
    super('unknown_organisation', 'accounts.errors.unknownOrganisation', 400, 'organisationId')
  }
}

export class CannotChangeOwnAccess extends DomainError {
  constructor() {
    super('own_access', 'accounts.errors.cannotChangeOwnAccess', 400)
  }
}

export class RoleNotAllowed extends DomainError {
  constructor() {
    super('role_not_allowed', 'accounts.errors.roleNotAllowed', 403, 'role')
  }
}

/** The organisation is outside what the coordinator is responsible for (their länsstyrelse and its collaborations' parties). */
export class OrganisationNotInScope extends DomainError {
  constructor() {
    super('organisation_not_in_scope', 'accounts.errors.organisationNotInScope', 403, 'organisationId')
  }
}

/** Our rule: the county-wide coordinator role is held at a länsstyrelse only. */
export class CoordinatorOnlyAtCountyBoard extends DomainError {
  constructor() {
    super('coordinator_only_at_county_board', 'accounts.errors.coordinatorOnlyAtCountyBoard', 400, 'role')
  }
}

/** One of the most common passwords (the shipped list): the first ones an attacker tries. */
export class CommonPassword extends DomainError {
  constructor() {
    super('common_password', 'accounts.errors.commonPassword', 400, 'newPassword')
  }
}

export class PasswordIsEmail extends DomainError {
  constructor() {
    super('password_is_email', 'accounts.errors.passwordIsEmail', 400, 'newPassword')
  }
}
