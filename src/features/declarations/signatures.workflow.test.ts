import assert from 'node:assert/strict'
import { test } from 'node:test'
import { canStep, dateProblems, linesOf, locksVersion } from './signatures.workflow.ts'

test('steps follow the workflow: invited → in_preparation → decided → signed, declined and withdrawn with their origins', () => {
  assert.ok(canStep('invited', 'in_preparation'))
  assert.ok(canStep('in_preparation', 'decided'))
  assert.ok(canStep('decided', 'signed'))
  assert.ok(canStep('invited', 'declined'))
  assert.ok(canStep('in_preparation', 'declined'))
  assert.ok(canStep('decided', 'withdrawn'))
  assert.ok(canStep('signed', 'withdrawn'))
  // Skipping ahead, going back, or leaving a closed record is refused.
  assert.ok(!canStep('invited', 'decided'))
  assert.ok(!canStep('invited', 'signed'))
  assert.ok(!canStep('in_preparation', 'signed'))
  assert.ok(!canStep('signed', 'decided'))
  assert.ok(!canStep('invited', 'withdrawn'))
  assert.ok(!canStep('declined', 'in_preparation'))
  assert.ok(!canStep('withdrawn', 'signed'))
  // Corrections of the current step, not of an earlier one.
  assert.ok(canStep('decided', 'decided'))
  assert.ok(!canStep('invited', 'invited'))
})

test('date rules: nothing in the future, decision not before the memo, signature not before the decision', () => {
  const today = '2026-03-01'
  assert.deepEqual(dateProblems({ memoDate: '2021-12-10', decisionDate: '2022-01-25', signedOn: '2022-02-02' }, today), [])
  assert.deepEqual(dateProblems({ memoDate: null, decisionDate: '2022-01-25', signedOn: '2022-01-24' }, today), [
    { field: 'signedOn', key: 'declarations.errors.signedBeforeDecision', params: { date: '2022-01-25' } },
  ])
  assert.deepEqual(dateProblems({ memoDate: '2022-01-26', decisionDate: '2022-01-25', signedOn: null }, today), [
    { field: 'decisionDate', key: 'declarations.errors.decisionBeforeMemo', params: { date: '2022-01-26' } },
  ])
  assert.deepEqual(dateProblems({ memoDate: null, decisionDate: null, signedOn: '2026-03-02' }, today), [
    { field: 'signedOn', key: 'declarations.errors.dateInFuture', params: { date: today } },
  ])
  // The same day is allowed for each pair.
  assert.deepEqual(dateProblems({ memoDate: '2022-01-25', decisionDate: '2022-01-25', signedOn: '2022-01-25' }, today), [])
})

test('a version is locked by a decision, also one that was later withdrawn', () => {
  assert.ok(!locksVersion({ status: 'invited', decisionDate: null }))
  assert.ok(!locksVersion({ status: 'in_preparation', decisionDate: null }))
  assert.ok(!locksVersion({ status: 'declined', decisionDate: null }))
  assert.ok(locksVersion({ status: 'decided', decisionDate: '2022-01-25' }))
  assert.ok(locksVersion({ status: 'signed', decisionDate: '2022-01-25' }))
  assert.ok(locksVersion({ status: 'withdrawn', decisionDate: '2022-01-25' }))
})

test('decision lines: one per line, typed numbering and empty lines dropped', () => {
  assert.deepEqual(linesOf('1. Kommunstyrelsen godkänner.\r\n\r\n2) Ordföranden undertecknar.\n- Tredje\n  Fjärde  '), [
    'Kommunstyrelsen godkänner.',
    'Ordföranden undertecknar.',
    'Tredje',
    'Fjärde',
  ])
  // A year at the start of a line is text, not a number to strip.
  assert.deepEqual(linesOf('2022 års plan gäller.'), ['2022 års plan gäller.'])
})
