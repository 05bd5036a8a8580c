import type { ComponentChildren } from 'preact'
import { usePage } from './page-context.ts'

/** Free text typed with blank lines between paragraphs, shown as paragraphs (escaped like all text). */
export function Paragraphs({ text, class: cls = 'body' }: { text: string; class?: string }) {
  const parts = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
  return (
    <>
      {parts.map((p) => (
        <p class={cls}>{p}</p>
      ))}
    </>
  )
}

/** A POST with only hidden fields and a button; app.js asks for confirmation first when it runs. */
export function ConfirmForm({ action, confirm, children }: { action: string; confirm: string; children: ComponentChildren }) {
  const { csrfToken } = usePage()
  return (
    <form method="post" action={action} data-confirm={confirm} class="inline-form" novalidate>
      <input type="hidden" name="_csrf" value={csrfToken} />
      {children}
    </form>
  )
}
