import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { translator } from '../../platform/i18n/i18n.ts'
import { type FigureSources, cellText, figureValue, parseFigureValue, resolveFigures } from './figures.ts'
import type { MappingFigure } from './situation-reports.tables.ts'

const t = translator('sv')
const SURVEY = '0b6c2a43-3f0e-4d5e-9a53-1f7c2b9d8e01'
const area = { municipalityCode: '0580', countyCode: '05' }

const sources: FigureSources = {
  async indicator(key) {
    if (key !== 'bra_anmalda_brott') return undefined
    return {
      name: 'Anmälda brott per 100 000 invånare',
      unit: 'per_100000',
      attribution: 'Källa: Brå',
      areas: [
        { code: '0580', name: 'Linköping' },
        { code: '05', name: 'Östergötlands län' },
      ],
      periods: ['2023', '2024'],
      values: [
        { area: '0580', period: '2023', value: 12345.67, suppressed: false },
        { area: '05', period: '2023', value: 11000, suppressed: false },
        { area: '0580', period: '2024', value: null, suppressed: true },
        { area: '05', period: '2024', value: 10950.5, suppressed: false },
      ],
    }
  },
  async survey(surveyId, code, questionKey) {
    if (surveyId !== SURVEY || code !== '0580') return undefined
    return {
      surveyName: 'Medborgarenkäten',
      questionText: questionKey === 'gator_torg' ? 'Trygg på gator och torg' : 'Trygg i parker kvällstid',
      reportedLabel: 'trygga',
      attribution: 'Källa: Medborgarenkäten',
      threshold: 10,
      areaName: 'Linköping',
      years: [
        {
          year: 2021,
          groups:
            questionKey === 'gator_torg'
              ? [
                  { group: 'kvinna', suppressed: false, share: 0.2, ciLow: 0.15, ciHigh: 0.25 },
                  { group: 'man', suppressed: false, share: 0.34, ciLow: 0.28, ciHigh: 0.4 },
                  { group: 'alla', suppressed: false, share: 0.27, ciLow: 0.23, ciHigh: 0.31 },
                ]
              : [
                  { group: 'kvinna', suppressed: true },
                  { group: 'man', suppressed: true },
                  { group: 'alla', suppressed: false, share: 0.22, ciLow: 0.17, ciHigh: 0.28 },
                ],
        },
      ],
    }
  },
}

describe('the kartläggning’s figures', () => {
  test('a survey question by gender: one row per year, women, men and everyone with their intervals', async () => {
    const [f] = await resolveFigures([{ kind: 'survey', surveyId: SURVEY, questionKey: 'gator_torg' }], area, sources, t)
    assert.equal(f.missing, false)
    assert.equal(f.title, 'Trygg på gator och torg – Linköping')
    assert.deepEqual(
      f.columns.map((c) => c.label),
      ['Kvinnor', 'Män', 'Alla'],
    )
    assert.deepEqual(
      f.rows[0].cells.map((c) => cellText(c, f.unit, 'sv')),
      ['20 % (15 %–25 %)', '34 % (28 %–40 %)', '27 % (23 %–31 %)'],
    )
    assert.equal(f.attribution, 'Källa: Medborgarenkäten')
  })

  test('a suppressed cell has no number at all, shows "–", and the figure carries the note', async () => {
    const [f] = await resolveFigures([{ kind: 'survey', surveyId: SURVEY, questionKey: 'parker_kvall' }], area, sources, t)
    const [women, men] = f.rows[0].cells
    assert.deepEqual(women, { suppressed: true })
    assert.deepEqual(men, { suppressed: true })
    assert.equal(cellText(women, f.unit, 'sv'), '–')
    assert.ok(f.notes.some((n) => n.includes('färre än 10 har svarat')))
    const [ind] = await resolveFigures([{ kind: 'indicator', indicatorKey: 'bra_anmalda_brott' }], area, sources, t)
    assert.equal(cellText(ind.rows[1].cells[0], ind.unit, 'sv'), '–')
    assert.ok(ind.notes.some((n) => n.includes('inte redovisar')))
  })

  test('an indicator over periods: a line per area, rates with one decimal and thin-space thousands', async () => {
    const [f] = await resolveFigures([{ kind: 'indicator', indicatorKey: 'bra_anmalda_brott', note: 'Alla brott.' }], area, sources, t)
    assert.equal(f.chart, 'line')
    assert.deepEqual(
      f.rows.map((r) => r.label),
      ['2023', '2024'],
    )
    assert.equal(cellText(f.rows[0].cells[0], f.unit, 'sv'), '12\u202f345,7')
    assert.equal(f.caption, 'Alla brott.')
  })

  test('a figure whose source is absent or has nothing is "missing" and says so, in the chosen order', async () => {
    const chosen: MappingFigure[] = [
      { kind: 'indicator', indicatorKey: 'finns_inte' },
      { kind: 'survey', surveyId: SURVEY, questionKey: 'gator_torg' },
    ]
    const [a, b] = await resolveFigures(chosen, area, sources, t)
    assert.equal(a.missing, true)
    assert.match(a.notes[0] as string, /finns inte på plattformen/)
    assert.equal(b.missing, false)
    const none = await resolveFigures(chosen, area, {}, t)
    assert.ok(none.every((f) => f.missing))
    assert.deepEqual(
      none.map((f) => f.id),
      ['figur-1', 'figur-2'],
    )
  })

  test('form values round-trip; anything else is refused', () => {
    const f: MappingFigure = { kind: 'survey', surveyId: SURVEY, questionKey: 'gator_torg' }
    assert.deepEqual(parseFigureValue(figureValue(f)), f)
    assert.deepEqual(parseFigureValue('indicator:bra_anmalda_brott', 'Not'), { kind: 'indicator', indicatorKey: 'bra_anmalda_brott', note: 'Not' })
    for (const bad of ['', 'indicator:', 'indicator:Å', 'survey:not-a-uuid:q', `survey:${SURVEY}:`, 'table:x'])
      assert.equal(parseFigureValue(bad), undefined, bad)
  })
})
