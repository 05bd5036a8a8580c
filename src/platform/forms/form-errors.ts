import { DomainError } from '../http/errors.ts'
import type { Translate } from '../i18n/i18n.ts'
import type { FieldError } from '../views/error-summary.tsx'

export interface FormError {
  status: number
  errors: FieldError[]
}

export interface FormErrorOptions {
  /** Fields that have no input of their own (a workflow `step`): their message stands alone in the summary. */
  standalone?: readonly string[]
  /** Rule violations without a field that still belong on the form rather than on an error page. */
  formLevel?: (err: DomainError) => boolean
}

/**
 * The one mapping from a rule violation to a form error: a DomainError naming a field becomes that
 * field's message (status 400, or the error's own when it is a conflict or a refusal); anything else is left to the error handler
 * (undefined here, so the caller rethrows). JSON clients get the same through the error handler,
 * which turns the field into problem+json `errors[{ path }]`.
 */
export function formErrorOf(err: unknown, t: Translate, opts: FormErrorOptions = {}): FormError | undefined {
  if (!(err instanceof DomainError)) return undefined
  if (!err.field && !opts.formLevel?.(err)) return undefined
  const field = !err.field || opts.standalone?.includes(err.field) ? '' : err.field
  // A form re-renders with 400 for bad input (422 is the JSON API's word for a rule violation); 409 and
  // the other refusals keep their status.
  return { status: err.status === 422 ? 400 : err.status, errors: [{ field, message: t(err.messageKey, err.params) }] }
}

/** As formErrorOf, but anything that is not a form error is rethrown for the error handler. */
export function formErrorOrThrow(err: unknown, t: Translate, opts: FormErrorOptions = {}): FormError {
  const mapped = formErrorOf(err, t, opts)
  if (!mapped) throw err
  return mapped
}
