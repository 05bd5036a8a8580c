import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { SaxesParser } from 'saxes'
import { type TestApp, buildTestApp } from '../../test-support/test-app.ts'
import { DATASET_KEYS } from './datasets.ts'

/** The open-data page, its README, the DCAT-AP-SE catalogue and the OpenAPI description (open-data.test.ts checks the data). */
let t: TestApp
before(async () => {
  t = await buildTestApp()
})
after(() => t.close())

const get = (url: string) => t.app.inject({ method: 'GET', url })
const pathOf = (url: string) => url.replace(t.deps.config.baseUrl, '')

async function json(key: string) {
  const res = await get(`/api/v1/open-data/${key}`)
  assert.equal(res.statusCode, 200, `${key}: ${res.body.slice(0, 200)}`)
  return res.json() as { dataset: string; licence: string; items: Record<string, unknown>[] }
}

describe('the page, the README and the DCAT-AP-SE catalogue', () => {
  test('the page lists every dataset with its formats, the licence we chose, the README and the catalogue, without signing in', async () => {
    for (const lang of ['sv', 'en']) {
      const res = await t.app.inject({ method: 'GET', url: '/open-data', headers: { cookie: `lang=${lang}`, 'accept-language': lang } })
      assert.equal(res.statusCode, 200)
      assert.ok(res.body.includes(`<h1 class="heading-l">${lang === 'sv' ? 'Öppna data' : 'Open data'}</h1>`), lang)
      for (const key of DATASET_KEYS) {
        assert.ok(res.body.includes(`href="/open-data/${key}.csv"`), key)
        assert.ok(res.body.includes(`href="/api/v1/open-data/${key}"`), key)
      }
      assert.ok(res.body.includes('href="https://creativecommons.org/publicdomain/zero/1.0/"'))
      assert.ok(res.body.includes('href="/open-data/README.txt"'))
      assert.ok(res.body.includes('href="/open-data/catalog.rdf"'))
    }
    assert.ok((await get('/')).body.includes('href="/open-data"'), 'the footer links to it')
  })

  test('the README describes every column of every dataset, in Swedish', async () => {
    const res = await get('/open-data/README.txt')
    assert.match(String(res.headers['content-type']), /^text\/plain/)
    for (const key of DATASET_KEYS) {
      const columns = Object.keys((await json(key)).items[0] ?? {})
      assert.ok(res.body.includes(`${key} – `), key)
      for (const c of columns) assert.match(res.body, new RegExp(`\\n  ${c}\\r\\n    Typ: `), `${key}.${c}`)
    }
    assert.match(res.body, /Licens/)
  })

  test('the catalogue is well-formed RDF/XML with the properties DCAT-AP-SE requires', async () => {
    const res = await get('/open-data/catalog.rdf')
    assert.equal(res.statusCode, 200)
    assert.match(String(res.headers['content-type']), /^application\/rdf\+xml/)
    const elements: { name: string; attributes: Record<string, string>; text: string; path: string[] }[] = []
    const stack: string[] = []
    const parser = new SaxesParser({ xmlns: true })
    let current: (typeof elements)[number] | undefined
    parser.on('opentag', (tag) => {
      const name = `${tag.uri}${tag.local}`
      current = {
        name,
        attributes: Object.fromEntries(Object.values(tag.attributes).map((a) => [`${(a as { uri: string }).uri}${(a as { local: string }).local}`, a.value])),
        text: '',
        path: [...stack],
      }
      elements.push(current)
      stack.push(name)
    })
    parser.on('text', (text) => {
      if (current) current.text += text
    })
    parser.on('closetag', () => {
      stack.pop()
      current = undefined
    })
    parser.write(res.body).close()
    const DCAT = 'http://www.w3.org/ns/dcat#'
    const DCT = 'http://purl.org/dc/terms/'
    const FOAF = 'http://xmlns.com/foaf/0.1/'
    const VCARD = 'http://www.w3.org/2006/vcard/ns#'
    const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#'
    const childrenOf = (parent: string, name: string) => elements.filter((e) => e.path[e.path.length - 1] === parent && e.name === name)
    const catalog = `${DCAT}Catalog`
    assert.equal(elements.filter((e) => e.name === catalog).length, 1)
    for (const p of ['title', 'description', 'publisher', 'license']) assert.ok(childrenOf(catalog, `${DCT}${p}`).length > 0, `catalog ${p}`)
    assert.deepEqual(
      childrenOf(catalog, `${DCT}title`)
        .map((e) => e.attributes['http://www.w3.org/XML/1998/namespacelang'])
        .sort(),
      ['en', 'sv'],
    )
    assert.equal(childrenOf(catalog, `${DCAT}dataset`).length, DATASET_KEYS.length)
    const publisher = elements.find((e) => e.name === `${FOAF}Agent`)!
    assert.equal(childrenOf(catalog, `${DCT}publisher`)[0].attributes[`${RDF}resource`], publisher.attributes[`${RDF}about`])
    assert.equal(elements.find((e) => e.name === `${FOAF}name`)!.text, 'Länsstyrelsen Östergötland')
    const dataset = `${DCAT}Dataset`
    assert.equal(elements.filter((e) => e.name === dataset).length, DATASET_KEYS.length)
    for (const p of ['title', 'description', 'publisher'])
      assert.equal(childrenOf(dataset, `${DCT}${p}`).length, DATASET_KEYS.length * (p === 'publisher' ? 1 : 2), p)
    assert.equal(childrenOf(dataset, `${DCAT}contactPoint`).length, DATASET_KEYS.length)
    assert.equal(childrenOf(`${VCARD}Organization`, `${VCARD}fn`).length, DATASET_KEYS.length)
    const emails = childrenOf(`${VCARD}Organization`, `${VCARD}hasEmail`).map((e) => e.attributes[`${RDF}resource`])
    assert.deepEqual([...new Set(emails)], ['mailto:oppnadata@tillsammans.invalid'])
    assert.equal(childrenOf(dataset, `${DCAT}distribution`).length, DATASET_KEYS.length * 2)
    const distribution = `${DCAT}Distribution`
    for (const p of [`${DCAT}accessURL`, `${DCAT}downloadURL`, `${DCT}format`, `${DCAT}mediaType`, `${DCT}license`])
      assert.equal(childrenOf(distribution, p).length, DATASET_KEYS.length * 2, p)
    // Every access URL is absolute, from the configured base URL, and answers without signing in.
    for (const e of childrenOf(distribution, `${DCAT}accessURL`)) {
      const url = e.attributes[`${RDF}resource`]
      assert.ok(url.startsWith(`${t.deps.config.baseUrl}/`), url)
      assert.equal((await get(pathOf(url))).statusCode, 200, url)
    }
  })

  test('the OpenAPI document describes each open-data operation with its fields', async () => {
    const doc = (await get('/api/v1/openapi.json')).json()
    for (const key of DATASET_KEYS) {
      const op = doc.paths[`/api/v1/open-data/${key}`]?.get
      assert.ok(op, key)
      assert.deepEqual(op.security, [])
      const items = op.responses['200'].content['application/json'].schema.properties.items.items
      assert.ok(Object.keys(items.properties).includes('url'), key)
    }
  })
})
