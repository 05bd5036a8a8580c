/** Swedish alphabetical order (Å, Ä, Ö last), which the database's C collation does not give. */
const sv = new Intl.Collator('sv', { sensitivity: 'base', numeric: true })

export const compareSv = (a: string, b: string) => sv.compare(a, b)

export function sortBySv<T>(items: T[], key: (item: T) => string): T[] {
  return [...items].sort((a, b) => sv.compare(key(a), key(b)))
}
