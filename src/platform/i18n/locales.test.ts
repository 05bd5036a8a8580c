import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { test } from 'node:test'
import { loadMessages, localeFiles } from './i18n.ts'
import { placeholderNames } from './plural.ts'

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name)
    if (e.isDirectory()) return sourceFiles(full)
    return /\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [full] : []
  })
}

test('Swedish and English locale files have exactly the same keys', () => {
  assert.ok(localeFiles().length >= 3)
  const { sv, en } = loadMessages()
  const onlySv = Object.keys(sv).filter((k) => !(k in en))
  const onlyEn = Object.keys(en).filter((k) => !(k in sv))
  assert.deepEqual(onlySv, [], 'keys missing in English')
  assert.deepEqual(onlyEn, [], 'keys missing in Swedish')
  for (const [k, v] of Object.entries(sv)) assert.ok(v.trim().length > 0, `empty Swedish text for ${k}`)
})

test('placeholders are the same in both languages', () => {
  const { sv, en } = loadMessages()
  for (const k of Object.keys(sv)) assert.deepEqual(placeholderNames(sv[k]), placeholderNames(en[k] ?? ''), k)
})

test('every i18n key written in the code exists', () => {
  const { sv } = loadMessages()
  const namespaces = [...new Set(Object.keys(sv).map((k) => k.split('.')[0]))]
  // Job and policy names (jobs.send('mail.send'), policy: 'bodies.read') share the dotted style but are not text keys.
  const literal = new RegExp(
    `(?<!(?:define|every|send|register|get|has)\\(|policy: ?|policy === ?)['"\`]((?:${namespaces.join('|')})\\.[A-Za-z0-9_.-]+)(\\.?)['"\`]`,
    'g',
  )
  const templated = new RegExp(`\`((?:${namespaces.join('|')})\\.[A-Za-z0-9_.]*)\\$\\{`, 'g')
  const missing: string[] = []
  for (const file of sourceFiles(SRC)) {
    const text = fs.readFileSync(file, 'utf8')
    for (const m of text.matchAll(literal)) {
      // A literal ending in '.' is a prefix used to build keys; it is checked like a template below.
      if (m[2] === '.') continue
      if (!(m[1] in sv) && !Object.keys(sv).some((k) => k.startsWith(`${m[1]}.`))) missing.push(`${path.relative(SRC, file)}: ${m[1]}`)
    }
    for (const m of text.matchAll(templated)) {
      if (!Object.keys(sv).some((k) => k.startsWith(m[1]))) missing.push(`${path.relative(SRC, file)}: ${m[1]}…`)
    }
  }
  assert.deepEqual(missing, [])
})
