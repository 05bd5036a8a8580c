import { DomainError } from '../../platform/http/errors.ts'

/** A party has decided on this version: its text is what they decided on, so it may no longer change. */
export class VersionLocked extends DomainError {
  constructor() {
    super('version_locked', 'declarations.errors.versionLocked', 409)
  }
}

/** Only the newest version of the declaration is worked on; older ones are history. */
export class NotCurrentVersion extends DomainError {
  constructor() {
    super('not_current_version', 'declarations.errors.notCurrentVersion', 409)
  }
}

/** The step does not follow from the record's status (e.g. signing before deciding). */
export class StepNotAllowed extends DomainError {
  constructor(params: { from: string; to: string }) {
    super('step_not_allowed', 'declarations.errors.stepNotAllowed', 409, 'step', params)
  }
}

/** The tjänsteskrivelse is a municipal memo; other parties decide in their own forms. */
export class MemoOnlyForMunicipalities extends DomainError {
  constructor() {
    super('memo_not_municipality', 'declarations.errors.memoOnlyMunicipalities', 404)
  }
}

/** A rule on a field's value (a date in the wrong order, a missing file): shown on the field, 400. */
export const fieldError = (code: string, key: string, field: string, params: Record<string, string> = {}) => new DomainError(code, key, 400, field, params)
