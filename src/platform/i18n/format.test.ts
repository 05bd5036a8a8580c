import assert from 'node:assert/strict'
import { test } from 'node:test'
import { formatDate, formatDateTime, formatIsoDate, formatNumber } from './format.ts'
import { negotiateLocale } from './i18n.ts'

test('dates are shown as Swedish users expect, in Stockholm time', () => {
  assert.equal(formatIsoDate('2026-11-25'), '2026-11-25')
  assert.equal(formatDate('2026-11-25', 'sv'), '25 nov. 2026')
  assert.equal(formatDateTime(new Date('2026-06-30T22:30:00Z'), 'sv'), '2026-07-01 00:30')
})

test('numbers use a decimal comma and a narrow space between thousands in Swedish', () => {
  assert.equal(formatNumber(472446, 'sv'), '472\u202F446')
  assert.equal(formatNumber(12.5, 'sv', 1), '12,5')
  assert.equal(formatNumber(472446.5, 'en'), '472,446.5')
})

test('locale comes from the cookie, then Accept-Language, then Swedish', () => {
  assert.equal(negotiateLocale('en', 'sv'), 'en')
  assert.equal(negotiateLocale(undefined, 'de-DE, en-GB;q=0.8, sv;q=0.5'), 'en')
  assert.equal(negotiateLocale(undefined, 'fi, de'), 'sv')
  assert.equal(negotiateLocale('xx', undefined), 'sv')
})
