import type { ComponentChildren } from 'preact'
import { fieldId } from './error-summary.tsx'
import { usePage } from './page-context.ts'

interface FieldBase {
  name: string
  label: string
  hint?: string
  error?: string
  /** Field ids derive from names unless a form needs two fields of the same name. */
  id?: string
}

function describedBy(id: string, hint?: string, error?: string) {
  const ids = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean)
  return ids.length ? ids.join(' ') : undefined
}

function HintAndError({ id, hint, error }: { id: string; hint?: string; error?: string }) {
  const { t } = usePage()
  return (
    <>
      {hint && (
        <div class="hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      {error && (
        <p class="error-message" id={`${id}-error`}>
          <span class="visually-hidden">{t('platform.forms.errorPrefix')} </span>
          {error}
        </p>
      )}
    </>
  )
}

function Group({ error, children }: { error?: string; children: ComponentChildren }) {
  return <div class={error ? 'form-group form-group--error' : 'form-group'}>{children}</div>
}

export interface TextFieldProps extends FieldBase {
  value?: string
  type?: 'text' | 'email' | 'password' | 'tel' | 'url' | 'number' | 'search'
  autocomplete?: string
  width?: 'narrow' | 'medium' | 'full'
  required?: boolean
  spellcheck?: boolean
  inputmode?: 'numeric' | 'decimal' | 'text'
}

export function TextField(p: TextFieldProps) {
  const id = p.id ?? fieldId(p.name)
  return (
    <Group error={p.error}>
      <label class="label" for={id}>
        {p.label}
      </label>
      <HintAndError id={id} hint={p.hint} error={p.error} />
      <input
        {...({ type: p.type ?? 'text' } as { type: 'text' })}
        class={`input input--${p.width ?? 'full'}${p.error ? ' input--error' : ''}`}
        id={id}
        name={p.name}
        value={p.type === 'password' ? undefined : p.value}
        autocomplete={p.autocomplete}
        aria-describedby={describedBy(id, p.hint, p.error)}
        aria-invalid={p.error ? 'true' : undefined}
        required={p.required}
        spellcheck={p.spellcheck}
        inputmode={p.inputmode}
      />
    </Group>
  )
}

export function TextArea(p: FieldBase & { value?: string; rows?: number }) {
  const id = p.id ?? fieldId(p.name)
  return (
    <Group error={p.error}>
      <label class="label" for={id}>
        {p.label}
      </label>
      <HintAndError id={id} hint={p.hint} error={p.error} />
      <textarea
        class={`textarea${p.error ? ' input--error' : ''}`}
        id={id}
        name={p.name}
        rows={p.rows ?? 5}
        aria-describedby={describedBy(id, p.hint, p.error)}
        aria-invalid={p.error ? 'true' : undefined}
      >
        {p.value ?? ''}
      </textarea>
    </Group>
  )
}

export interface Option {
  value: string
  label: string
}

export function Select(p: FieldBase & { value?: string; options: Option[]; placeholder?: string }) {
  const id = p.id ?? fieldId(p.name)
  return (
    <Group error={p.error}>
      <label class="label" for={id}>
        {p.label}
      </label>
      <HintAndError id={id} hint={p.hint} error={p.error} />
      <select
        class={`select${p.error ? ' input--error' : ''}`}
        id={id}
        name={p.name}
        aria-describedby={describedBy(id, p.hint, p.error)}
        aria-invalid={p.error ? 'true' : undefined}
      >
        {p.placeholder !== undefined && <option value="">{p.placeholder}</option>}
        {p.options.map((o) => (
          <option value={o.value} selected={o.value === p.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Group>
  )
}

/** Radios and checkboxes are a fieldset whose legend is the question; the error links to the first option. */
function ChoiceGroup(p: FieldBase & { type: 'radio' | 'checkbox'; options: Option[]; checked: (v: string) => boolean }) {
  const id = p.id ?? fieldId(p.name)
  return (
    <Group error={p.error}>
      <fieldset class="fieldset" aria-describedby={describedBy(id, p.hint, p.error)}>
        <legend class="fieldset__legend">{p.label}</legend>
        <HintAndError id={id} hint={p.hint} error={p.error} />
        <div class={p.type === 'radio' ? 'radios' : 'checkboxes'}>
          {p.options.map((o, i) => {
            const optionId = i === 0 ? id : `${id}-${i}`
            return (
              <div class="choice">
                <input
                  class="choice__input"
                  id={optionId}
                  name={p.name}
                  type={p.type}
                  value={o.value}
                  checked={p.checked(o.value)}
                  aria-invalid={p.error && i === 0 ? 'true' : undefined}
                />
                <label class="choice__label" for={optionId}>
                  {o.label}
                </label>
              </div>
            )
          })}
        </div>
      </fieldset>
    </Group>
  )
}

export function Radios(p: FieldBase & { value?: string; options: Option[] }) {
  return <ChoiceGroup {...p} type="radio" checked={(v) => v === p.value} />
}

export function Checkboxes(p: FieldBase & { values?: string[]; options: Option[] }) {
  return <ChoiceGroup {...p} type="checkbox" checked={(v) => !!p.values?.includes(v)} />
}

/** A date as one ISO field (ÅÅÅÅ-MM-DD): what Swedish officials type, and it works without JavaScript. */
export function DateField(p: FieldBase & { value?: string }) {
  const { t } = usePage()
  return <TextField {...p} hint={p.hint ?? t('platform.forms.dateHint')} width="narrow" inputmode="numeric" autocomplete="off" spellcheck={false} />
}

export function Button({
  children,
  variant = 'primary',
  name,
  value,
}: {
  children: ComponentChildren
  variant?: 'primary' | 'secondary' | 'warning'
  name?: string
  value?: string
}) {
  return (
    <button type="submit" class={`button button--${variant}`} name={name} value={value}>
      {children}
    </button>
  )
}

/** A file input; the server judges the type by content, the `accept` list only helps the file picker. */
export function FileField(p: FieldBase & { accept?: string }) {
  const id = p.id ?? fieldId(p.name)
  return (
    <Group error={p.error}>
      <label class="label" for={id}>
        {p.label}
      </label>
      <HintAndError id={id} hint={p.hint} error={p.error} />
      <input
        {...({ type: 'file' } as { type: 'file' })}
        class={`file-upload${p.error ? ' input--error' : ''}`}
        id={id}
        name={p.name}
        accept={p.accept}
        aria-describedby={describedBy(id, p.hint, p.error)}
        aria-invalid={p.error ? 'true' : undefined}
      />
    </Group>
  )
}

/** A POST form with its CSRF token; every state change in the product goes through one. */
export function Form({ action, children, id, multipart }: { action: string; children: ComponentChildren; id?: string; multipart?: boolean }) {
  const { csrfToken } = usePage()
  return (
    <form method="post" action={action} novalidate id={id} enctype={multipart ? 'multipart/form-data' : undefined}>
      <input type="hidden" name="_csrf" value={csrfToken} />
      {children}
    </form>
  )
}
