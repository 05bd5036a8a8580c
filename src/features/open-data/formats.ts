import { type CsvValue, csvDateTime, toCsv } from '../../platform/csv/csv.ts'
import { translator } from '../../platform/i18n/i18n.ts'
import type { Cell, ColumnType, Dataset, Row } from './datasets.ts'

/** The licence we chose for the data (issue 10 §7): public domain dedication, nothing to attribute to us. */
export const LICENCE_URL = 'https://creativecommons.org/publicdomain/zero/1.0/'

export const csvPath = (d: Dataset) => `/open-data/${d.key}.csv`
export const jsonPath = (d: Dataset) => `/api/v1/open-data/${d.key}`

/**
 * A cell as the platform's CSV writes it (csv.ts: `;`, decimal comma, BOM, formulas neutralised).
 * Booleans are `true`/`false`; no value is an empty field — so a suppressed figure is empty, never 0.
 */
const csvCell = (v: Cell, type: ColumnType): CsvValue => {
  if (v === null) return null
  if (typeof v === 'boolean') return v ? 'true' : 'false'
  // Instants in Swedish local time with their offset, as every other export writes them.
  if (type === 'datetime' && typeof v === 'string') return csvDateTime(v)
  return v
}

export function datasetCsv(d: Dataset, rows: Row[]): string {
  return toCsv(
    d.columns.map((c) => c.name),
    rows.map((r) => d.columns.map((c) => csvCell(r[c.name] ?? null, c.type))),
  )
}

const TYPE_SV: Record<ColumnType, string> = {
  text: 'text',
  integer: 'heltal',
  decimal: 'decimaltal (decimalkomma i CSV, punkt i JSON)',
  boolean: 'sant/falskt (true eller false)',
  date: 'datum (ÅÅÅÅ-MM-DD)',
  datetime: 'tidpunkt (ISO 8601 med tidszon: svensk tid i CSV, UTC i JSON)',
  uuid: 'identitet (UUID)',
  url: 'webbadress',
}

/** The README: plain Swedish text, every column of every dataset with its type and meaning. */
export function readme(datasets: readonly Dataset[], baseUrl: string): string {
  const t = translator('sv')
  const lines = [
    'ÖPPNA DATA FRÅN TILLSAMMANS',
    '===========================',
    '',
    t('openData.lead'),
    '',
    'Licens',
    '------',
    `Data släpps under Creative Commons CC0 1.0 Universell, ${LICENCE_URL}`,
    'Det är vårt eget val. Källornas krav på källhänvisning (kolumnen attribution för indikatorer och',
    'enkäter) gäller ändå deras statistik.',
    '',
    'Format',
    '------',
    `CSV: ${baseUrl}/open-data/<datamängd>.csv – UTF-8 med BOM, semikolon (;) mellan fälten, CRLF mellan`,
    'raderna, citattecken enligt RFC 4180, decimalkomma och inga tusentalsavgränsare (samma format som',
    'plattformens övriga exporter, så att svenska Excel öppnar filen rätt). Text som börjar med = + - @',
    'får en inledande apostrof (skydd mot formler i kalkylprogram). Sant/falskt skrivs true/false.',
    'Saknat värde är ett tomt fält. Tidpunkter skrivs i svensk tid med tidszon (2026-05-21T14:00:00+02:00).',
    'Koder (kommunkod 0580, länskod 05) är text: öppna filen med Excels textimport om de inledande',
    'nollorna ska behållas.',
    `JSON: ${baseUrl}/api/v1/open-data/<datamängd> – samma kolumner som egenskaper i varje post under`,
    '"items"; decimaltal med punkt, saknat värde som null. Beskrivs i OpenAPI-dokumentet',
    `${baseUrl}/api/v1/openapi.json.`,
    `Metadata (DCAT-AP-SE, RDF/XML): ${baseUrl}/open-data/catalog.rdf`,
    '',
    'Röjandeskydd',
    '------------',
    'Undertryckta värden (indikatorer som källan har undertryckt, enkätgrupper med för få svarande) är',
    'tomma och har suppressed = true. Ett undertryckt värde är aldrig 0.',
    '',
    'Bara det publika finns med: samma uppgifter som en besökare ser utan att logga in på de publika',
    'sidorna och i det publika API:et.',
    '',
  ]
  for (const d of datasets) {
    const title = `${d.key} – ${t(`openData.datasets.${d.key}.title`)}`
    lines.push(title, '-'.repeat(title.length), t(`openData.datasets.${d.key}.description`), '')
    lines.push(`CSV:  ${baseUrl}${csvPath(d)}`, `JSON: ${baseUrl}${jsonPath(d)}`, '', 'Kolumner:')
    for (const c of d.columns) {
      lines.push(`  ${c.name}`, `    Typ: ${TYPE_SV[c.type]}${c.nullable ? ', kan vara tomt' : ''}`, `    ${c.sv}`)
    }
    lines.push('')
  }
  return lines.join('\r\n')
}
