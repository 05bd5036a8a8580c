import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { parseCsv } from '../../platform/csv/csv-parse.ts'
import { toXlsx } from '../../platform/xlsx/xlsx.ts'
import { readImportFile } from './import-read.ts'
import { parseSwedishNumber, validateImport } from './import-validate.ts'
import type { PlanItem } from './plans.repo.ts'

describe('reading CSV as Swedish Excel writes it', () => {
  test('BOM, semicolons, quoted separators and line breaks, CRLF', () => {
    const r = parseCsv(Buffer.from('\uFEFFId;Rubrik\r\nA1;"Sök; i skolmiljö"\r\nA2;"två\r\nrader ""citat"""\r\n'))
    assert.ok(r.ok)
    assert.equal(r.separator, ';')
    assert.deepEqual(r.rows, [
      ['Id', 'Rubrik'],
      ['A1', 'Sök; i skolmiljö'],
      ['A2', 'två\r\nrader "citat"'],
    ])
  })

  test('a comma-separated file is read when the header has no semicolon', () => {
    const r = parseCsv(Buffer.from('Id,Rubrik\nA1,"1,5 timmar"\n'))
    assert.ok(r.ok)
    assert.deepEqual(r.rows[1], ['A1', '1,5 timmar'])
  })

  test('Windows-1252 bytes are refused rather than garbled, and so is an unclosed quote', () => {
    assert.deepEqual(parseCsv(Buffer.from([0x49, 0x64, 0x3b, 0xc5, 0x0d, 0x0a])), { ok: false, reason: 'encoding' })
    assert.deepEqual(parseCsv(Buffer.from('Id;Rubrik\nA1;"öppen\n')), { ok: false, reason: 'quote' })
  })

  test('our own export’s apostrophe and ="…" wrappers come off again; XLSX is read by its bytes', async () => {
    const csv = await readImportFile({ filename: 'x.xlsx', truncated: false, data: Buffer.from('Id;Rubrik;Period\r\n"=""0580""";\'=1+2;"=""2026-11"""\r\n') })
    assert.ok(csv.ok)
    assert.equal(csv.format, 'csv')
    assert.deepEqual(csv.rows[1], ['0580', '=1+2', '2026-11'])
    const xlsx = await readImportFile({
      filename: 'plan.csv',
      truncated: false,
      data: await toXlsx('Blad', ['Id', 'Rubrik', 'Mål antal'], [['A1', '=1+2', 2.5]]),
    })
    assert.ok(xlsx.ok)
    assert.equal(xlsx.format, 'xlsx')
    assert.deepEqual(xlsx.rows[1], ['A1', '=1+2', '2.5'])
  })
})

test('numbers as Swedes write them', () => {
  assert.equal(parseSwedishNumber('1 234,5'), 1234.5)
  assert.equal(parseSwedishNumber('2.5'), 2.5)
  assert.equal(parseSwedishNumber('−3'), -3)
  assert.equal(parseSwedishNumber('tre'), undefined)
  assert.equal(parseSwedishNumber('1,2,3'), undefined)
})

const plan = { periodStart: '2026-01-01', periodEnd: '2027-12-31' }
const AP = ['Id', 'Typ', 'Nr', 'Rubrik', 'Problem', 'Orsaker', 'Start', 'Slut', 'Ansvarig part', 'Period', 'Status', 'Utfall', 'Timmar']
const validate = (rows: string[][], items: PlanItem[] = []) =>
  validateImport({ kind: 'action_plan', plan, items, parties: new Map([['linköpings kommun', 'org-1']]), today: '2026-12-03', rows })

describe('checking an åtgärdsplan file', () => {
  test('a good file: references may point forward, example rows are passed over, unknown columns are named', () => {
    const r = validate([
      [...AP, 'Egen anteckning'],
      ['A1', 'åtgärd', '', 'Belysning', '', 'O1, O2', '2026-03-01', '2026-12-31', 'Linköpings kommun', '2026-11', 'Enligt plan', '4', '2,5', 'x'],
      ['O1', 'orsak', '1', 'Mörkt', 'P1', '', '', '', '', '', '', '', '', ''],
      ['O2', 'Orsak', '2', 'Buskage', 'P1', '', '', '', '', '', '', '', '', ''],
      ['P1', 'problem', '1', 'Otrygghet', '', '', '', '', '', '', '', '', '', ''],
      ['EXEMPEL-1', 'nonsens', '', '', '', '', '', '', '', '', '', '', '', ''],
      ['', '', '', '', '', '', '', '', '', '', '', '', '', ''],
    ])
    assert.ok(r.ok, JSON.stringify(r))
    assert.equal(r.ops.length, 4)
    assert.equal(r.examples, 1)
    assert.deepEqual(r.ignoredHeaders, ['Egen anteckning'])
    const measure = r.ops[0]
    assert.equal(measure.kind, 'measure')
    assert.deepEqual(measure.linkRefs, ['O1', 'O2'])
    assert.equal(measure.values.responsibleOrganisationId, 'org-1')
    assert.deepEqual(
      { key: measure.entry?.period.key, status: measure.entry?.status, out: measure.entry?.outputValue, h: measure.entry?.hours },
      {
        key: '2026-11',
        status: 'on_track',
        out: 4,
        h: 2.5,
      },
    )
    assert.equal(r.ops[1].parentRef, 'P1')
  })

  test('every problem is listed with its row and column, and the check goes on past the first', () => {
    const r = validate([
      AP,
      ['A1', 'åtgärd', '', 'Belysning', '', 'O9', '2026-13-01', '', 'Motala kommun', '2026-11', 'pågår', 'fyra', ''],
      ['A1', 'åtgärd', '', 'Igen', '', '', '', '', '', '', '', '', ''],
      ['P1', 'problem', '', '', '', '', '', '', '', '2026-11', 'klar', '', ''],
      ['A2', 'åtgärd', '', 'Framtid', '', '', '', '', '', '2027-05', 'klar', '', ''],
      ['A3', 'åtgärd', '', 'Kvartal', '', '', '', '', '', '2026-Q3', 'klar', '', ''],
      ['A4', 'insats', '', 'Fel typ', '', '', '', '', '', '', '', '', '1'],
    ])
    assert.ok(!r.ok)
    const got = r.problems.map((p) => `${p.row} ${p.column} ${p.key}`)
    assert.deepEqual(got, [
      '2 Start date',
      '2 Ansvarig part unknownParty',
      '2 Status choice.status',
      '2 Utfall number',
      '2 Orsaker unknownCause',
      '3 Id duplicateId',
      '4 Rubrik required',
      '4 Period notFollowedUp',
      '5 Period periodFuture',
      '6 Period periodCadence',
      '7 Typ choice.type',
    ])
    assert.deepEqual(r.problems.find((p) => p.key === 'choice.status')?.params, {
      value: 'pågår',
      choices: ['ej påbörjad', 'enligt plan', 'risk', 'avvikelse', 'klar'],
    })
  })

  test('a missing required column is reported on the header row; a row’s type cannot change', () => {
    const missing = validate([
      ['Id', 'Rubrik'],
      ['A1', 'x'],
    ])
    assert.ok(!missing.ok)
    assert.deepEqual(
      missing.problems.map((p) => `${p.row} ${p.column} ${p.key}`),
      ['1 Typ missingColumn'],
    )
    const existing = { id: '00000000-0000-4000-8000-000000000001', kind: 'cause', externalId: 'A1' } as PlanItem
    const changed = validate([AP, ['a1', 'åtgärd', '', 'x', '', '', '', '', '', '', '', '', '']], [existing])
    assert.ok(!changed.ok)
    assert.equal(changed.problems[0].key, 'kindChanged')
  })
})
