import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { type MemoFacts, definite, longDate, memoText } from './memo-text.ts'

const bare: MemoFacts = {
  municipality: 'Exempelby kommun',
  collaborationName: 'Östergötland tillsammans mot brott',
  shortName: 'ÖTMB',
  period: '2022–2027',
  convenors: 'Länsstyrelsen Östergötland',
  ownerName: 'Länsstyrelsen Östergötland',
  date: '2022-01-03',
  department: 'Kommunledningsförvaltningen',
  versionTitle: 'Programförklaring ÖTMB 2022–2027',
  localParagraphs: [],
  hasSteering: false,
  hasPreparation: false,
  workingGroupThemes: [],
  steeringChiefs: [],
  groupMembers: [],
}

describe('the memo’s texts', () => {
  test('role titles in the definite form', () => {
    assert.equal(definite('Säkerhetschef'), 'säkerhetschefen')
    assert.equal(definite('Säkerhetsstrateg'), 'säkerhetsstrategen')
    assert.equal(definite('Trygghetssamordnare'), 'trygghetssamordnaren')
    assert.equal(definite('Analytiker'), 'analytikern')
    assert.equal(definite('Biträdande kommundirektör'), 'biträdande kommundirektören')
    assert.equal(definite('IT-chef'), 'IT-chefen')
    assert.equal(definite('Chef (tf.)'), 'chef (tf.)')
  })

  test('long Swedish dates', () => {
    assert.equal(longDate('2022-02-02', true), 'onsdag den 2 februari 2022')
    assert.equal(longDate('2022-03-16'), 'den 16 mars 2022')
  })

  test('without the facts, nothing is claimed: no invitation, no Bilaga 2, no Regbrå, no named representatives', () => {
    const f = memoText(bare, { caseNumber: '', official: '' })
    assert.doesNotMatch(f.matter, /bjudit in/)
    assert.match(f.matter, /från den 1 juli 2023/, 'a memo written before the law took effect speaks of it as coming')
    assert.equal(f.basis.split('\n').length, 2)
    assert.doesNotMatch(f.background, /Regbrå|tradition|medborgarlöfte|styrgrupp/)
    assert.equal(f.economy.split('\n\n').length, 1)
    assert.doesNotMatch(f.followUp, /beredningsgrupp/)
    assert.equal(f.distribution, '')
    for (const own of [f.goals, f.goalsLink, f.equality, f.consultation, f.mbl]) assert.equal(own, '')
  })

  test('the styrgrupp representative is named by role, with the substitute as ersättare', () => {
    const f = memoText({ ...bare, steeringChiefs: ['Säkerhetschef'], steeringSubstitutes: ['Biträdande säkerhetschef'] }, { caseNumber: '', official: '' })
    assert.match(f.economy, /Kommunens representant i styrgruppen är säkerhetschefen, med biträdande säkerhetschefen som ersättare\./)
    assert.equal(f.distribution, 'Säkerhetschef\nBiträdande säkerhetschef')
  })

  test('local paragraphs another feature supplies go into Bakgrund', () => {
    const f = memoText(
      { ...bare, localParagraphs: ['Kommunen och polisen har en samverkansöverenskommelse och ett medborgarlöfte.'] },
      { caseNumber: '', official: '' },
    )
    assert.match(f.background, /samverkansöverenskommelse och ett medborgarlöfte/)
  })
})
