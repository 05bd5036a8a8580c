import assert from 'node:assert/strict'
import { test } from 'node:test'
import { fillMessage, messages } from './i18n.ts'
import { applyPlurals, placeholderNames } from './plural.ts'

const MEETINGS = '{count, plural, one {# möte} other {# möten}}'

test('Swedish and English choose the singular for one and the plural otherwise', () => {
  assert.equal(applyPlurals(MEETINGS, { count: 1 }, 'sv'), '1 möte')
  assert.equal(applyPlurals(MEETINGS, { count: 2 }, 'sv'), '2 möten')
  assert.equal(applyPlurals(MEETINGS, { count: 0 }, 'sv'), '0 möten')
  assert.equal(applyPlurals('{n, plural, one {# member} other {# members}}', { n: 1 }, 'en'), '1 member')
  assert.equal(applyPlurals('{n, plural, one {# member} other {# members}}', { n: 12 }, 'en'), '12 members')
})

test('an exact case wins over the category, and the number is formatted for the language', () => {
  const text = '{count, plural, =0 {inga möten} one {ett möte} other {# möten}}'
  assert.equal(applyPlurals(text, { count: 0 }, 'sv'), 'inga möten')
  assert.equal(applyPlurals(text, { count: 1 }, 'sv'), 'ett möte')
  assert.equal(applyPlurals(text, { count: 1200 }, 'sv'), '1\u202F200 möten')
})

test('plain placeholders around a plural are filled in too', () => {
  assert.equal(fillMessage(`{who} har ${MEETINGS} i {body}`, { who: 'Ada', count: 1, body: 'styrgruppen' }, 'sv'), 'Ada har 1 möte i styrgruppen')
  assert.deepEqual(placeholderNames(`{who} har ${MEETINGS} i {body}`), ['body', 'count', 'who'])
})

test('every plural message in the locale files has an "other" case', () => {
  for (const [locale, all] of Object.entries(messages())) {
    for (const [key, text] of Object.entries(all)) {
      for (const m of text.matchAll(/\{\w+, ?plural,(.*)\}/g)) assert.match(m[1], /other\s*\{/, `${locale} ${key}`)
    }
  }
})
