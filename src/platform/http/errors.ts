/**
 * Errors that carry their own HTTP status and an i18n key for the message shown to the user.
 * Features subclass DomainError for rule violations; the platform error handler renders them as an
 * HTML page or as application/problem+json.
 */
export class DomainError extends Error {
  constructor(
    public readonly code: string,
    public readonly messageKey: string,
    public readonly status = 422,
    public readonly field?: string,
    public readonly params: Record<string, string | number> = {},
  ) {
    super(code)
  }
}

export class UnauthorizedError extends DomainError {
  constructor() {
    super('unauthorized', 'platform.errors.unauthorized', 401)
  }
}

export class ForbiddenError extends DomainError {
  constructor() {
    super('forbidden', 'platform.errors.forbidden', 403)
  }
}

export class NotFoundError extends DomainError {
  constructor() {
    super('not_found', 'platform.errors.notFound', 404)
  }
}

export class CsrfError extends DomainError {
  constructor() {
    super('csrf', 'platform.errors.csrf', 403)
  }
}

/** An update carried a version that is no longer current: someone else saved first. */
export class StaleVersionError extends DomainError {
  constructor(public readonly current?: unknown) {
    super('stale_version', 'platform.errors.staleVersion', 409)
  }
}

/** Maps a database unique violation (23505) on a known constraint to a DomainError. */
export function uniqueViolation(err: unknown, constraint: string): boolean {
  const e = err as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } }
  const c = e?.code ? e : e?.cause
  return c?.code === '23505' && (c.constraint === constraint || String((c as any).message ?? '').includes(constraint))
}
