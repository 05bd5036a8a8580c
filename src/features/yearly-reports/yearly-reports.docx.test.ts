import assert from 'node:assert/strict'
import { test } from 'node:test'
import { docxParts } from '../../test-support/docx-xml.ts'
import type { Block } from './report-model.ts'
import { yearlyReportDocx } from './yearly-reports.docx.ts'
import type { ReportView } from './yearly-reports.service.ts'

/** A follow-up report whose participation section has the page's bar chart and its table. */
function view(categories: { label: string; values: Record<string, number | null> }[]): ReportView {
  const blocks: Block[] = [
    {
      type: 'bars',
      id: 'participation-chart',
      tableId: 'participation',
      title: 'Timmar i samverkansorganen per part',
      description: 'Hur många timmar varje part har deltagit.',
      attribution: 'Källa: mötesprotokollen',
      unit: 'hours',
      series: [{ key: 'hours', label: 'Timmar' }],
      categories,
    },
    { type: 'table', id: 'participation', caption: 'Deltagande per part', header: ['Part', 'Timmar'], rows: [['Linköpings kommun', '12,5']], numericFrom: 1 },
  ]
  return {
    report: { kind: 'follow_up', scope: 'year', status: 'draft' },
    model: {
      title: 'Uppföljning 2025',
      collaborationName: 'ÖTMB',
      from: '2025-01-01',
      to: '2025-12-31',
      generatedOn: '2026-01-10',
      sections: [{ key: 'participation', title: 'Deltagande', blocks }],
    },
    narratives: [],
  } as unknown as ReportView
}

test('the yearly report’s DOCX has the participation chart as an image with alt text, before its table', async () => {
  const parts = await docxParts(await yearlyReportDocx(view([{ label: 'Linköpings kommun', values: { hours: 12.5 } }])))
  assert.equal([...parts.keys()].filter((k) => /^word\/media\/.+\.png$/.test(k)).length, 1)
  const xml = parts.get('word/document.xml')!
  assert.match(
    xml,
    /<wp:docPr [^>]*descr="Diagram: Timmar i samverkansorganen per part\. Hur många timmar varje part har deltagit\. Samma siffror finns i tabellen efter diagrammet\."/,
  )
  assert.ok(xml.indexOf('<w:drawing>') < xml.indexOf('Deltagande per part'))
  assert.ok(xml.includes('12,5'), 'the table is kept')
})

test('no categories, no image: the table alone', async () => {
  const parts = await docxParts(await yearlyReportDocx(view([])))
  assert.ok(![...parts.keys()].some((k) => k.startsWith('word/media/')))
  assert.ok(parts.get('word/document.xml')!.includes('Deltagande per part'))
})
