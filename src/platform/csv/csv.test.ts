import assert from 'node:assert/strict'
import { test } from 'node:test'
import { BOM, csvDateTime, csvField, csvRow, csvText, decimalComma, toCsv } from './csv.ts'

test('a document starts with a UTF-8 BOM and separates fields with ; and records with CRLF', () => {
  const text = toCsv(
    ['Namn', 'Län'],
    [
      ['Linköping', 'Östergötland'],
      ['Malmö', 'Skåne'],
    ],
  )
  assert.ok(text.startsWith(BOM))
  assert.equal(Buffer.from(text, 'utf8').subarray(0, 3).toString('hex'), 'efbbbf')
  assert.equal(text, `${BOM}Namn;Län\r\nLinköping;Östergötland\r\nMalmö;Skåne\r\n`)
})

test('fields with ; " or line breaks are quoted, inner quotes doubled; others are left bare', () => {
  assert.equal(csvField('vanlig text, med komma'), 'vanlig text, med komma')
  assert.equal(csvField('a;b'), '"a;b"')
  assert.equal(csvField('hon sa "hej"'), '"hon sa ""hej"""')
  assert.equal(csvField('rad 1\nrad 2'), '"rad 1\nrad 2"')
  assert.equal(csvField('rad 1\r\nrad 2'), '"rad 1\r\nrad 2"')
  assert.equal(csvField(''), '')
  assert.equal(csvField(null), '')
  assert.equal(csvField(undefined), '')
  assert.equal(csvRow(['x', null, 'y;z']), 'x;;"y;z"\r\n')
})

test('numbers get a decimal comma and no thousands separator', () => {
  assert.equal(decimalComma(12.5), '12,5')
  assert.equal(decimalComma(472446), '472446')
  assert.equal(decimalComma(-0.25), '-0,25')
  assert.equal(decimalComma(2 / 3, 2), '0,67')
  assert.equal(decimalComma(3, 1), '3,0')
  assert.equal(decimalComma(Number.NaN), '')
  assert.equal(csvField(1234.5), '1234,5')
  assert.equal(csvField(-7), '-7', 'numbers are never treated as formulas')
})

test('text that Excel would run as a formula is neutralised, unless the caller opts out', () => {
  assert.equal(csvField('=HYPERLINK("http://x")'), `"'=HYPERLINK(""http://x"")"`)
  assert.equal(csvField('+46 13 20 60 00'), `'+46 13 20 60 00`)
  assert.equal(csvField('-1'), `'-1`)
  assert.equal(csvField('@SUM(A1)'), `'@SUM(A1)`)
  assert.equal(csvField('\t=1+1'), "'\t=1+1")
  assert.equal(csvField('namn@kommun.se'), 'namn@kommun.se')
})

test('date-times are ISO 8601 in Stockholm time with the offset, summer and winter', () => {
  assert.equal(csvDateTime('2026-06-30T22:30:00Z'), '2026-07-01T00:30:00+02:00')
  assert.equal(csvDateTime(new Date('2026-01-15T08:05:09.999Z')), '2026-01-15T09:05:09+01:00')
  // The repeated hour when summer time ends (25 Oct 2026): the offset tells the two 02:30s apart.
  assert.equal(csvDateTime('2026-10-25T00:30:00Z'), '2026-10-25T02:30:00+02:00')
  assert.equal(csvDateTime('2026-10-25T01:30:00Z'), '2026-10-25T02:30:00+01:00')
  assert.equal(csvDateTime('not a date'), '')
})

test('identifiers and hashes that Excel would read as numbers or dates stay text', () => {
  // ="0580" in the cell, written as a quoted CSV field: Excel shows 0580, not 580.
  assert.equal(csvField(csvText('0580')), '"=""0580"""')
  assert.equal(csvField(csvText('0'.repeat(64))), `"=""${'0'.repeat(64)}"""`)
  assert.equal(csvField(csvText('2022-45')), '"=""2022-45"""', 'a diarienummer that looks like a month')
  assert.equal(csvField(csvText('1e5')), '"=""1e5"""')
  assert.equal(csvField(csvText('12,5')), '"=""12,5"""')
  assert.equal(csvField(csvText('-5')), '"=""-5"""', 'the formula wrapper, not an apostrophe, keeps it text')
  // Text Excel leaves alone is written as it is, and formulas in it are still neutralised.
  assert.equal(csvField(csvText('KS 2022/0045')), 'KS 2022/0045')
  const hash = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08'
  assert.equal(csvField(csvText(hash)), hash)
  assert.equal(csvField(csvText('=1+1')), "'=1+1")
  assert.equal(csvField(csvText(null)), '')
  assert.equal(csvRow([csvText('0580'), 'Linköping']), '"=""0580""";Linköping\r\n')
})
