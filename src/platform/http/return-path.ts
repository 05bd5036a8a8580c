import { hasControlCharacters } from '../forms/text.ts'

const BASE = 'http://tillsammans.invalid'

/**
 * The one rule for every `return` target (after login, after choosing a language, after single
 * sign-on): a path on this site, nothing else. An open redirect would make the login page a
 * phishing tool, so anything doubtful becomes the fallback:
 * - it must start with a single `/` (not `//evil`, not `https:evil`);
 * - no backslash and no control character, raw or percent-encoded (browsers read `/\evil` as
 *   `//evil` and drop tabs and line breaks, so `/%09/evil` could become `//evil`);
 * - it must resolve to this origin, and only its path, query and fragment are kept.
 */
export function safeReturnPath(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2000) return fallback
  let decoded: string
  try {
    decoded = decodeURIComponent(value)
  } catch {
    return fallback
  }
  for (const v of [value, decoded]) {
    if (!v.startsWith('/') || v.startsWith('//') || v.includes('\\') || hasControlCharacters(v) || /[\t\r\n]/.test(v)) return fallback
  }
  let url: URL
  try {
    url = new URL(value, BASE)
  } catch {
    return fallback
  }
  if (url.origin !== BASE) return fallback
  return `${url.pathname}${url.search}${url.hash}`
}
