/**
 * Control characters have no place in what people type: NUL breaks PostgreSQL text, the others hide
 * text in exports and mails. Tab, CR and LF stay allowed because multi-line fields need them.
 */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/

export const hasControlCharacters = (value: string) => CONTROL.test(value)

/** Paths (`a.b.0`) of every string in a parsed JSON value or form body that holds a control character. */
export function controlCharacterPaths(value: unknown, path: string[] = [], out: string[] = []): string[] {
  if (out.length >= 20) return out
  if (typeof value === 'string') {
    if (hasControlCharacters(value)) out.push(path.join('.'))
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => controlCharacterPaths(v, [...path, String(i)], out))
  } else if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (hasControlCharacters(k)) out.push([...path, k].join('.'))
      else controlCharacterPaths(v, [...path, k], out)
    }
  }
  return out
}
