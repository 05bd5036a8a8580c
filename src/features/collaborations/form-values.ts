/** The form as typed, for re-rendering after a rule violation (the CSRF token is not a value). */
export function typedValues(body: unknown): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries((body ?? {}) as Record<string, unknown>)) if (k !== '_csrf' && typeof v === 'string') out[k] = v
  return out
}
