import { z } from 'zod'

/** The hidden `version` every edit form carries (optimistic locking). */
export const versionField = z.coerce.number().int().min(1).max(2147483647)
/** An HTML checkbox: present ("on", "true") or absent. */
export const checkbox = z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean())
