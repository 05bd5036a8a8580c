import { z } from 'zod'

/** The daily digest on or off (/account/reminders). */
export const DigestSettingInput = z.object({ digest: z.enum(['on', 'off'], { error: 'plans.digest.settings.required' }) })
