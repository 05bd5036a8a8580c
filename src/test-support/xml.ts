/**
 * A small, strict XML reader for tests of the documents we write (the Atom feed): it refuses what a
 * real parser refuses — unbalanced or crossed tags, unquoted or repeated attributes, a bare `&` or `<`
 * in text, unknown entities, more than one root, text outside the root — and returns the tree. No
 * DTDs, processing instructions other than the XML declaration, or namespaces resolution (names are
 * kept as written). Enough to prove well-formedness; not a general parser.
 */
export interface XmlElement {
  name: string
  attrs: Record<string, string>
  children: (XmlElement | string)[]
}

const NAME = /^[A-Za-z_][\w.:-]*/
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

function decode(text: string, at: number): string {
  if (/<|&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(text)) throw new Error(`bad character or entity in text near offset ${at}`)
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (_m, e: string) =>
    e.startsWith('#x') ? String.fromCodePoint(Number.parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : ENTITIES[e],
  )
}

export function parseXml(xml: string): XmlElement {
  let i = 0
  const fail = (msg: string): never => {
    throw new Error(`${msg} at offset ${i}`)
  }
  if (xml.startsWith('<?xml')) {
    const end = xml.indexOf('?>')
    if (end < 0) fail('unterminated XML declaration')
    i = end + 2
  }
  const skipMisc = () => {
    for (;;) {
      const ws = /^\s*/.exec(xml.slice(i))![0]
      i += ws.length
      if (xml.startsWith('<!--', i)) {
        const end = xml.indexOf('-->', i)
        if (end < 0) fail('unterminated comment')
        i = end + 3
      } else return
    }
  }
  const element = (): XmlElement => {
    if (xml[i] !== '<') fail('expected <')
    i++
    const name = NAME.exec(xml.slice(i))?.[0] ?? fail('expected an element name')
    i += name.length
    const attrs: Record<string, string> = {}
    for (;;) {
      const ws = /^\s*/.exec(xml.slice(i))![0]
      i += ws.length
      if (xml.startsWith('/>', i)) {
        i += 2
        return { name, attrs, children: [] }
      }
      if (xml[i] === '>') {
        i++
        break
      }
      if (!ws) fail('expected whitespace before an attribute')
      const attr = NAME.exec(xml.slice(i))?.[0] ?? fail('expected an attribute name')
      i += attr.length
      const m = /^\s*=\s*(["'])/.exec(xml.slice(i)) ?? fail(`attribute ${attr} without a quoted value`)
      i += m[0].length
      const end = xml.indexOf(m[1], i)
      if (end < 0) fail('unterminated attribute value')
      if (attr in attrs) fail(`repeated attribute ${attr}`)
      attrs[attr] = decode(xml.slice(i, end), i)
      i = end + 1
    }
    const children: (XmlElement | string)[] = []
    for (;;) {
      const next = xml.indexOf('<', i)
      if (next < 0) fail(`unclosed <${name}>`)
      if (next > i) children.push(decode(xml.slice(i, next), i))
      i = next
      if (xml.startsWith('</', i)) {
        i += 2
        const close = NAME.exec(xml.slice(i))?.[0]
        if (close !== name) fail(`</${close}> closes <${name}>`)
        i += name.length
        const m = /^\s*>/.exec(xml.slice(i)) ?? fail('expected >')
        i += m[0].length
        return { name, attrs, children }
      }
      if (xml.startsWith('<!--', i)) {
        const end = xml.indexOf('-->', i)
        if (end < 0) fail('unterminated comment')
        i = end + 3
      } else if (xml.startsWith('<![CDATA[', i)) {
        const end = xml.indexOf(']]>', i)
        if (end < 0) fail('unterminated CDATA')
        children.push(xml.slice(i + 9, end))
        i = end + 3
      } else children.push(element())
    }
  }
  skipMisc()
  const root = element()
  skipMisc()
  if (i !== xml.length) fail('content after the root element')
  return root
}

/** The child elements of a name. */
export const childrenNamed = (e: XmlElement, name: string) => e.children.filter((c): c is XmlElement => typeof c !== 'string' && c.name === name)

/** An element's text (its text children joined). */
export const textOf = (e: XmlElement | undefined) => (e ? e.children.filter((c): c is string => typeof c === 'string').join('') : '')
