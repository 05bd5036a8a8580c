import assert from 'node:assert/strict'
import { test } from 'node:test'
import { toCsv } from '../platform/csv/csv.ts'
import { PAYLOADS, csvFindings, htmlFindings, icsFindings, xmlFindings } from './inspect.ts'

/** The detectors are only worth their silence if they speak up: each payload, inserted raw, is caught. */
const page = (body: string) => `<!doctype html><html lang="sv"><head><title>t</title></head><body><main>${body}</main></body></html>`
const esc = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;')

test('there are at least 100 distinct payloads', () => {
  assert.ok(new Set(PAYLOADS).size >= 100, `${new Set(PAYLOADS).size}`)
  assert.equal(new Set(PAYLOADS).size, PAYLOADS.length, 'no duplicates')
})

test('every payload inserted raw into text, an attribute or a link is flagged', () => {
  const missed = PAYLOADS.filter((p) => {
    const contexts = [`<p>${p}</p>`, `<input value="${p}">`, `<input value='${p}'>`, `<input value=${p}>`, `<a href="${p}">x</a>`, `<textarea>${p}</textarea>`]
    return contexts.every((c) => htmlFindings(page(c), 'raw').length === 0)
  })
  assert.deepEqual(missed, [])
})

test('every payload escaped into text and attributes is not flagged', () => {
  for (const p of PAYLOADS) {
    const html = page(
      `<p>${esc(p)}</p><input value="${esc(p)}"><textarea>${esc(p)}</textarea><a href="/x?q=${encodeURIComponent(p)}" title="${esc(p)}">${esc(p)}</a>`,
    )
    assert.deepEqual(htmlFindings(html, p), [])
  }
})

test('a formula cell is flagged, and the platform CSV writer leaves none', () => {
  assert.equal(csvFindings('a;=1+1\r\n', 'x').length, 1)
  assert.equal(csvFindings('a;"@SUM(A1)"\r\n', 'x').length, 1)
  assert.deepEqual(
    csvFindings(
      toCsv(
        ['h'],
        PAYLOADS.map((p) => [p]),
      ),
      'csv',
    ),
    [],
  )
})

test('a payload breaking out of an ICS text property, or raw markup in Word XML, is flagged', () => {
  assert.equal(icsFindings('BEGIN:VEVENT\r\nSUMMARY:x\r\nATTACH:https://xss.example\r\nEND:VEVENT\r\n', 'x').length, 1)
  assert.deepEqual(icsFindings("BEGIN:VEVENT\r\nSUMMARY:<script>alert('xss')</script>\r\nEND:VEVENT\r\n", 'x'), [])
  assert.equal(xmlFindings('<w:document><w:t><script>alert(1)</script></w:t></w:document>', 'x').length > 0, true)
  assert.deepEqual(xmlFindings(`<w:document><w:t>${esc(PAYLOADS[0])}</w:t></w:document>`, 'x'), [])
})
