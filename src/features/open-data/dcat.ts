import { translator } from '../../platform/i18n/i18n.ts'
import type { Dataset } from './datasets.ts'
import { LICENCE_URL, csvPath, jsonPath } from './formats.ts'

/** Text or an attribute value for XML: the five characters that matter escaped, characters XML 1.0 forbids dropped. */
export function xmlEscape(s: string): string {
  return s
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}

const EU = 'http://publications.europa.eu/resource/authority'
const IANA = 'http://www.iana.org/assignments/media-types'

export interface CatalogInfo {
  baseUrl: string
  /** The collaboration's owning party (Länsstyrelsen), who publishes the data. */
  publisherName: string
  contactName: string
  contactEmail: string
}

const res = (property: string, uri: string) => `<${property} rdf:resource="${xmlEscape(uri)}"/>`
const lit = (property: string, lang: string, text: string) => `<${property} xml:lang="${lang}">${xmlEscape(text)}</${property}>`

/**
 * The DCAT-AP-SE description of the open data (RDF/XML) for Sveriges dataportal to harvest: a
 * catalogue with title, description, publisher, licence and its datasets; each dataset with title,
 * description, publisher, contact point, theme and its distributions (CSV and JSON), each
 * distribution with access and download URL, format, media type and licence. Titles in sv and en.
 */
export function catalogRdf(datasets: readonly Dataset[], info: CatalogInfo): string {
  const sv = translator('sv')
  const en = translator('en')
  const base = info.baseUrl
  const publisher = `${base}/open-data#publisher`
  const both = (property: string, key: string) => [lit(property, 'sv', sv(key)), lit(property, 'en', en(key))]
  const distribution = (d: Dataset, kind: 'csv' | 'json') => {
    const url = `${base}${kind === 'csv' ? csvPath(d) : jsonPath(d)}`
    return [
      '<dcat:distribution>',
      `<dcat:Distribution rdf:about="${xmlEscape(`${base}/open-data#${d.key}-${kind}`)}">`,
      lit('dcterms:title', 'sv', `${sv(`openData.datasets.${d.key}.title`)} (${kind.toUpperCase()})`),
      lit('dcterms:title', 'en', `${en(`openData.datasets.${d.key}.title`)} (${kind.toUpperCase()})`),
      res('dcat:accessURL', url),
      res('dcat:downloadURL', url),
      res('dcterms:format', `${EU}/file-type/${kind === 'csv' ? 'CSV' : 'JSON'}`),
      res('dcat:mediaType', `${IANA}/${kind === 'csv' ? 'text/csv' : 'application/json'}`),
      res('dcterms:license', LICENCE_URL),
      '</dcat:Distribution>',
      '</dcat:distribution>',
    ]
  }
  const dataset = (d: Dataset) => [
    '<dcat:dataset>',
    `<dcat:Dataset rdf:about="${xmlEscape(`${base}/open-data#${d.key}`)}">`,
    ...both('dcterms:title', `openData.datasets.${d.key}.title`),
    ...both('dcterms:description', `openData.datasets.${d.key}.description`),
    `<dcterms:identifier>${xmlEscape(`${base}/open-data#${d.key}`)}</dcterms:identifier>`,
    res('dcterms:publisher', publisher),
    '<dcat:contactPoint>',
    '<vcard:Organization>',
    `<vcard:fn>${xmlEscape(info.contactName)}</vcard:fn>`,
    res('vcard:hasEmail', `mailto:${info.contactEmail}`),
    '</vcard:Organization>',
    '</dcat:contactPoint>',
    res('dcat:theme', `${EU}/data-theme/${d.theme}`),
    res('dcterms:language', `${EU}/language/SWE`),
    res('dcat:landingPage', `${base}${d.landingPath}`),
    res('dcterms:accessRights', `${EU}/access-right/PUBLIC`),
    ...distribution(d, 'csv'),
    ...distribution(d, 'json'),
    '</dcat:Dataset>',
    '</dcat:dataset>',
  ]
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dcat="http://www.w3.org/ns/dcat#" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:foaf="http://xmlns.com/foaf/0.1/" xmlns:vcard="http://www.w3.org/2006/vcard/ns#">',
    `<dcat:Catalog rdf:about="${xmlEscape(`${base}/open-data/catalog.rdf`)}">`,
    ...both('dcterms:title', 'openData.catalogTitle'),
    ...both('dcterms:description', 'openData.catalogDescription'),
    res('dcterms:publisher', publisher),
    res('dcterms:license', LICENCE_URL),
    res('dcterms:language', `${EU}/language/SWE`),
    res('dcterms:language', `${EU}/language/ENG`),
    res('foaf:homepage', `${base}/open-data`),
    ...datasets.flatMap(dataset),
    '</dcat:Catalog>',
    `<foaf:Agent rdf:about="${xmlEscape(publisher)}">`,
    `<foaf:name>${xmlEscape(info.publisherName)}</foaf:name>`,
    '</foaf:Agent>',
    '</rdf:RDF>',
    '',
  ].join('\n')
}
