/** A child's part in its parent's progress: its weight and its own figure (0–100), if it has one. */
export interface WeightedChild {
  weight: number
  progress: number | null
}

/**
 * A parent's progress is the weighted average of its children's (issue 8 §9). A child without a figure
 * does not pull the average down: it is left out, and so is its weight. The weights used are returned
 * so that the page can show how the figure was reached.
 */
export function weightedProgress(children: readonly WeightedChild[]): { progress: number | null; weightUsed: number; weightTotal: number } {
  const weightTotal = children.reduce((s, c) => s + c.weight, 0)
  const counted = children.filter((c) => c.progress !== null && c.weight > 0)
  const weightUsed = counted.reduce((s, c) => s + c.weight, 0)
  if (weightUsed === 0) return { progress: null, weightUsed: 0, weightTotal }
  const sum = counted.reduce((s, c) => s + c.weight * (c.progress as number), 0)
  return { progress: Math.round((sum / weightUsed) * 10) / 10, weightUsed, weightTotal }
}
