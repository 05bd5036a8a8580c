import type { Translate } from '../i18n/i18n.ts'

/**
 * Human labels for audit action codes (`seat.added`) and entity types (`seat`), on `deps.auditLabels`.
 * Each feature registers the labels of the codes it writes when it is registered, next to its routes:
 * `deps.auditLabels.actions({ 'seat.added': 'seats.audit.added' })`. The audit log shows an unknown
 * code raw, which is still correct, only less friendly; `labels.test.ts` fails on a code written
 * anywhere in the source without a Swedish and an English label.
 */
export class AuditLabelRegistry {
  private readonly actionKeys = new Map<string, string>()
  private readonly entityKeys = new Map<string, string>()

  /** Action code → i18n key. A later registration of the same code replaces the earlier one. */
  actions(labels: Record<string, string>): void {
    for (const [code, key] of Object.entries(labels)) this.actionKeys.set(code, key)
  }

  /** Entity type → i18n key. */
  entities(labels: Record<string, string>): void {
    for (const [type, key] of Object.entries(labels)) this.entityKeys.set(type, key)
  }

  actionKey(code: string): string | undefined {
    return this.actionKeys.get(code)
  }

  entityKey(type: string): string | undefined {
    return this.entityKeys.get(type)
  }

  /** "Inloggning" for `session.login`; the raw code when nothing is registered. */
  action(t: Translate, code: string): string {
    const key = this.actionKeys.get(code)
    return key ? t(key) : code
  }

  entity(t: Translate, type: string): string {
    const key = this.entityKeys.get(type)
    return key ? t(key) : type
  }
}
