import type { Translate } from '../../platform/i18n/i18n.ts'

/** Actors that are not users: written by the CLI, seeds, jobs and failed logins. */
const systemActors: Record<string, string> = { system: 'auditLog.actors.system', anonymous: 'auditLog.actors.anonymous' }

/** The actor as recorded, or "Systemet" / "Okänd (ej inloggad)" for the actors that are not users. */
export const actorLabel = (t: Translate, label: string, userId: string | null): string => {
  const key = userId ? undefined : systemActors[label]
  return key ? t(key) : label
}
