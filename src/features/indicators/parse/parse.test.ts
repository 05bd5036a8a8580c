import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { csvRows } from '../import-read.ts'
import { membersOf, populationFor, populationTable } from '../per-capita.ts'
import { areaLookup } from './areas.ts'
import { normaliseBreakdown } from './breakdown.ts'
import { parseBra } from './bra.ts'
import { parseBraWide } from './bra-wide.ts'
import { parseCell } from './cells.ts'
import { parseLong } from './long.ts'
import { parseNtu } from './ntu.ts'
import { normalisePeriod } from './periods.ts'
import { parsePopulation } from './population.ts'
import type { IndicatorMeta, ParseContext, ParseResult } from './types.ts'

/** A handful of real municipalities, with the formal names the organisations table holds. */
const areas = areaLookup({
  municipalities: [
    { code: '1440', name: 'Ale' },
    { code: '2080', name: 'Falun' },
    { code: '0180', name: 'Stockholm' },
    { code: '2023', name: 'Malung-Sälen' },
    { code: '0580', name: 'Linköping' },
    { code: '0512', name: 'Ydre' },
  ],
  formalNames: [
    { code: '1440', name: 'Ale kommun' },
    { code: '2080', name: 'Falu kommun' },
    { code: '0180', name: 'Stockholms stad' },
    { code: '2023', name: 'Malung-Sälens kommun' },
    { code: '0580', name: 'Linköpings kommun' },
    { code: '0512', name: 'Ydre kommun' },
  ],
  counties: [
    { code: '01', name: 'Stockholms län' },
    { code: '05', name: 'Östergötlands län' },
  ],
})

const bra: IndicatorMeta = { key: 'bra_anmalda_brott_totalt', name: 'Anmälda brott, totalt', unit: 'count', periodType: 'year', breakdowns: [] }
const drugs: IndicatorMeta = { key: 'bra_anmalda_narkotikabrott', name: 'Anmälda brott: narkotikabrott', unit: 'count', periodType: 'year', breakdowns: [] }
const ntu: IndicatorMeta = { key: 'ntu_otrygg_ute_sent', name: 'Otrygg ute sent', unit: 'percent', periodType: 'year', breakdowns: ['kon'] }
const streets: IndicatorMeta = {
  key: 'medborgarenkat_trygg_gator_torg',
  name: 'Trygg på gator och torg',
  unit: 'percent',
  periodType: 'year',
  breakdowns: ['kon'],
}
const ctx = (over: Partial<ParseContext> = {}): ParseContext => ({ indicator: bra, indicators: [bra, drugs, ntu, streets], areas, source: 'csv', ...over })

/** The bytes as the source writes them, through the platform's CSV reader. */
const rowsOf = (bytes: string | Buffer) => {
  const r = csvRows(typeof bytes === 'string' ? Buffer.from(bytes) : bytes)
  assert.ok(r.ok)
  return r.rows
}
const problemsOf = (r: ParseResult) => {
  assert.equal(r.ok, false, 'expected the file to be refused')
  return r.ok ? [] : r.problems
}
const observationsOf = (r: ParseResult) => {
  assert.ok(r.ok, JSON.stringify(!r.ok && r.problems))
  return r.observations
}

describe('cells', () => {
  test('decimal comma, thousands by space, no-break space or thin space, .. and -', () => {
    assert.deepEqual(parseCell('1 234'), { kind: 'value', value: 1234 })
    assert.deepEqual(parseCell('1\u00a0452\u00a0001'), { kind: 'value', value: 1452001 })
    assert.deepEqual(parseCell('12\u202f345,5'), { kind: 'value', value: 12345.5 })
    assert.deepEqual(parseCell('25,4'), { kind: 'value', value: 25.4 })
    assert.deepEqual(parseCell('25.4'), { kind: 'value', value: 25.4 })
    assert.deepEqual(parseCell('..'), { kind: 'suppressed' })
    assert.deepEqual(parseCell('-'), { kind: 'value', value: 0 })
    assert.deepEqual(parseCell('–'), { kind: 'value', value: 0 })
    assert.deepEqual(parseCell(' '), { kind: 'empty' })
    assert.equal(parseCell('12 34').kind, 'invalid')
    assert.equal(parseCell('1,2,3').kind, 'invalid')
    assert.equal(parseCell('tolv').kind, 'invalid')
  })

  test('periods follow the period type', () => {
    assert.equal(normalisePeriod('year', '2024'), '2024')
    assert.equal(normalisePeriod('year', '2024-05'), undefined)
    assert.equal(normalisePeriod('tertial', '2024-t1'), '2024-T1')
    assert.equal(normalisePeriod('tertial', '2024-T4'), undefined)
    assert.equal(normalisePeriod('quarter', '2024-Q2'), '2024-Q2')
    assert.equal(normalisePeriod('month', '2024-05'), '2024-05')
    assert.equal(normalisePeriod('month', '2024-13'), undefined)
  })

  test('area names: bare, formal, en dash or hyphen, any case; counties only by their full name', () => {
    assert.equal(areas.find('Ale'), '1440')
    assert.equal(areas.find('Falu kommun'), '2080')
    assert.equal(areas.find('FALUN'), '2080')
    assert.equal(areas.find('Stockholms stad'), '0180')
    assert.equal(areas.find('Malung–Sälen'), '2023')
    assert.equal(areas.find('Malung - Sälen'), '2023')
    assert.equal(areas.find('Hela landet'), '00')
    assert.equal(areas.find('Stockholms län'), '01')
    assert.equal(areas.find('0580'), '0580')
    assert.equal(areas.find('9999'), undefined)
    assert.equal(areas.find('Atlantis'), undefined)
  })

  test('breakdowns are written one way: keys sorted, kön as kon, values checked', () => {
    assert.deepEqual(normaliseBreakdown('', ['kon']), { ok: true, value: '' })
    assert.deepEqual(normaliseBreakdown('Kön=Kvinna', ['kon']), { ok: true, value: 'kon=kvinna' })
    assert.deepEqual(normaliseBreakdown('kon=man;aldersgrupp=16–24', ['kon', 'aldersgrupp']), { ok: true, value: 'aldersgrupp=16-24;kon=man' })
    assert.equal(normaliseBreakdown('kon=kvinnor', ['kon']).ok, false)
    assert.equal(normaliseBreakdown('aldersgrupp=16-24', ['kon']).ok, false)
    assert.equal(normaliseBreakdown('kvinna', ['kon']).ok, false)
  })
})

describe("Brå's municipal table", () => {
  const file = Buffer.concat([
    Buffer.from([0xef, 0xbb, 0xbf]),
    Buffer.from(
      'Anmälda brott 2024, samtliga brott\r\n' +
        'Kommun;Antal;Per 100 000 inv.\r\n' +
        'Hela landet;1\u00a0452\u00a0001;13 802\r\n' +
        'Ale;2 410;7 632\r\n' +
        'Falu kommun;4101;6 980,5\r\n' +
        'Stockholms stad;129 001;13 150\r\n' +
        'Malung–Sälen;..;..\r\n' +
        'Ydre;-;-\r\n' +
        '\r\n',
    ),
  ])

  test('BOM, CRLF, a title line, nbsp thousands, formal names, en dash, .. suppressed and - as 0', () => {
    const obs = observationsOf(parseBra(rowsOf(file), ctx({ period: '2024' })))
    const by = Object.fromEntries(obs.map((o) => [o.areaCode, o]))
    assert.deepEqual(Object.keys(by).sort(), ['00', '0180', '0512', '1440', '2023', '2080'])
    assert.equal(by['00'].value, 1452001)
    assert.equal(by['1440'].value, 2410)
    assert.equal(by['2080'].value, 4101)
    assert.equal(by['0180'].value, 129001)
    assert.deepEqual([by['2023'].value, by['2023'].suppressed], [null, true], 'suppressed, never 0')
    assert.deepEqual([by['0512'].value, by['0512'].suppressed], [0, false])
    for (const o of obs) assert.equal(o.period, '2024')
    assert.equal(by['1440'].row, 4)
  })

  test('an unknown municipality is an error naming it, with row and column', () => {
    const problems = problemsOf(parseBra(rowsOf('Kommun;Antal;Per 100 000 inv.\r\nAle;12;3\r\nAtlantis;5;1\r\n'), ctx({ period: '2024' })))
    assert.deepEqual(problems, [{ row: 3, column: 'Kommun', key: 'unknownArea', params: { name: 'Atlantis' } }])
  })

  test('a truncated or ragged row, text in Antal, an empty value and the same municipality twice are errors', () => {
    const problems = problemsOf(
      parseBra(
        rowsOf('Kommun;Antal;Per 100 000 inv.\r\nAle;12;3\r\nYdre;tolv;3\r\nFalun;;1\r\nLinköping;7;1;extra\r\nale;4;1\r\nStockholms stad;15'),
        ctx({ period: '2024' }),
      ),
    )
    assert.deepEqual(
      problems.map((p) => [p.row, p.column, p.key]),
      [
        [3, 'Antal', 'notNumber'],
        [4, 'Antal', 'valueEmpty'],
        [5, '4', 'extraField'],
        [6, 'Kommun', 'duplicate'],
        [7, 'Per 100 000 inv.', 'missingField'],
      ],
    )
  })

  test('a file without the heading row, or with a negative count, is refused', () => {
    assert.equal(problemsOf(parseBra(rowsOf('Ort;Värde\r\nAle;1\r\n'), ctx({ period: '2024' })))[0].key, 'braHeader')
    assert.equal(problemsOf(parseBra(rowsOf('Kommun;Antal\r\nAle;-5\r\n'), ctx({ period: '2024' })))[0].key, 'negative')
  })
})

describe("Brå's wide table", () => {
  test('by area: years across, the chosen indicator', () => {
    const obs = observationsOf(parseBraWide(rowsOf('\ufeffKommun;2019;2020;2021\r\nAle;1 200;1 150;\r\nMalung–Sälen;..;3;-\r\n'), ctx()))
    assert.deepEqual(
      obs.map((o) => [o.indicatorKey, o.areaCode, o.period, o.value, o.suppressed]),
      [
        ['bra_anmalda_brott_totalt', '1440', '2019', 1200, false],
        ['bra_anmalda_brott_totalt', '1440', '2020', 1150, false],
        ['bra_anmalda_brott_totalt', '2023', '2019', null, true],
        ['bra_anmalda_brott_totalt', '2023', '2020', 3, false],
        ['bra_anmalda_brott_totalt', '2023', '2021', 0, false],
      ],
    )
  })

  test('by offence type: each row fills its indicator for the area given', () => {
    const obs = observationsOf(
      parseBraWide(rowsOf('Brottstyp;2023;2024\r\nSamtliga brott;21 345;20 876\r\nNarkotikabrott;1 203;..\r\n'), ctx({ area: '0580' })),
    )
    assert.deepEqual(
      obs.map((o) => [o.indicatorKey, o.areaCode, o.period, o.value]),
      [
        ['bra_anmalda_brott_totalt', '0580', '2023', 21345],
        ['bra_anmalda_brott_totalt', '0580', '2024', 20876],
        ['bra_anmalda_narkotikabrott', '0580', '2023', 1203],
        ['bra_anmalda_narkotikabrott', '0580', '2024', null],
      ],
    )
  })

  test('a heading that is not a year, an unknown offence type, an area missing are errors', () => {
    assert.deepEqual(
      problemsOf(parseBraWide(rowsOf('Kommun;2019;år 2020\r\nAle;1;2\r\n'), ctx())).map((p) => [p.row, p.column, p.key]),
      [[1, 'år 2020', 'periodHeader']],
    )
    assert.deepEqual(
      problemsOf(parseBraWide(rowsOf('Brottstyp;2023\r\nCykelstölder;12\r\n'), ctx({ area: '0580' }))).map((p) => [p.row, p.column, p.key, p.params?.name]),
      [[2, 'Brottstyp', 'unknownOffence', 'Cykelstölder']],
    )
    assert.equal(problemsOf(parseBraWide(rowsOf('Brottstyp;2023\r\nNarkotikabrott;12\r\n'), ctx()))[0].key, 'areaNeeded')
    assert.deepEqual(
      problemsOf(parseBraWide(rowsOf('Kommun;2019;2020\r\nAle;1;2\r\nAtlantis;1\r\n'), ctx())).map((p) => [p.row, p.column, p.key]),
      [[3, '2020', 'missingField']],
    )
  })
})

describe('NTU county workbook', () => {
  const sheet = {
    name: 'ntu_otrygg_ute_sent',
    rows: [
      ['Andel som känner sig otrygga ute sent en kväll i det egna bostadsområdet, Östergötlands län'],
      ['Grupp', '2022', '2023', '2024', '2024 KI låg', '2024 KI hög', '2024 Antal svarande'],
      ['Samtliga 16–84 år', '26', '25.4', '24,8', '23,1', '26,5', '2 100'],
      ['Män', '14', '..', '12.9', '11.2', '14.6', '1000'],
      ['Kvinnor', '38', '37.5', '36.6', '34.2', '39', '1100'],
    ],
  }

  test('years across, the interval and respondents of the latest year, Män and Kvinnor as kon', () => {
    const obs = observationsOf(parseNtu([{ name: 'Innehåll', rows: [['Tabeller']] }, sheet], ctx({ indicator: ntu, area: '05', source: 'xlsx' })))
    assert.equal(obs.length, 9, 'three groups × three years, the suppressed cell included')
    const women2024 = obs.find((o) => o.breakdown === 'kon=kvinna' && o.period === '2024')!
    assert.deepEqual([women2024.value, women2024.ciLow, women2024.ciHigh, women2024.baseN, women2024.areaCode], [36.6, 34.2, 39, 1100, '05'])
    const all2024 = obs.find((o) => o.breakdown === '' && o.period === '2024')!
    assert.deepEqual([all2024.value, all2024.baseN], [24.8, 2100])
    const men2023 = obs.find((o) => o.breakdown === 'kon=man' && o.period === '2023')!
    assert.deepEqual([men2023.value, men2023.suppressed], [null, true])
    assert.equal(obs.find((o) => o.period === '2022' && o.breakdown === '')!.ciLow, null)
  })

  test('an unknown group, an interval that does not hold the value, and a workbook without the sheet are refused', () => {
    const bad = { ...sheet, rows: [sheet.rows[1], ['Barn', '1', '2', '3', '', '', ''], ['Män', '14', '13', '12,9', '13', '14,6', '']] }
    assert.deepEqual(
      problemsOf(parseNtu([bad], ctx({ indicator: ntu, area: '05', source: 'xlsx' }))).map((p) => [p.row, p.key]),
      [
        [2, 'ntuGroup'],
        [3, 'valueOutsideInterval'],
      ],
    )
    assert.equal(
      problemsOf(
        parseNtu(
          [
            { name: 'a', rows: [] },
            { name: 'b', rows: [] },
          ],
          ctx({ indicator: ntu, area: '05', source: 'xlsx' }),
        ),
      )[0].key,
      'ntuSheet',
    )
  })
})

describe('long format', () => {
  const header = 'indikator;omrade;period;uppdelning;varde;undertryckt;bas_n;ki_lag;ki_hog;preliminar\r\n'

  test('every column read, names and codes for areas, suppressed without a value', () => {
    const obs = observationsOf(
      parseLong(
        rowsOf(
          `${header}medborgarenkat_trygg_gator_torg;0580;2021;kon=kvinna;20;nej;412;16,1;24,6;nej\r\n` +
            'medborgarenkat_trygg_gator_torg;Linköping;2021;kon=man;34;;;;;ja\r\n' +
            'ntu_otrygg_ute_sent;Östergötlands län;2024;;;ja;;;;\r\n' +
            'bra_anmalda_brott_totalt;Hela landet;2024;;..;;;;;\r\n',
        ),
        ctx(),
      ),
    )
    assert.deepEqual(
      obs.map((o) => [o.indicatorKey, o.areaCode, o.breakdown, o.value, o.suppressed, o.baseN, o.ciLow, o.ciHigh, o.preliminary]),
      [
        ['medborgarenkat_trygg_gator_torg', '0580', 'kon=kvinna', 20, false, 412, 16.1, 24.6, false],
        ['medborgarenkat_trygg_gator_torg', '0580', 'kon=man', 34, false, null, null, null, true],
        ['ntu_otrygg_ute_sent', '05', '', null, true, null, null, null, false],
        ['bra_anmalda_brott_totalt', '00', '', null, true, null, null, null, false],
      ],
    )
  })

  test('each wrong cell is an error with its row and column', () => {
    const problems = problemsOf(
      parseLong(
        rowsOf(
          `${header}okand_indikator;0580;2021;;1;;;;;\r\n` +
            'medborgarenkat_trygg_gator_torg;0580;2021-05;kon=kvinna;20;;;;;\r\n' +
            'medborgarenkat_trygg_gator_torg;0580;2021;kon=barn;20;;;;;\r\n' +
            'medborgarenkat_trygg_gator_torg;0580;2021;;120;;;;;\r\n' +
            'medborgarenkat_trygg_gator_torg;0580;2021;kon=man;12;ja;;;;\r\n' +
            'medborgarenkat_trygg_gator_torg;0580;2021;kon=man;12;kanske;-3;;5;\r\n',
        ),
        ctx(),
      ),
    )
    assert.deepEqual(
      problems.map((p) => [p.row, p.column, p.key]),
      [
        [2, 'indikator', 'unknownIndicator'],
        [3, 'period', 'periodFormat'],
        [4, 'uppdelning', 'breakdownValue'],
        [5, 'varde', 'percentRange'],
        [6, 'varde', 'suppressedWithValue'],
        [7, 'undertryckt', 'notYesNo'],
        [7, 'bas_n', 'notCount'],
        [7, 'ki_hog', 'intervalHalf'],
      ],
    )
  })

  test('an unknown column or a missing required one refuses the file at its heading row', () => {
    assert.deepEqual(
      problemsOf(parseLong(rowsOf('indikator;omrade;period;kommentar\r\nx;0580;2021;hej\r\n'), ctx())).map((p) => [p.row, p.column, p.key]),
      [
        [1, 'kommentar', 'unknownColumn'],
        [1, 'varde', 'missingColumn'],
      ],
    )
  })
})

describe('population and per 100 000', () => {
  test('kommun;ar;folkmangd with codes or names, thousands by space', () => {
    const r = parsePopulation(rowsOf('kommun;ar;folkmangd\r\n0580;2024;168 035\r\nAle;2023;32\u00a0000\r\n'), areas, 'csv')
    assert.ok(r.ok)
    assert.deepEqual(
      r.rows.map((x) => [x.municipalityCode, x.year, x.population]),
      [
        ['0580', 2024, 168035],
        ['1440', 2023, 32000],
      ],
    )
    const bad = parsePopulation(rowsOf('kommun;ar;folkmangd\r\nAtlantis;2024;5\r\n0580;24;0\r\n'), areas, 'csv')
    assert.ok(!bad.ok)
    assert.deepEqual(
      bad.problems.map((p) => [p.row, p.key]),
      [
        [2, 'unknownMunicipality'],
        [3, 'yearFormat'],
        [3, 'populationValue'],
      ],
    )
  })

  test('the same year, else the nearest (the earlier when as near); a county only in years every municipality has', () => {
    const table = populationTable([
      { code: '0580', year: 2022, population: 165000 },
      { code: '0580', year: 2024, population: 168035 },
      { code: '0512', year: 2024, population: 3626 },
    ])
    assert.deepEqual(populationFor(['0580'], 2024, table), { population: 168035, year: 2024 })
    assert.deepEqual(populationFor(['0580'], 2023, table), { population: 165000, year: 2022 })
    assert.deepEqual(populationFor(['0580'], 2019, table), { population: 165000, year: 2022 })
    assert.deepEqual(populationFor(['0580', '0512'], 2022, table), { population: 171661, year: 2024 })
    assert.equal(populationFor(['0580', '0509'], 2024, table), undefined)
    const countyOf = new Map([
      ['0580', '05'],
      ['0512', '05'],
      ['0180', '01'],
    ])
    assert.deepEqual(membersOf('05', countyOf), ['0580', '0512'])
    assert.deepEqual(membersOf('00', countyOf), ['0580', '0512', '0180'])
    assert.deepEqual(membersOf('0580', countyOf), ['0580'])
  })
})
