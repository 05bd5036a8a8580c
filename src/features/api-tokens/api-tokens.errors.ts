import { DomainError } from '../../platform/http/errors.ts'

/** The chosen user does not exist or is deactivated: a token must act as a live, accountable account. */
export class UnknownTokenUser extends DomainError {
  constructor() {
    super('unknown_token_user', 'apiTokens.errors.userRequired', 400, 'userId')
  }
}

/** An expiry date today or earlier would create a token that is dead on arrival. */
export class ExpiryNotInFuture extends DomainError {
  constructor() {
    super('expiry_not_in_future', 'apiTokens.errors.expiresNotFuture', 400, 'expiresOn')
  }
}
