import type { z } from 'zod'

/** A free-text field of a form: its name and the longest text it takes. */
export interface TextField {
  name: string
  max: number
}

type Def = { type: string; in?: z.ZodType; out?: z.ZodType; innerType?: z.ZodType; shape?: Record<string, z.ZodType>; options?: z.ZodType[] }
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def

/** The schema under optional/nullable/default wrappers and preprocess/transform pipes. */
function core(schema: z.ZodType): z.ZodType {
  let s = schema
  for (let i = 0; i < 20; i++) {
    const def = defOf(s)
    if (def.innerType) s = def.innerType
    else if (def.type === 'pipe') s = defOf(def.out!).type === 'transform' ? def.in! : def.out!
    else return s
  }
  return s
}

/** The fields of a form schema by name (every option of a union: the signature steps are one form per step). */
export function formShape(schema: z.ZodType): Record<string, z.ZodType> {
  const def = defOf(core(schema))
  if (def.options) return Object.assign({}, ...def.options.map(formShape))
  return def.shape ?? {}
}

/** The longest text the field takes, found by asking it (limits hide in pipes and refinements). */
function longestAccepted(field: z.ZodType): number {
  let best = 0
  for (const n of [40, 50, 100, 200, 300, 500, 1000, 2000, 5000, 10_000, 20_000, 100_000, 200_000]) if (field.safeParse('x'.repeat(n)).success) best = n
  return best
}

/** Text anyone might type into a free-text field; a date, e-mail or id field refuses it. */
const PLAIN_TEXT = 'Trygghet i Åtvidaberg <b> & "citat"'

/**
 * The free-text fields of a form schema: strings where a person may type anything (a date, an
 * e-mail address or an id refuses plain text). Enumerated from the schema, so a new text field is
 * tested without anyone listing it.
 */
export function textFields(schema: z.ZodType): TextField[] {
  const out: TextField[] = []
  for (const [name, field] of Object.entries(formShape(schema))) {
    if (defOf(core(field)).type !== 'string' || !field.safeParse(PLAIN_TEXT).success) continue
    out.push({ name, max: longestAccepted(field) })
  }
  return out
}
