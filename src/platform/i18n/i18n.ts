import fs from 'node:fs'
import path from 'node:path'
import { applyPlurals, hasPlural } from './plural.ts'
import { ROOT } from '../root.ts'

export const LOCALES = ['sv', 'en'] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'sv'

export type Messages = Record<string, string>
export type Translate = (key: string, params?: Record<string, string | number>) => string

const SRC_DIR = path.join(ROOT, 'src')

/** Every `locales/<lang>.json` below src/, flattened to dotted keys. Features own their files. */
export function localeFiles(srcDir = SRC_DIR): string[] {
  const found: string[] = []
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) {
        if (entry.name === 'locales') found.push(full)
        else walk(full)
      }
    }
  }
  walk(srcDir)
  return found.sort()
}

function flatten(obj: Record<string, unknown>, prefix = '', out: Messages = {}): Messages {
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k
    if (v && typeof v === 'object') flatten(v as Record<string, unknown>, key, out)
    else out[key] = String(v)
  }
  return out
}

export function loadMessages(srcDir = SRC_DIR): Record<Locale, Messages> {
  const result = { sv: {}, en: {} } as Record<Locale, Messages>
  for (const dir of localeFiles(srcDir)) {
    for (const locale of LOCALES) {
      const file = path.join(dir, `${locale}.json`)
      if (!fs.existsSync(file)) continue
      const flat = flatten(JSON.parse(fs.readFileSync(file, 'utf8')))
      for (const key of Object.keys(flat)) {
        if (key in result[locale]) throw new Error(`Duplicate i18n key ${key} in ${file}`)
      }
      Object.assign(result[locale], flat)
    }
  }
  return result
}

let cache: Record<Locale, Messages> | undefined
export function messages(): Record<Locale, Messages> {
  cache ??= loadMessages()
  return cache
}

export function translator(locale: Locale): Translate {
  const own = messages()[locale]
  const fallback = messages()[DEFAULT_LOCALE]
  return (key, params) => fillMessage(own[key] ?? fallback[key] ?? key, params, locale)
}

/** A message with its `{name}` placeholders and `{count, plural, …}` forms filled in. */
export function fillMessage(template: string, params: Record<string, string | number> | undefined, locale: Locale): string {
  if (!params) return template
  const text = hasPlural(template) ? applyPlurals(template, params, locale) : template
  return text.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m))
}

/** Cookie first (the user's explicit choice), then Accept-Language, then Swedish. */
export function negotiateLocale(cookie: string | undefined, acceptLanguage: string | undefined): Locale {
  if (cookie && (LOCALES as readonly string[]).includes(cookie)) return cookie as Locale
  if (acceptLanguage) {
    const ranked = acceptLanguage
      .split(',')
      .map((part) => {
        const [tag, ...rest] = part.trim().split(';')
        const q = rest.find((r) => r.trim().startsWith('q='))
        return { lang: tag.trim().toLowerCase().split('-')[0], q: q ? Number.parseFloat(q.trim().slice(2)) || 0 : 1 }
      })
      .sort((a, b) => b.q - a.q)
    for (const { lang, q } of ranked) {
      if (q > 0 && (LOCALES as readonly string[]).includes(lang)) return lang as Locale
    }
  }
  return DEFAULT_LOCALE
}
