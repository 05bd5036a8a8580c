import assert from 'node:assert/strict'
import { test } from 'node:test'
import { z } from 'zod'
import { translator } from '../i18n/i18n.ts'
import { parseForm } from './parse-form.ts'

test('text that is too long is refused with the limit, even where the schema names its own message', () => {
  const schema = z.object({
    name: z.string().max(200, { error: 'collaborations.errors.tooLong' }),
    note: z.string().max(5000),
  })
  const sv = parseForm(schema, { name: 'x'.repeat(201), note: 'y'.repeat(5001) }, translator('sv'))
  assert.equal(sv.ok, false)
  assert.deepEqual(!sv.ok && sv.errors, [
    { field: 'name', message: 'Skriv högst 200 tecken' },
    { field: 'note', message: 'Skriv högst 5000 tecken' },
  ])
  const en = parseForm(schema, { name: 'x'.repeat(201), note: 'ok' }, translator('en'))
  assert.deepEqual(!en.ok && en.errors, [{ field: 'name', message: 'Enter at most 200 characters' }])
})

test('a list that is too long keeps the schema’s own message', () => {
  const schema = z.object({ ids: z.array(z.string()).max(1, { error: 'platform.forms.invalid' }) })
  const res = parseForm(schema, { ids: ['a', 'b'] }, translator('sv'))
  assert.deepEqual(!res.ok && res.errors, [{ field: 'ids', message: 'Värdet är inte giltigt' }])
})
