import { type CellSums, type Difference, EMPTY_SUMS, type Estimate, addSums, estimateCell, estimateDifference } from './estimates.ts'
import type { SexGroup } from './surveys.tables.ts'

/** The groups a view shows: women, men, and everyone who answered (any kön or none). */
export type ShownGroupKey = 'kvinna' | 'man' | 'alla'
export const SHOWN_GROUPS: readonly ShownGroupKey[] = ['kvinna', 'man', 'alla']

export type GroupView =
  | { group: ShownGroupKey; suppressed: true; reason: 'small' | 'complementary' }
  | { group: ShownGroupKey; suppressed: false; estimate: Estimate /** false when n would reveal a small group by subtraction */; showN: boolean }

export interface CellView {
  groups: GroupView[]
  /** The women − men difference, only when both groups are shown. */
  difference: Difference | null
  /** Notes the view must print under its table: why a cell shows "–". */
  notes: ('small' | 'complementary' | 'hidden_n')[]
}

/**
 * Small-cell suppression for one area × year × question (statistics.md "Small cells"): a group with
 * fewer respondents than the threshold shows no share, interval or n; when one of women and men is
 * suppressed the other is too, so "alla" minus the shown group cannot recover it. Our own rule
 * beside it (labelled as ours on the help page): when the respondents of another or no stated kön are
 * 1 to threshold − 1, "alla"'s n is not shown either, since alla − kvinnor − män would count them.
 */
export function suppressCell(bySex: Partial<Record<SexGroup, CellSums>>, threshold: number): CellView {
  const women = bySex.kvinna ?? EMPTY_SUMS
  const men = bySex.man ?? EMPTY_SUMS
  const rest = addSums(bySex.annat ?? EMPTY_SUMS, bySex.uppgift_saknas ?? EMPTY_SUMS)
  const all = addSums(addSums(women, men), rest)
  const small = (s: CellSums) => s.n < threshold
  let womenState: 'shown' | 'small' | 'complementary' = small(women) ? 'small' : 'shown'
  let menState: 'shown' | 'small' | 'complementary' = small(men) ? 'small' : 'shown'
  const allShown = !small(all)
  if (allShown && womenState === 'small' && menState === 'shown') menState = 'complementary'
  if (allShown && menState === 'small' && womenState === 'shown') womenState = 'complementary'
  const notes = new Set<CellView['notes'][number]>()
  const view = (group: ShownGroupKey, state: 'shown' | 'small' | 'complementary', sums: CellSums, showN = true): GroupView => {
    if (state !== 'shown') {
      notes.add(state)
      return { group, suppressed: true, reason: state }
    }
    return { group, suppressed: false, estimate: estimateCell(sums), showN }
  }
  const restRevealed = womenState === 'shown' && menState === 'shown' && rest.n > 0 && rest.n < threshold
  if (allShown && restRevealed) notes.add('hidden_n')
  const groups = [view('kvinna', womenState, women), view('man', menState, men), view('alla', allShown ? 'shown' : 'small', all, !restRevealed)]
  const difference = womenState === 'shown' && menState === 'shown' ? estimateDifference(women, men) : null
  return { groups, difference, notes: [...notes] }
}

/** The shown estimate of a group, or null when it is suppressed. */
export function shownEstimate(view: CellView, group: ShownGroupKey): Estimate | null {
  const g = view.groups.find((x) => x.group === group)
  return g && !g.suppressed ? g.estimate : null
}
