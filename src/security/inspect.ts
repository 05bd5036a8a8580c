import fs from 'node:fs'
import { type DefaultTreeAdapterMap, parse } from 'parse5'

/**
 * Detectors for "an element or attribute came from a payload", one per format the platform sends.
 * Every payload in xss-payloads.txt carries the marker "xss" (or runs script, or adds an event
 * handler), so an injection shows up as one of: an element the pages never use, an event-handler
 * attribute, script or style text, a marker in a tag or attribute name, or a marker in an attribute
 * that a browser treats as a URL or as CSS. Text that merely contains the payload is fine: that is
 * what escaping produces. inspect.test.ts proves each detector flags every payload when it is
 * inserted raw, and none when it is escaped.
 */
export const PAYLOADS: string[] = fs
  .readFileSync(new URL('./xss-payloads.txt', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.length > 0)

const MARKER = /xss|alert\(|javascript:|vbscript:|expression\(/i
/** Elements the platform never renders; any of them on a page came from somewhere else. */
const NEVER = new Set([
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'base',
  'marquee',
  'bgsound',
  'isindex',
  'keygen',
  'xss',
  'xss:script',
  'math',
  'mglyph',
  'mtext',
  'animate',
  'set',
  'video',
  'audio',
  'source',
  'layer',
  'ilayer',
])
/** Attributes whose value a browser loads, navigates to, or applies as CSS. */
const URL_OR_CSS = new Set([
  'href',
  'xlink:href',
  'src',
  'srcset',
  'srcdoc',
  'action',
  'formaction',
  'data',
  'background',
  'poster',
  'dynsrc',
  'lowsrc',
  'style',
  'content',
  'to',
  'values',
  'from',
  'by',
  'behavior',
])
/** A same-site link carrying user text in its (percent-encoded) query is fine. */
const SAFE_URL = /^(\/(?![/\\])|#|\?)[^<>"\s\\]*$/

type Node = DefaultTreeAdapterMap['node']
type Element = DefaultTreeAdapterMap['element']

export function htmlFindings(html: string, where: string): string[] {
  const found: string[] = []
  const walk = (node: Node, inBody: boolean) => {
    const el = node as Element
    if (el.tagName) {
      const tag = el.tagName.toLowerCase()
      const say = (what: string) => found.push(`${where}: <${tag}> ${what}`)
      if (NEVER.has(tag) || MARKER.test(tag)) say('is not an element the platform renders')
      if (inBody && (tag === 'meta' || tag === 'link' || tag === 'body' || tag === 'head')) {
        // parse5 moves <body>/<meta> inside the body to where they belong; their attributes still land.
      }
      for (const a of el.attrs) {
        const name = a.name.toLowerCase()
        if (name.startsWith('on')) say(`has an event handler ${name}`)
        else if (MARKER.test(name)) say(`has an attribute ${name} from a payload`)
        else if (URL_OR_CSS.has(name) && MARKER.test(a.value) && !SAFE_URL.test(a.value)) say(`${name}="${a.value.slice(0, 60)}"`)
      }
      if (tag === 'script' && (el.childNodes.length > 0 || !/^\/static\//.test(el.attrs.find((a) => a.name === 'src')?.value ?? '')))
        say('is not the platform’s own script')
      if (tag === 'style' && MARKER.test(textOf(el))) say('holds payload CSS')
      if (tag === 'svg' || tag === 'a') {
        // Inline SVG (charts, the structure diagram) and links are the platform's; their attributes were checked above.
      }
    }
    for (const child of (node as Element).childNodes ?? []) walk(child, inBody || el.tagName === 'body')
    const content = (node as unknown as { content?: Node }).content
    if (content) walk(content, inBody)
  }
  walk(parse(html) as unknown as Node, false)
  return found
}

function textOf(node: Node): string {
  const n = node as unknown as { value?: string; childNodes?: Node[] }
  return n.value ?? (n.childNodes ?? []).map(textOf).join('')
}

/** The cells of a `;`-separated CSV with RFC 4180 quoting. */
export function csvCells(text: string): string[] {
  const cells: string[] = []
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0
  while (i <= text.length) {
    let cell = ''
    if (text[i] === '"') {
      i++
      for (;;) {
        const q = text.indexOf('"', i)
        if (q < 0) throw new Error('unterminated quote')
        cell += text.slice(i, q)
        if (text[q + 1] === '"') {
          cell += '"'
          i = q + 2
        } else {
          i = q + 1
          break
        }
      }
    } else {
      const m = /[;\r\n]|$/.exec(text.slice(i))!
      cell = text.slice(i, i + m.index)
      i += m.index
    }
    cells.push(cell)
    if (text[i] === ';') i++
    else if (text.startsWith('\r\n', i)) i += 2
    else if (text[i] === '\n') i++
    else break
  }
  return cells
}

const FORMULA = /^[=+\-@\t\r]/
/** The text wrapper csvText writes for identifiers Excel would turn into numbers: ="0580". */
const TEXT_WRAPPER = /^="[^"]*"$/
const NUMBER = /^-?\d+(,\d+)?$/

/** Every cell a spreadsheet would run as a formula. */
export function csvFindings(text: string, where: string): string[] {
  return csvCells(text)
    .filter((c) => FORMULA.test(c) && !TEXT_WRAPPER.test(c) && !NUMBER.test(c))
    .map((c) => `${where}: cell ${JSON.stringify(c.slice(0, 60))} is a formula`)
}

/** Properties whose values are free text; a payload elsewhere means it broke out of its line. */
const ICS_TEXT = new Set(['NAME', 'SUMMARY', 'DESCRIPTION', 'LOCATION', 'COMMENT', 'X-WR-CALNAME', 'X-WR-CALDESC', 'X-ALT-DESC', 'CONTACT'])

export function icsFindings(text: string, where: string): string[] {
  const lines = text.replace(/\r\n[ \t]/g, '').split(/\r\n/)
  const found: string[] = []
  for (const line of lines) {
    if (line === '') continue
    const m = /^([A-Z][A-Z0-9-]*)([;:])/.exec(line)
    if (!m) found.push(`${where}: line ${JSON.stringify(line.slice(0, 60))} is not a property`)
    else if (MARKER.test(line) && !ICS_TEXT.has(m[1])) found.push(`${where}: ${m[1]} carries a payload`)
    else if (/\r|\n/.test(line)) found.push(`${where}: ${m[1]} holds a raw line break`)
  }
  return found
}

/**
 * An XML part of a Word document, tokenised: every element is namespaced OOXML (or a package
 * root), no element or attribute name and no attribute value carries a payload, and no `<` is
 * left that is not a tag (text holds payloads only as &lt;).
 */
export function xmlFindings(xml: string, where: string): string[] {
  const found: string[] = []
  const body = xml.replace(/^<\?xml[^>]*\?>/, '')
  const TAG = /<(\/?)([^\s>/]+)((?:\s+[^\s=>/]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g
  let last = 0
  for (const m of body.matchAll(TAG)) {
    if (body.slice(last, m.index).includes('<')) found.push(`${where}: a stray < before <${m[2]}>`)
    last = m.index + m[0].length
    const name = m[2]
    if (!name.includes(':') && !PACKAGE_ROOTS.has(name)) found.push(`${where}: <${name}> is not OOXML`)
    if (MARKER.test(name)) found.push(`${where}: <${name}> from a payload`)
    for (const a of m[3].matchAll(/([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      // A web address typed into a text becomes a hyperlink whose visible text is the address itself
      // (platform/docx linkedRuns): an external http(s) Target is that, not markup from a payload.
      if (name === 'Relationship' && a[1] === 'Target' && /TargetMode="External"/.test(m[3]) && isWebAddress(a[2] ?? a[3] ?? '')) continue
      if (MARKER.test(a[1]) || MARKER.test(a[2] ?? a[3] ?? '')) found.push(`${where}: <${name} ${a[1]}=…> from a payload`)
    }
  }
  if (body.slice(last).includes('<')) found.push(`${where}: a stray < at the end`)
  return found
}

function isWebAddress(value: string): boolean {
  const unescaped = value.replace(/&amp;/g, '&')
  if (!/^https?:\/\//.test(unescaped) || /[\s<>"']/.test(unescaped)) return false
  try {
    return ['http:', 'https:'].includes(new URL(unescaped).protocol)
  } catch {
    return false
  }
}

const PACKAGE_ROOTS = new Set([
  'Types',
  'Default',
  'Override',
  'Relationships',
  'Relationship',
  'Properties',
  'Application',
  'DocSecurity',
  'ScaleCrop',
  'Company',
  'LinksUpToDate',
  'SharedDoc',
  'HyperlinksChanged',
  'AppVersion',
  'Template',
  'TotalTime',
  'Pages',
  'Words',
  'Characters',
  'Lines',
  'Paragraphs',
  'CharactersWithSpaces',
])
