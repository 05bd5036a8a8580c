import { formatNumber } from './format.ts'
import type { Locale } from './i18n.ts'

/**
 * Plural forms in messages, in the ICU syntax translators know:
 * `{count, plural, one {# möte} other {# möten}}`. `=0`, `=1` … match an exact number before the
 * language's own category (Intl.PluralRules); `#` is the number, formatted for the language.
 * Only this subset is understood; a message without `, plural,` is passed through untouched.
 */
const PLURAL = /\{(\w+), ?plural,((?:\s*(?:=\d+|zero|one|two|few|many|other)\s*\{[^{}]*\})+)\s*\}/g
const CASE = /(=\d+|zero|one|two|few|many|other)\s*\{([^{}]*)\}/g

const rules = new Map<Locale, Intl.PluralRules>()
const rulesFor = (locale: Locale) => {
  let r = rules.get(locale)
  if (!r) rules.set(locale, (r = new Intl.PluralRules(locale === 'sv' ? 'sv-SE' : 'en-GB')))
  return r
}

export function hasPlural(template: string): boolean {
  return template.includes(', plural,') || template.includes(',plural,')
}

export function applyPlurals(template: string, params: Record<string, string | number>, locale: Locale): string {
  return template.replace(PLURAL, (whole, name: string, body: string) => {
    if (!(name in params)) return whole
    const n = Number(params[name])
    const cases = new Map([...body.matchAll(CASE)].map((m) => [m[1], m[2]]))
    const chosen = cases.get(`=${n}`) ?? cases.get(Number.isFinite(n) ? rulesFor(locale).select(n) : 'other') ?? cases.get('other') ?? whole
    return chosen.replaceAll('#', Number.isFinite(n) ? formatNumber(n, locale) : String(params[name]))
  })
}

/** The argument names a message uses, plain `{name}` and plural alike (for the locale checks). */
export function placeholderNames(template: string): string[] {
  const plural = [...template.matchAll(PLURAL)].map((m) => m[1])
  const plain = [...template.replace(PLURAL, '').matchAll(/\{(\w+)\}/g)].map((m) => m[1])
  return [...new Set([...plural, ...plain])].sort()
}
