import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { type DefaultTreeAdapterMap, parse } from 'parse5'
import type { RegisteredRoute } from '../platform/deps.ts'
import type { TestBrowser } from '../test-support/browser.ts'
import { docxParts } from '../test-support/docx-xml.ts'
import { csvFindings, htmlFindings, icsFindings, xmlFindings } from './inspect.ts'

type Node = DefaultTreeAdapterMap['node']
type Element = DefaultTreeAdapterMap['element']

export interface FormField {
  name: string
  kind: 'input' | 'textarea' | 'select' | 'file'
  type: string
  value: string
  checked: boolean
  options: string[]
}
export interface FoundForm {
  action: string
  page: string
  multipart: boolean
  fields: FormField[]
}

const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value
const text = (n: Node): string => (n as { value?: string }).value ?? ((n as Element).childNodes ?? []).map(text).join('')

/** Links and POST forms of a page, as a browser without JavaScript sees them. */
export function pageParts(html: string, page: string): { links: string[]; forms: FoundForm[] } {
  const links: string[] = []
  const forms: FoundForm[] = []
  let current: FoundForm | undefined
  const walk = (node: Node) => {
    const el = node as Element
    let opened = false
    if (el.tagName === 'a' && attr(el, 'href')) links.push(attr(el, 'href')!)
    if (el.tagName === 'form' && (attr(el, 'method') ?? 'get').toLowerCase() === 'post') {
      current = { action: attr(el, 'action') ?? page, page, multipart: (attr(el, 'enctype') ?? '').includes('multipart'), fields: [] }
      forms.push(current)
      opened = true
    }
    const name = el.tagName ? attr(el, 'name') : undefined
    if (current && name && !el.attrs.some((a) => a.name === 'disabled')) {
      if (el.tagName === 'input') {
        const type = (attr(el, 'type') ?? 'text').toLowerCase()
        if (!['submit', 'button', 'image', 'reset'].includes(type))
          current.fields.push({
            name,
            kind: type === 'file' ? 'file' : 'input',
            type,
            value: attr(el, 'value') ?? (type === 'checkbox' ? 'on' : ''),
            checked: el.attrs.some((a) => a.name === 'checked'),
            options: [],
          })
      } else if (el.tagName === 'textarea') current.fields.push({ name, kind: 'textarea', type: 'textarea', value: text(el), checked: false, options: [] })
      else if (el.tagName === 'select') {
        const opts: { value: string; selected: boolean }[] = []
        const collect = (n: Node) => {
          const o = n as Element
          if (o.tagName === 'option') opts.push({ value: attr(o, 'value') ?? text(o), selected: o.attrs.some((a) => a.name === 'selected') })
          for (const c of o.childNodes ?? []) collect(c)
        }
        collect(el)
        const selected = opts.find((o) => o.selected)?.value ?? ''
        current.fields.push({ name, kind: 'select', type: 'select', value: selected, checked: false, options: opts.map((o) => o.value).filter(Boolean) })
      }
    }
    for (const c of el.childNodes ?? []) walk(c)
    const content = (node as unknown as { content?: Node }).content
    if (content) walk(content)
    if (opened) current = undefined
  }
  walk(parse(html) as unknown as Node)
  return { links, forms }
}

/** Same-site paths only; logout, the language switch and static files are not content. */
export function followable(href: string): string | undefined {
  if (!href.startsWith('/') || href.startsWith('//')) return undefined
  const path = href.split('#')[0]
  if (/^\/(logout|language|static\/|api\/|favicon)/.test(path)) return undefined
  return path
}

/** Whatever a response is, the findings of the detector for its format. */
export async function findingsOf(res: LightMyRequestResponse, where: string): Promise<string[]> {
  const type = String(res.headers['content-type'] ?? '')
  if (type.startsWith('text/html')) return htmlFindings(res.body, where)
  if (type.startsWith('text/csv')) return csvFindings(res.body, where)
  if (type.startsWith('text/calendar')) return icsFindings(res.body, where)
  if (type.includes('wordprocessingml')) {
    const parts = await docxParts(res.rawPayload)
    return [...parts].filter(([name]) => name.endsWith('.xml') || name.endsWith('.rels')).flatMap(([name, xml]) => xmlFindings(xml, `${where} ${name}`))
  }
  return []
}

/** The registered route a concrete path belongs to (parameters match one segment). */
export function routeOf(routes: RegisteredRoute[], method: string, path: string): RegisteredRoute | undefined {
  return routes.find((r) => r.method === method && new RegExp(`^${r.url.replace(/[.]/g, '\\.').replace(/:\w+/g, '[^/]+').replace('*', '.*')}$`).test(path))
}

/**
 * Visits pages breadth-first from the seeds, following same-site links, at most `perRoute` paths
 * per registered route (a hundred people's pages are the same template), checking every response
 * and collecting every POST form.
 */
export async function crawl(
  _app: FastifyInstance,
  browser: TestBrowser,
  routes: RegisteredRoute[],
  seeds: string[],
  opts: { perRoute?: number; findings: string[]; kinds: Map<string, number>; visited?: Set<string> },
): Promise<FoundForm[]> {
  const perRoute = opts.perRoute ?? 3
  const seen = new Set<string>()
  const byRoute = new Map<string, number>()
  const forms: FoundForm[] = []
  const queue = [...seeds]
  while (queue.length) {
    const url = queue.shift()!
    if (seen.has(url)) continue
    seen.add(url)
    const route = routeOf(routes, 'GET', url.split('?')[0])
    const key = route?.url ?? url
    if ((byRoute.get(key) ?? 0) >= perRoute) continue
    byRoute.set(key, (byRoute.get(key) ?? 0) + 1)
    const res = await browser.get(url)
    if (route && res.statusCode === 200) opts.visited?.add(route.url)
    const type = String(res.headers['content-type'] ?? '').split(';')[0]
    opts.kinds.set(type, (opts.kinds.get(type) ?? 0) + 1)
    opts.findings.push(...(await findingsOf(res, `GET ${url}`)))
    if (res.statusCode === 303 && res.headers.location) {
      const next = followable(String(res.headers.location))
      if (next) queue.push(next)
    }
    if (!type.startsWith('text/html')) continue
    const parts = pageParts(res.body, url)
    forms.push(...parts.forms)
    for (const href of parts.links) {
      const next = followable(href)
      if (next && !seen.has(next)) queue.push(next)
    }
  }
  return forms
}
