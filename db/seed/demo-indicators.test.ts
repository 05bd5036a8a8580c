import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { indicatorSeries } from '../../src/features/indicators/index.ts'
import { type TestApp, buildTestApp } from '../../src/test-support/test-app.ts'
import { DOCUMENT_FIGURES, loadDemoIndicators, mulberry32, syntheticBraCsv } from './demo-indicators.ts'

let t: TestApp
before(async () => {
  t = await buildTestApp()
})
after(() => t.close())

test('the generator is seeded: the same numbers on every run', () => {
  assert.equal(syntheticBraCsv('bra_anmalda_brott_totalt'), syntheticBraCsv('bra_anmalda_brott_totalt'))
  assert.notEqual(syntheticBraCsv('bra_anmalda_brott_totalt'), syntheticBraCsv('bra_anmalda_narkotikabrott'))
  const r = mulberry32(1)
  assert.deepEqual(
    [r(), r()].map((x) => x.toFixed(6)),
    ['0.627074', '0.002736'],
  )
})

test('the demo loads the source document’s 2021 figures for Linköping and synthetic Brå counts, once', async () => {
  const written = await loadDemoIndicators(t.deps)
  // 4 survey figures; 5 offence types × 7 years × (13 municipalities + county + country).
  assert.equal(written, 4 + 5 * 7 * 15)
  assert.equal(await loadDemoIndicators(t.deps), 0, 'a second run writes nothing')

  for (const key of ['medborgarenkat_trygg_gator_torg', 'medborgarenkat_trygg_parker_kvall']) {
    const s = await indicatorSeries(t.deps, key, ['0580'], ['2021'])
    const figures = Object.fromEntries(s!.observations.map((o) => [o.breakdown, o.value]))
    const expected = Object.fromEntries(DOCUMENT_FIGURES.filter((f) => f.key === key).map((f) => [`kon=${f.kon}`, f.value]))
    assert.deepEqual(figures, expected)
    assert.ok(
      s!.observations.every((o) => !o.synthetic),
      'the document’s figures are not synthetic',
    )
  }
  assert.deepEqual(
    DOCUMENT_FIGURES.map((f) => f.value),
    [20, 34, 7, 22],
  )

  const bra = await indicatorSeries(t.deps, 'bra_anmalda_brott_totalt', ['0580', '05', '00'])
  assert.equal(bra!.observations.length, 21)
  assert.ok(bra!.observations.every((o) => o.synthetic))
  const county2024 = bra!.observations.find((o) => o.areaCode === '05' && o.period === '2024')!
  assert.ok(county2024.per100000! > 5000 && county2024.per100000! < 25000, String(county2024.per100000))
  assert.equal(county2024.populationYear, 2024)

  const page = await t.app.inject({ url: '/indicators/bra_anmalda_brott_totalt?area=0580' })
  assert.match(page.body, /Syntetiska demodata\./)
  const survey = await t.app.inject({ url: '/indicators/medborgarenkat_trygg_gator_torg?area=0580' })
  assert.doesNotMatch(survey.body, /Syntetiska demodata/)
  assert.match(survey.body, /Medborgarenkäten 2021, enligt Linköpings kommuns tjänsteskrivelse/)
  assert.match(survey.body, /20\u00a0%/)
  assert.match(survey.body, /34\u00a0%/)
})
