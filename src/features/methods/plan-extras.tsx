import type { ComponentChildren } from 'preact'
import type { Deps } from '../../platform/deps.ts'
import type { PlanItemExtras } from '../plans/index.ts'
import { measureMethods, methodsByMeasure } from './measure-methods.service.ts'
import { matchCountsByProblem, othersDid } from './others.service.ts'
import { MeasureMethodsInline, MeasureMethodsSection } from './views/measure-methods.tsx'
import { OthersDidSection, OthersPointer } from './views/others-did.tsx'

/**
 * What the library adds to an åtgärdsplan's pages (registered with plans, which does not import us):
 * the methods each measure applies, and under a problem or cause what others did about it.
 */
export function planExtras(deps: Deps): PlanItemExtras {
  return {
    async onPlan(actor, plan, items) {
      const out = new Map<string, ComponentChildren>()
      if (plan.kind !== 'action_plan') return out
      const measures = items.filter((i) => i.kind === 'measure')
      for (const [id, methods] of await methodsByMeasure(
        deps,
        actor,
        measures.map((m) => m.id),
      ))
        out.set(id, <MeasureMethodsInline methods={methods} />)
      for (const [id, count] of await matchCountsByProblem(deps, items)) if (count > 0) out.set(id, <OthersPointer problemId={id} count={count} />)
      return out
    },
    async onItem(actor, plan, item) {
      if (plan.kind !== 'action_plan') return null
      if (item.kind === 'measure') return <MeasureMethodsSection d={await measureMethods(deps, actor, item.id)} />
      if (item.kind === 'problem' || item.kind === 'cause') return <OthersDidSection kind={item.kind} methods={await othersDid(deps, actor, plan, item)} />
      return null
    },
  }
}
