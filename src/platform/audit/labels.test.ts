import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { after, before, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { buildTestApp, type TestApp } from '../../test-support/test-app.ts'
import { messages } from '../i18n/i18n.ts'
import type { AuditLabelRegistry } from './labels.ts'

/**
 * Issue 6 E15: the audit log speaks Swedish (and English). The action codes and entity types are
 * read from the source itself — every `action: '…'` and `entityType: '…'` outside the tests, in src/
 * and db/ — so a code another engineer adds tomorrow without a label fails here. The labels are the
 * ones the whole application registers on `deps.auditLabels`.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name)
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'test-support' ? [] : sourceFiles(full)
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$|test-factories\.ts$/.test(e.name) ? [full] : []
  })
}

/** String literals that look like codes on the lines that set `key:` (ternaries give two). */
function literalsAfter(key: string, pattern: RegExp): Map<string, string> {
  const found = new Map<string, string>()
  for (const file of [...sourceFiles(path.join(ROOT, 'src')), ...sourceFiles(path.join(ROOT, 'db'))]) {
    const lines = fs.readFileSync(file, 'utf8').split('\n')
    lines.forEach((line, i) => {
      const at = line.search(new RegExp(`\\b${key}:\\s*['\`a-zA-Z(]`))
      if (at < 0) return
      for (const m of line.slice(at).matchAll(/(?<!\()'([^'\s]+)'/g)) if (pattern.test(m[1])) found.set(m[1], `${path.relative(ROOT, file)}:${i + 1}`)
    })
  }
  return found
}

const actions = literalsAfter('action', /^[a-z_]+(\.[a-z_]+)+$/)
const entityTypes = literalsAfter('entityType', /^[a-z_]+$/)
const { sv, en } = messages()

let t: TestApp
let labels: AuditLabelRegistry
before(async () => {
  t = await buildTestApp()
  labels = t.deps.auditLabels
})
after(() => t.close())

test('the scan finds the action codes the code base writes', () => {
  for (const code of ['session.login', 'user.created', 'role.granted', 'meeting.created', 'reference.loaded', 'user.deactivated', 'user.reactivated'])
    assert.ok(actions.has(code), code)
  assert.ok(actions.size >= 40, `${actions.size} codes`)
  assert.ok(entityTypes.has('user') && entityTypes.has('meeting'))
})

test('every action code has a label in Swedish and in English', () => {
  const missing = [...actions]
    .filter(([code]) => {
      const key = labels.actionKey(code)
      return !key || !sv[key] || !en[key]
    })
    .map(([code, where]) => `${code} (${where})`)
  assert.deepEqual(missing, [], `action codes without a label in both languages: ${missing.join(', ')}`)
})

test('every entity type has a label in Swedish and in English', () => {
  const missing = [...entityTypes]
    .filter(([type]) => {
      const key = labels.entityKey(type)
      return !key || !sv[key] || !en[key]
    })
    .map(([type, where]) => `${type} (${where})`)
  assert.deepEqual(missing, [], `entity types without a label in both languages: ${missing.join(', ')}`)
})
