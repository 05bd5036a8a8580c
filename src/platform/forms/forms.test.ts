import assert from 'node:assert/strict'
import { test } from 'node:test'
import { z } from 'zod'
import { DomainError } from '../http/errors.ts'
import { translator } from '../i18n/i18n.ts'
import { isIsoDate, isoDate, optionalIsoDate } from './dates.ts'
import { formErrorOf, formErrorOrThrow } from './form-errors.ts'
import { formValues, parseForm } from './parse-form.ts'

const t = translator('sv')
const Schema = z.object({ name: z.string().min(1), notes: z.string().optional(), startsOn: isoDate('x.required', 'x.invalid'), endsOn: optionalIsoDate() })

test('dates are real calendar days between 1900 and 2100, written ÅÅÅÅ-MM-DD', () => {
  for (const ok of ['1900-01-01', '2026-11-25', '2028-02-29', '2100-12-31']) assert.ok(isIsoDate(ok), ok)
  for (const bad of ['0000-01-01', '1899-12-31', '2101-01-01', '2026-02-30', '2026-13-01', '26-11-25', '2026-11-25T00:00', '20266-01-01', ' 2026-11-25'])
    assert.equal(isIsoDate(bad), false, bad)
})

test('a form date outside the range is an error on its field and is not changed', () => {
  const form = parseForm(Schema, { name: 'Anna', startsOn: '0000-01-01', endsOn: '2101-01-01' }, t)
  assert.equal(form.ok, false)
  if (form.ok) return
  assert.deepEqual(
    form.errors.map((e) => e.field),
    ['startsOn', 'endsOn'],
  )
  assert.match(form.errors[1].message, /mellan 1900-01-01 och 2100-12-31/)
  assert.equal(form.values.startsOn, '0000-01-01')
})

test('control characters are refused on their field; tab and line breaks are ordinary text', () => {
  const bad = parseForm(Schema, { _csrf: 'x', name: 'An\u0000na', notes: 'rad 1\r\nrad\t2', startsOn: '2026-11-25' }, t)
  assert.equal(bad.ok, false)
  if (bad.ok) return
  assert.deepEqual(bad.errors, [{ field: 'name', message: t('platform.forms.controlCharacters') }])
  assert.deepEqual(bad.values, { name: 'An\u0000na', notes: 'rad 1\r\nrad\t2', startsOn: '2026-11-25' })
  for (const ch of ['\u0001', '\u0008', '\u000b', '\u001f', '\u007f', '\u0085'])
    assert.equal(parseForm(Schema, { name: `a${ch}`, startsOn: '2026-11-25' }, t).ok, false)
  const good = parseForm(Schema, { name: 'Anna', notes: 'rad 1\r\nrad\t2', startsOn: '2026-11-25' }, t)
  assert.deepEqual(good, { ok: true, data: { name: 'Anna', notes: 'rad 1\r\nrad\t2', startsOn: '2026-11-25' } })
})

test('form values keep text and lists, and leave out the CSRF token and files', () => {
  const file = { filename: 'a.pdf', data: Buffer.from('x'), truncated: false }
  assert.deepEqual(formValues({ _csrf: 't', a: 'x', b: ['1', '2'], file, n: 3 }), { a: 'x', b: ['1', '2'] })
})

test('a rule violation naming a field becomes that field’s form error; others are left to the error handler', () => {
  const field = new DomainError('overlap', 'platform.forms.invalid', 422, 'validFrom')
  assert.deepEqual(formErrorOf(field, t), { status: 400, errors: [{ field: 'validFrom', message: t('platform.forms.invalid') }] })
  const conflict = new DomainError('cycle', 'platform.forms.invalid', 409, 'parentBodyId')
  assert.equal(formErrorOf(conflict, t)?.status, 409)
  const step = new DomainError('late', 'platform.forms.invalid', 400, 'step')
  assert.deepEqual(formErrorOf(step, t, { standalone: ['step'] })?.errors, [{ field: '', message: t('platform.forms.invalid') }])
  const noField = new DomainError('own', 'platform.forms.invalid', 403)
  assert.equal(formErrorOf(noField, t), undefined)
  assert.equal(formErrorOf(noField, t, { formLevel: (e) => e.code === 'own' })?.errors[0].field, '')
  assert.throws(() => formErrorOrThrow(new Error('boom'), t), /boom/)
  assert.throws(
    () => formErrorOrThrow(noField, t),
    (e) => e === noField,
  )
})
