/** Text for XML: the five characters that matter escaped, and characters XML 1.0 forbids dropped. */
export function xmlText(s: string): string {
  return s
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}

export interface AtomEntry {
  id: string
  title: string
  updated: Date
  link: string
  content: string
}

export interface AtomFeed {
  id: string
  title: string
  /** The feed's own URL (rel="self") and the page it stands for (rel="alternate"). */
  self: string
  alternate: string
  author: string
  lang: string
  entries: AtomEntry[]
  /** When the feed has no entries: the feed's `updated` (a feed must have one). */
  fallbackUpdated: Date
}

/** An Atom 1.0 document (RFC 4287): every required element, plain-text content, everything escaped. */
export function atomFeed(f: AtomFeed): string {
  const updated = f.entries.reduce((max, e) => (e.updated > max ? e.updated : max), f.entries.length ? f.entries[0].updated : f.fallbackUpdated)
  const entries = f.entries.map(
    (e) => `  <entry>
    <id>${xmlText(e.id)}</id>
    <title type="text">${xmlText(e.title)}</title>
    <updated>${e.updated.toISOString()}</updated>
    <link rel="alternate" type="text/html" href="${xmlText(e.link)}"/>
    <content type="text">${xmlText(e.content)}</content>
  </entry>
`,
  )
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xmlText(f.lang)}">
  <id>${xmlText(f.id)}</id>
  <title type="text">${xmlText(f.title)}</title>
  <updated>${updated.toISOString()}</updated>
  <author><name>${xmlText(f.author)}</name></author>
  <link rel="self" type="application/atom+xml" href="${xmlText(f.self)}"/>
  <link rel="alternate" type="text/html" href="${xmlText(f.alternate)}"/>
${entries.join('')}</feed>
`
}
