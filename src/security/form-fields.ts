import type { z } from 'zod'

/** A free-text field of a form: its name and the longest text it takes. */
export interface TextField {
  name: string
  max: number
}

type Def = { type: string; in?: z.ZodType; out?: z.ZodType; innerType?: z.ZodType; shape?: Record<string, z.ZodType> }
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

/**
 * The free-text fields of a form schema: strings with no format (e-mail, UUID, date) and no
 * pattern, i.e. where a person may type anything. Enumerated from the schema, so a new text
 * field is tested without anyone listing it.
 */
export function textFields(schema: z.ZodType): TextField[] {
  const shape = defOf(core(schema)).shape
  if (!shape) return []
  const out: TextField[] = []
  for (const [name, field] of Object.entries(shape)) {
    const s = core(field) as z.ZodType & { format?: string | null; maxLength?: number | null }
    if (defOf(s).type !== 'string' || s.format) continue
    out.push({ name, max: s.maxLength ?? 100_000 })
  }
  return out
}
