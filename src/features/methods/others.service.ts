import type { Deps } from '../../platform/deps.ts'
import type { Actor } from '../../platform/http/actor.ts'
import { type MeasureSummary, type Plan, type PlanItem, problemsByIds, readableMeasures } from '../plans/index.ts'
import * as repo from './methods.repo.ts'

const collator = new Intl.Collator('sv')
const lower = (s: string) => s.toLocaleLowerCase('sv')

/** A text the matching rule reads: a problem's or a cause's title and description. */
interface Described {
  title: string
  description: string
}

/**
 * Our own rule, stated on the page (methods.others.rule*): a curated method matches when one of its
 * problem-type labels occurs, ignoring case, in the title or description of the problem or of its
 * causes (for a cause: of the cause or of its problem). The fishbone side is not used: an åtgärdsplan's
 * causes carry no side, and guessing one would make the rule impossible to explain.
 */
export function matchingLabels(method: Pick<repo.Method, 'problemTypes'>, texts: readonly Described[]): string[] {
  const haystack = lower(texts.map((t) => `${t.title}\n${t.description}`).join('\n'))
  return method.problemTypes.filter((label) => label.trim() && haystack.includes(lower(label.trim())))
}

export interface OthersMethod {
  method: repo.Method
  labels: string[]
  /** Measures applying it in other parties' åtgärdsplaner the actor may read, with how they went. */
  measures: MeasureSummary[]
}

/** The texts the rule reads for a problem or a cause row; none for other kinds. */
export async function textsFor(deps: Deps, item: PlanItem): Promise<Described[]> {
  if (item.kind !== 'problem' && item.kind !== 'cause') return []
  const problemId = item.kind === 'problem' ? item.id : item.parentId
  const [problem] = problemId ? await problemsByIds(deps, [problemId]) : []
  if (item.kind === 'cause') return problem ? [item, problem] : [item]
  return problem ? [problem, ...problem.causes] : [item]
}

/**
 * "What have others done?" (issue 10 §3): the curated methods that match a problem or cause of an
 * åtgärdsplan, each with the measures in OTHER parties' plans that apply it — only those in plans the
 * actor may read (plans' own visibility rule, through readableMeasures) — and their latest follow-up.
 */
export async function othersDid(deps: Deps, actor: Actor | undefined, plan: Plan, item: PlanItem): Promise<OthersMethod[]> {
  const texts = await textsFor(deps, item)
  if (texts.length === 0) return []
  const matched = (await repo.curatedMethods(deps.db)).map((method) => ({ method, labels: matchingLabels(method, texts) })).filter((m) => m.labels.length > 0)
  if (matched.length === 0) return []
  const links = await repo.linksOfMethods(
    deps.db,
    matched.map((m) => m.method.id),
  )
  const visible = await readableMeasures(deps, actor, [...new Set(links.map((l) => l.planItemId))])
  const elsewhere = visible.filter((m) => m.organisationId !== plan.organisationId)
  return matched
    .map(({ method, labels }) => {
      const ids = new Set(links.filter((l) => l.methodId === method.id).map((l) => l.planItemId))
      const measures = elsewhere
        .filter((m) => ids.has(m.id))
        .sort((a, b) => collator.compare(a.organisationName, b.organisationName) || collator.compare(a.title, b.title))
      return { method, labels, measures }
    })
    .sort((a, b) => b.measures.length - a.measures.length || collator.compare(a.method.name, b.method.name))
}

/** How many curated methods match each problem of a plan (the plan page's pointer to the section). */
export async function matchCountsByProblem(deps: Deps, items: readonly PlanItem[]): Promise<Map<string, number>> {
  const problems = items.filter((i) => i.kind === 'problem')
  const out = new Map<string, number>()
  if (problems.length === 0) return out
  const curated = await repo.curatedMethods(deps.db)
  for (const p of problems) {
    const texts = [p, ...items.filter((c) => c.kind === 'cause' && c.parentId === p.id)]
    out.set(p.id, curated.filter((m) => matchingLabels(m, texts).length > 0).length)
  }
  return out
}
