import assert from 'node:assert/strict'
import { test } from 'node:test'
import { convenorHistory, firstOverlap, periodsOverlap } from './convenors.rules.ts'

test('periods overlap when they share a day; the day after an end is free; open ends reach forward', () => {
  assert.equal(periodsOverlap({ validFrom: '2017-01-01', validTo: '2019-12-31' }, { validFrom: '2019-12-31', validTo: null }), true)
  assert.equal(periodsOverlap({ validFrom: '2017-01-01', validTo: '2019-12-31' }, { validFrom: '2020-01-01', validTo: null }), false)
  assert.equal(periodsOverlap({ validFrom: '2017-01-01', validTo: null }, { validFrom: '2030-05-01', validTo: '2030-06-01' }), true)
  assert.equal(periodsOverlap({ validFrom: '2017-01-01', validTo: null }, { validFrom: '2010-01-01', validTo: '2016-12-31' }), false)
})

test('the period being edited does not overlap itself', () => {
  const stored = [{ id: 'a', validFrom: '2017-01-01', validTo: null }]
  assert.equal(firstOverlap({ validFrom: '2016-01-01', validTo: null }, stored, 'a'), undefined)
  assert.equal(firstOverlap({ validFrom: '2016-01-01', validTo: null }, stored)?.id, 'a')
})

test('Regbrå: from 2010 the convenor is unknown until Länsstyrelsen from 2017, and both periods are shown', () => {
  const history = convenorHistory('2010-01-01', [{ validFrom: '2017-01-01', validTo: null, name: 'Länsstyrelsen Östergötland' }])
  assert.deepEqual(
    history.map((s) => [s.kind, s.validFrom, s.validTo]),
    [
      ['unknown', '2010-01-01', '2016-12-31'],
      ['known', '2017-01-01', null],
    ],
  )
})

test('gaps between periods are unknown; no gap is claimed before a body without a start date, nor after the last period', () => {
  const periods = [
    { validFrom: '2020-01-01', validTo: null },
    { validFrom: '2012-01-01', validTo: '2014-12-31' },
  ]
  assert.deepEqual(
    convenorHistory(null, periods).map((s) => [s.kind, s.validFrom, s.validTo]),
    [
      ['known', '2012-01-01', '2014-12-31'],
      ['unknown', '2015-01-01', '2019-12-31'],
      ['known', '2020-01-01', null],
    ],
  )
  assert.deepEqual(
    convenorHistory('2012-01-01', [{ validFrom: '2012-01-01', validTo: '2013-12-31' }]).map((s) => s.kind),
    ['known'],
  )
  assert.deepEqual(convenorHistory('2010-01-01', []), [])
})
