import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { translator } from '../../platform/i18n/i18n.ts'
import { estimateCell, estimateDifference } from './estimates.ts'
import { differenceSentence, percent, pValueText } from './sentence.ts'

const t = translator('sv')
const cell = (n: number, yes: number) => ({ n, sumW: n, sumWy: yes, sumW2: n, sumW2y: yes })

describe('the gap in words', () => {
  it('states the source document’s example exactly (women 20 %, men 34 %)', () => {
    const women = cell(400, 80)
    const men = cell(400, 136)
    const sentence = differenceSentence(t, 'sv', 'trygga', estimateCell(women), estimateCell(men), estimateDifference(women, men)!)
    assert.equal(
      sentence,
      'Kvinnor känner sig trygga i lägre grad än män (20\u00a0% mot 34\u00a0%). Skillnaden, 14 procentenheter, är statistiskt säkerställd (p\u00a0<\u00a00,001).',
    )
  })

  it('says a difference whose interval includes 0 is not significant, without calling one group lower', () => {
    const women = cell(50, 16)
    const men = cell(50, 17)
    const sentence = differenceSentence(t, 'sv', 'trygga', estimateCell(women), estimateCell(men), estimateDifference(women, men)!)
    assert.equal(sentence, 'Andelen som känner sig trygga är 32\u00a0% bland kvinnor och 34\u00a0% bland män. Skillnaden är inte statistiskt säkerställd.')
  })

  it('writes shares with a decimal comma and p-values to three decimals', () => {
    assert.equal(percent(0.2049, 'sv', 1), '20,5\u00a0%')
    assert.equal(pValueText(0.0408776, 'sv'), 'p\u00a0=\u00a00,041')
    assert.equal(pValueText(0.0000073, 'sv'), 'p\u00a0<\u00a00,001')
  })
})
