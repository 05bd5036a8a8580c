import assert from 'node:assert/strict'
import { Readable } from 'node:stream'
import { describe, test } from 'node:test'
import v8 from 'node:v8'
import vm from 'node:vm'
import type { TaskProblem } from '../../platform/jobs/tasks.tables.ts'
import { analyseHeader, type CellSum, type ParseOptions, parseSurveyFile, parseWeight } from './import-parse.ts'
import { looksLikeIdentifierHeader, looksLikeIdentifierValue } from './identifiers.ts'

/** Issue 9 §5: the survey file parser, on bytes as users' files have them. */

const QUESTIONS = [
  { key: 'q1', codes: ['1', '2', '3', '4'], reported: ['1', '2'] },
  { key: 'q2', codes: ['ja', 'nej'], reported: ['ja'] },
]
const OPTIONS: ParseOptions = { questions: QUESTIONS, municipalities: new Set(['0580', '0581', '0180', '0114']), years: { min: 2000, max: 2025 } }

const parse = (text: string | Uint8Array, options: Partial<ParseOptions> = {}) =>
  parseSurveyFile(typeof text === 'string' ? Buffer.from(text, 'utf8') : text, { ...OPTIONS, ...options })

async function problemsOf(text: string, options: Partial<ParseOptions> = {}): Promise<TaskProblem[]> {
  const r = await parse(text, options)
  assert.equal(r.ok, false, 'the file is refused')
  return r.ok ? [] : r.problems
}

const cell = (cells: CellSum[], q: string, sex: string, age: string) => cells.find((c) => c.questionKey === q && c.sex === sex && c.ageGroup === age)

const SIX_ROWS = [
  'kommun;ar;kon;aldersgrupp;vikt;q1;q2',
  '0580;2021;kvinna;16-29;1,5;1;ja',
  '0580;2021;kvinna;16-29;2;3;nej',
  '0580;2021;kvinna;16-29;0,5;2;',
  '0580;2021;man;16-29;1;4;nej',
  '0580;2021;man;16-29;3;1;ja',
  '0580;2021;;30-49;2;;ja',
]

describe('the survey file parser', () => {
  test('the five sums of a six-row file, against values computed by hand', async () => {
    const r = await parse(`${SIX_ROWS.join('\n')}\n`)
    assert.ok(r.ok, JSON.stringify(r))
    assert.equal(r.respondents, 6)
    assert.equal(r.answers, 10)
    assert.deepEqual(r.years, [2021])
    assert.equal(r.cells.length, 5)
    const sums = (c?: CellSum) => c && [c.n, c.sumW, c.sumWy, c.sumW2, c.sumW2y]
    // q1, women 16–29: weights 1.5 (y=1), 2 (y=0), 0.5 (y=1) → n 3, Σw 4, Σwy 2, Σw² 2.25+4+0.25, Σw²y 2.25+0.25
    assert.deepEqual(sums(cell(r.cells, 'q1', 'kvinna', '16-29')), [3, 4, 2, 6.5, 2.5])
    // q1, men 16–29: 1 (y=0), 3 (y=1)
    assert.deepEqual(sums(cell(r.cells, 'q1', 'man', '16-29')), [2, 4, 3, 10, 9])
    // q2, women: 1.5 (ja), 2 (nej); the third woman did not answer
    assert.deepEqual(sums(cell(r.cells, 'q2', 'kvinna', '16-29')), [2, 3.5, 1.5, 6.25, 2.25])
    assert.deepEqual(sums(cell(r.cells, 'q2', 'man', '16-29')), [2, 4, 3, 10, 9])
    // An empty kön is its own group; the row's empty q1 is no answer, not a cell.
    assert.deepEqual(sums(cell(r.cells, 'q2', 'uppgift_saknas', '30-49')), [1, 2, 2, 4, 4])
    assert.equal(cell(r.cells, 'q1', 'uppgift_saknas', '30-49'), undefined)
    assert.ok(r.cells.every((c) => c.areaCode === '0580' && c.municipalityCode === '0580' && c.year === 2021))
  })

  test('comma, BOM, CRLF and quoted fields read the same as the plain file', async () => {
    const plain = await parse(`${SIX_ROWS.join('\n')}\n`)
    const comma = SIX_ROWS.map((l) => l.replaceAll(',', '.').replaceAll(';', ','))
    const variants = [
      `\uFEFF${SIX_ROWS.join('\r\n')}\r\n`,
      comma.join('\n'),
      `\uFEFF${comma.join('\r\n')}`,
      // Quoted fields: a quoted delimiter-free value, a quoted header, a doubled quote in an ignored column.
      SIX_ROWS.map((l, i) => `${l.replace(/^(\w+);/, '"$1";')};${i === 0 ? '"not""e"' : '"a ""b"";\nc"'}`).join('\r\n'),
    ]
    for (const [i, v] of variants.entries()) {
      const r = await parse(v, i === 3 ? { mapping: { 'not"e': '' } } : {})
      assert.ok(r.ok, `variant ${i}: ${JSON.stringify(r)}`)
      assert.deepEqual(r.cells, (plain as { cells: CellSum[] }).cells, `variant ${i}`)
      if (i === 3) assert.deepEqual(r.ignoredColumns, ['not"e'])
    }
  })

  test('a file split anywhere, even inside a multi-byte letter, reads the same', async () => {
    const text = `${SIX_ROWS.join('\n').replace('16-29', 'Åtta–nio')}\n`
    const bytes = Buffer.from(text)
    const whole = await parse(bytes)
    for (const size of [1, 2, 3, 7]) {
      const chunks = Readable.from(
        (function* () {
          for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size)
        })(),
      )
      const r = await parseSurveyFile(chunks, OPTIONS)
      assert.deepEqual(r, whole, `chunks of ${size}`)
    }
    assert.ok(whole.ok && whole.cells.some((c) => c.ageGroup === 'Åtta–nio'))
  })

  test('weights with decimal comma or point; ≤ 0 and non-numbers are refused with row and column', async () => {
    assert.equal(parseWeight('1,25'), 1.25)
    assert.equal(parseWeight('1.25'), 1.25)
    assert.equal(parseWeight('2'), 2)
    assert.ok(Number.isNaN(parseWeight('1 000')))
    assert.ok(Number.isNaN(parseWeight('abc')))
    const problems = await problemsOf(
      'kommun;ar;kon;vikt;q1\n0580;2021;man;0;1\n0580;2021;man;-1,5;1\n0580;2021;man;ett;1\n0580;2021;man;;1\n0580;2021;man;1,5;1\n',
    )
    assert.deepEqual(
      problems.map((p) => [p.row, p.column, p.key]),
      [
        [2, 'vikt', 'weightNotPositive'],
        [3, 'vikt', 'weightNotPositive'],
        [4, 'vikt', 'badWeight'],
        [5, 'vikt', 'badWeight'],
      ],
    )
  })

  test('unknown areas, a DeSO of an unknown kommun, an area outside the survey', async () => {
    const problems = await problemsOf(
      [
        'deso;kommun;ar;kon;vikt;q1',
        ';9999;2021;man;1;1',
        '9999A0010;;2021;man;1;1',
        '0580C1010;;2021;man;1;1',
        '0180C1010;;2021;man;1;1',
        ';0180;2021;man;1;1',
        'XYZ;;2021;man;1;1',
        '0580C1010;0581;2021;man;1;1',
        ';;2021;man;1;1',
        ';580;2021;man;1;1',
      ].join('\n'),
      { areas: ['0580'] },
    )
    assert.deepEqual(
      problems.map((p) => [p.row, p.column, p.key, p.params?.value]),
      [
        [2, 'kommun', 'unknownMunicipality', '9999'],
        [3, 'deso', 'unknownDesoMunicipality', '9999A0010'],
        [5, 'deso', 'areaOutsideSurvey', '0180'],
        [6, 'kommun', 'areaOutsideSurvey', '0180'],
        [7, 'deso', 'badDeso', 'XYZ'],
        [8, 'deso', 'desoOtherMunicipality', '0580C1010'],
        [9, 'deso', 'missingArea', undefined],
      ],
    )
  })

  test('DeSO rows keep the DeSO as the area and its first four characters as the kommun', async () => {
    const r = await parse('deso;ar;kon;vikt;q1\n0580c1010;2021;kvinna;1;1\n0580C1010;2021;kvinna;2;3\n0581A0020;2022;man;1;2\n')
    assert.ok(r.ok)
    assert.deepEqual(
      r.cells.map((c) => [c.areaCode, c.municipalityCode, c.year, c.n]),
      [
        ['0580C1010', '0580', 2021, 2],
        ['0581A0020', '0581', 2022, 1],
      ],
    )
    assert.deepEqual(r.years, [2021, 2022])
  })

  test('answer codes outside the scale, a bad kön and years out of range', async () => {
    const problems = await problemsOf(
      'kommun;ar;kon;vikt;q1;q2\n0580;2021;man;1;5;ja\n0580;1999;man;1;1;kanske\n0580;tjugo;Kvinna;1;1;ja\n0580;2021;k;1;1;ja\n0580;2026;MAN;1;1;ja\n',
    )
    assert.deepEqual(
      problems.map((p) => [p.row, p.column, p.key]),
      [
        [2, 'q1', 'badAnswer'],
        [3, 'ar', 'yearOutOfRange'],
        [3, 'q2', 'badAnswer'],
        [4, 'ar', 'badYear'],
        [5, 'kon', 'badSex'],
        [6, 'ar', 'yearOutOfRange'],
      ],
    )
    assert.deepEqual(problems[0].params, { value: '5', codes: '1, 2, 3, 4' })
  })

  test('headers: unknown, missing, duplicated, no question; År and Kön are the canonical names; a mapping renames', async () => {
    const problems = await problemsOf('kommun;år;vikt;fråga9;q1;Q1\n0580;2021;1;1;1;1\n')
    assert.deepEqual(
      problems.map((p) => [p.row, p.column, p.key]),
      [
        [1, 'fråga9', 'unknownColumn'],
        [1, 'Q1', 'duplicateColumn'],
        [1, 'kon', 'missingColumn'],
      ],
    )
    assert.deepEqual(
      (await problemsOf('deso;ar;kon;vikt\n')).map((p) => p.key),
      ['noQuestionColumns'],
    )
    assert.deepEqual(
      (await problemsOf('ar;kon;vikt;q1\n')).map((p) => [p.column, p.key]),
      [['kommun', 'missingAreaColumn']],
    )
    const mapped = await parse('Kommunkod;År;Kön;Vikt;Fråga 1;Löpnr\n0580;2021;Kvinna;1;2;17\n', {
      mapping: { Kommunkod: 'kommun', 'Fråga 1': 'q1', Löpnr: '' },
    })
    assert.ok(mapped.ok, JSON.stringify(mapped))
    assert.deepEqual(mapped.ignoredColumns, ['Löpnr'])
    assert.deepEqual(
      mapped.cells.map((c) => [c.questionKey, c.sex, c.sumWy]),
      [['q1', 'kvinna', 1]],
    )
    const h = analyseHeader(['kommun', 'ar', 'kon', 'vikt', 'q1', 'okänd'], QUESTIONS)
    assert.deepEqual([h.unknown, h.missing, h.identifiers], [['okänd'], [], []])
  })

  test('columns that look like identifiers are refused, even when the mapping would ignore them', async () => {
    for (const h of [
      'Personnummer',
      'pnr',
      'Namn',
      'Förnamn',
      'efternamn',
      'E-post',
      'epostadress',
      'Email',
      'mail',
      'Telefon',
      'Mobilnummer',
      'Adress',
      'Gatuadress',
      'Postnummer',
      'kontakt_mail',
    ])
      assert.ok(looksLikeIdentifierHeader(h), h)
    for (const h of ['kommun', 'deso', 'ar', 'kon', 'aldersgrupp', 'vikt', 'gator_torg_kvall', 'parker_kvall', 'nummer', 'trygg_i_hemmet'])
      assert.ok(!looksLikeIdentifierHeader(h), h)
    const problems = await problemsOf('kommun;ar;kon;vikt;q1;Namn;E-post\n0580;2021;man;1;1;Anna;a@b.se\n', { mapping: { Namn: '' } })
    assert.deepEqual(
      problems.map((p) => [p.row, p.column, p.key]),
      [
        [1, 'Namn', 'identifierColumn'],
        [1, 'E-post', 'identifierColumn'],
      ],
    )
  })

  test('values that look like a personnummer or an e-mail are refused, naming row and column but not the value', async () => {
    for (const v of ['850101-1234', '198501011234', '8501011234', '850161-1234', '19850101-1234', 'anna@example.se']) assert.ok(looksLikeIdentifierValue(v), v)
    for (const v of ['1', '0580C1010', '2021', '1,25', '1234567890', '851301-1234', 'a@b']) assert.ok(!looksLikeIdentifierValue(v), v)
    const problems = await problemsOf('kommun;ar;kon;vikt;q1;lopnr\n0580;2021;man;1;1;17\n0580;2021;man;1;1;850101-1234\n0580;2021;man;1;1;anna@example.se\n', {
      mapping: { lopnr: '' },
    })
    assert.deepEqual(
      problems.map((p) => [p.row, p.column, p.key, p.params]),
      [
        [3, 'lopnr', 'identifierPersonnummer', undefined],
        [4, 'lopnr', 'identifierEmail', undefined],
      ],
    )
    assert.ok(!JSON.stringify(problems).includes('1234'))
  })

  test('a truncated file: the last row short, or a quote never closed', async () => {
    const short = await problemsOf('kommun;ar;kon;vikt;q1\n0580;2021;man;1;1\n0580;2021;ma')
    assert.deepEqual(
      short.map((p) => [p.row, p.key]),
      [[3, 'truncated']],
    )
    const quote = await problemsOf('kommun;ar;kon;vikt;q1\n0580;2021;man;1;1\n0580;2021;"man;1;1\n0580;2021;man;1;1\n')
    assert.deepEqual(
      quote.map((p) => [p.row, p.key]),
      [[3, 'unterminatedQuote']],
    )
    // A short row in the middle is its own problem, not a truncation.
    const middle = await problemsOf('kommun;ar;kon;vikt;q1\n0580;2021;man\n0580;2021;man;1;1;9\n0580;2021;man;1;1\n')
    assert.deepEqual(
      middle.map((p) => [p.row, p.key, p.params?.got]),
      [
        [2, 'tooFewFields', 3],
        [3, 'tooManyFields', 6],
      ],
    )
  })

  test('after 100 problems the reading stops and says so; empty, header-only and non-UTF-8 files', async () => {
    const rows = Array.from({ length: 500 }, () => '0580;2021;man;0;1')
    const problems = await problemsOf(`kommun;ar;kon;vikt;q1\n${rows.join('\n')}\n`)
    assert.equal(problems.length, 101)
    assert.deepEqual(problems[100], { key: 'tooManyProblems', params: { max: 100 } })
    assert.equal(problems[99].row, 101)
    assert.deepEqual(
      (await problemsOf('')).map((p) => p.key),
      ['emptyFile'],
    )
    assert.deepEqual(
      (await problemsOf('kommun;ar;kon;vikt;q1\r\n')).map((p) => p.key),
      ['noRows'],
    )
    const latin1 = Buffer.from('kommun;ar;kon;vikt;q1\n0580;2021;man;1;1\n0580;2021;man;1;1;å\n', 'latin1')
    const r = await parse(latin1)
    assert.ok(!r.ok && r.problems[0].key === 'notUtf8', JSON.stringify(r))
  })

  test('200 000 rows stream through with bounded memory and report progress', async () => {
    v8.setFlagsFromString('--expose-gc')
    const gc = vm.runInNewContext('gc') as () => void
    const ROWS = 200_000
    // Eight more questions, as the Medborgarenkät has: rows of about 70 bytes.
    const EIGHT = Array.from({ length: 8 }, (_, k) => ({ key: `fraga_${k + 1}`, codes: ['1', '2', '3', '4'], reported: ['1', '2'] }))
    let bytes = 0
    const ages = ['16-29', '30-44', '45-64', '65-84']
    const sexes = ['kvinna', 'man', 'annat', '']
    function* file() {
      let chunk = `kommun;ar;kon;aldersgrupp;vikt;q1;q2;${EIGHT.map((q) => q.key).join(';')}\r\n`
      for (let i = 0; i < ROWS; i++) {
        chunk += `0580;${2019 + (i % 3)};${sexes[i % 4]};${ages[(i % 7) % 4]};${(1 + (i % 13) / 10).toFixed(2).replace('.', ',')};${1 + (i % 4)};${i % 5 ? 'ja' : ''};${EIGHT.map((_, k) => 1 + ((i + k) % 4)).join(';')}\r\n`
        if (chunk.length > 60_000) {
          bytes += Buffer.byteLength(chunk)
          yield Buffer.from(chunk)
          chunk = ''
        }
      }
      bytes += Buffer.byteLength(chunk)
      yield Buffer.from(chunk)
    }
    // A first small run compiles the code, so what is measured is the data.
    await parse(`${SIX_ROWS.join('\n')}\n`)
    gc()
    const before = process.memoryUsage().heapUsed
    let peak = 0
    const samples: number[] = []
    const progress: number[] = []
    const t0 = Date.now()
    const r = await parseSurveyFile(Readable.from(file(), { highWaterMark: 2 }), {
      ...OPTIONS,
      questions: [...QUESTIONS, ...EIGHT],
      onProgress: (n) => {
        progress.push(n)
        if (n % 50_000 === 0) {
          gc()
          samples.push(process.memoryUsage().heapUsed - before)
          peak = Math.max(peak, samples.at(-1)!)
        }
      },
    })
    const ms = Date.now() - t0
    assert.ok(r.ok, JSON.stringify(r).slice(0, 500))
    assert.equal(r.respondents, ROWS)
    assert.equal(
      r.cells.reduce((s, c) => s + c.n, 0),
      ROWS + (ROWS * 4) / 5 + 8 * ROWS,
    )
    assert.equal(progress.length, ROWS / 10_000 + 1)
    assert.equal(progress.at(-1), ROWS)
    assert.ok(bytes > 5_000_000, `file of ${bytes} bytes`)
    // What stays in memory is the chunk being read and the cells, not the file.
    assert.ok(peak < bytes / 5, `heap grew by ${peak} bytes for a ${bytes}-byte file`)
    // …and it does not grow with the rows read: the last sample is about the first.
    assert.ok(samples.at(-1)! - samples[0] < 1_000_000, `samples ${samples}`)
    console.log(`${ROWS} rows (${(bytes / 1e6).toFixed(1)} MB) in ${ms} ms, heap growth ${(peak / 1e6).toFixed(2)} MB`)
  })
})
