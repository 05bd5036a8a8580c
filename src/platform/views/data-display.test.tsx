import assert from 'node:assert/strict'
import { test } from 'node:test'
import { translator } from '../i18n/i18n.ts'
import { renderPage } from '../http/render.tsx'
import { columnLabel, DataTable } from './data-display.tsx'
import type { PageContext } from './page-context.ts'

const ctx: PageContext = { t: translator('sv'), locale: 'sv', csrfToken: '', demo: false, path: '/', nav: [], collaborationName: 'ÖTMB' }

test('column headers drop "(valfritt)": it is about filling in a form, not about a column', () => {
  assert.equal(columnLabel('Titel (valfritt)'), 'Titel')
  assert.equal(columnLabel('Phone (optional)'), 'Phone')
  assert.equal(columnLabel('Till och med'), 'Till och med')
  const html = renderPage(
    ctx,
    <DataTable
      caption="Personer"
      columns={[
        { key: 'name', label: 'Namn', render: (r: { name: string }) => r.name },
        { key: 'title', label: 'Titel (valfritt)', render: () => '–', sortable: true },
        { key: 'phone', label: 'Telefon (valfritt)', render: () => '–' },
      ]}
      rows={[{ name: 'Ada' }]}
      sortHref={(key, dir) => `?sort=${key}&dir=${dir}`}
    />,
  )
  const headers = [...html.matchAll(/<th[^>]*>(.*?)<\/th>/g)].map((m) => m[1].replace(/<[^>]+>/g, ''))
  assert.deepEqual(headers, ['Namn', 'Titel (sortera stigande)', 'Telefon'])
  assert.doesNotMatch(html, /valfritt/)
})
