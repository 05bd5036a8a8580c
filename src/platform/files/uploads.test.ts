import assert from 'node:assert/strict'
import { Readable } from 'node:stream'
import { after, before, test } from 'node:test'
import { buildApp } from '../../app.ts'
import { loadConfig } from '../../config.ts'
import { createDeps } from '../deps.ts'
import { openTestDatabase, type TestDatabase } from '../../test-support/test-database.ts'
import { checkUpload, isUploadedFile } from './uploads.ts'

/** A minimal valid PDF: what a decision document upload looks like to the sniffer. */
export const SMALL_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
)

let tdb: TestDatabase
let app: Awaited<ReturnType<typeof buildApp>>
before(async () => {
  tdb = await openTestDatabase()
  const config = loadConfig({ LOG_LEVEL: 'silent', TILLSAMMANS_DEMO: 'false', SESSION_SECRET: 'x'.repeat(40) })
  app = await buildApp(config, await createDeps(config, tdb.database))
  app.post('/upload-probe', { config: { policy: 'public', csrf: false, uploads: true } }, async (req) => {
    const body = req.body as Record<string, unknown>
    if (!isUploadedFile(body.file)) return { ok: false, errorKey: 'none', note: body.note }
    const checked = await checkUpload(body.file)
    return checked.ok ? { ok: true, type: checked.file.contentType, size: checked.file.size, note: body.note } : checked
  })
  const handled = async () => {
    handlerRuns++
    return { ok: true }
  }
  app.post('/upload-guarded', { config: { policy: 'public', uploads: true } }, handled)
  app.post('/upload-signed-in', { config: { policy: 'authenticated', uploads: true } }, handled)
  app.post('/no-files-here', { config: { policy: 'public', csrf: false } }, handled)
  await app.ready()
})
let handlerRuns = 0
after(async () => {
  await app.close()
  await tdb.drop()
})

function multipartBody(filename: string, data: Buffer) {
  const boundary = '----tillsammans-test'
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nÅtvidaberg\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/pdf\r\n\r\n`,
  )
  return {
    payload: Buffer.concat([head, data, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  }
}

test('a PDF is accepted with its type judged by content, and the other fields arrive as text', async () => {
  const res = await app.inject({ method: 'POST', url: '/upload-probe', ...multipartBody('beslut.pdf', SMALL_PDF) })
  assert.deepEqual(res.json(), { ok: true, type: 'application/pdf', size: SMALL_PDF.length, note: 'Åtvidaberg' })
})

test('a file over 20 MB is marked too large instead of failing the request', async () => {
  const big = Buffer.concat([SMALL_PDF, Buffer.alloc(30 * 1024 * 1024, 0x20)])
  const res = await app.inject({ method: 'POST', url: '/upload-probe', ...multipartBody('stor.pdf', big) })
  assert.deepEqual(res.json(), { ok: false, errorKey: 'platform.files.tooLarge' })
})

test('a program disguised with a .pdf name is refused by its content', async () => {
  const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(2000, 0x90)])
  const res = await app.inject({ method: 'POST', url: '/upload-probe', ...multipartBody('beslut.pdf', exe) })
  assert.deepEqual(res.json(), { ok: false, errorKey: 'platform.files.wrongType' })
  assert.deepEqual(await checkUpload({ filename: 'x.pdf', data: Buffer.from('just text pretending'), truncated: false }), {
    ok: false,
    errorKey: 'platform.files.wrongType',
  })
})

/** A multipart body of `size` bytes that counts how much of it the server pulled. */
function countedMultipart(size: number, firstField = 'note') {
  const boundary = '----tillsammans-count'
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${firstField}"\r\n\r\nx\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="stor.pdf"\r\n\r\n%PDF-1.4\n`,
  )
  const chunk = Buffer.alloc(64 * 1024, 0x20)
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`)
  const state = { pulled: 0 }
  let sent = 0
  const stream = new Readable({
    read() {
      const next = sent === 0 ? head : sent >= size ? null : chunk
      if (next === null) {
        this.push(tail)
        this.push(null)
        return
      }
      sent += next.length
      state.pulled = sent
      this.push(next)
    },
  })
  return { state, payload: stream, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } }
}

test('an upload without a valid CSRF token as its first field is refused before the file is read', async () => {
  handlerRuns = 0
  const body = countedMultipart(15 * 1024 * 1024)
  const res = await app.inject({ method: 'POST', url: '/upload-guarded', payload: body.payload, headers: body.headers })
  assert.equal(res.statusCode, 403)
  assert.equal(handlerRuns, 0)
  assert.ok(body.state.pulled < 2 * 1024 * 1024, `the server read ${body.state.pulled} bytes`)
  const wrong = countedMultipart(1024, '_csrf')
  assert.equal((await app.inject({ method: 'POST', url: '/upload-guarded', payload: wrong.payload, headers: wrong.headers })).statusCode, 403)
})

test('an upload to a signed-in route without a session is refused before the body is read', async () => {
  const body = countedMultipart(15 * 1024 * 1024)
  const res = await app.inject({ method: 'POST', url: '/upload-signed-in', payload: body.payload, headers: body.headers })
  assert.equal(res.statusCode, 401)
  assert.equal(handlerRuns, 0)
  assert.ok(body.state.pulled < 2 * 1024 * 1024, `the server read ${body.state.pulled} bytes`)
})

test('routes that take no files refuse multipart and bodies over 1 MB', async () => {
  const body = countedMultipart(15 * 1024 * 1024)
  const multi = await app.inject({ method: 'POST', url: '/no-files-here', payload: body.payload, headers: body.headers })
  assert.equal(multi.statusCode, 415)
  assert.ok(body.state.pulled < 2 * 1024 * 1024, `the server read ${body.state.pulled} bytes`)
  const big = await app.inject({
    method: 'POST',
    url: '/no-files-here',
    payload: `note=${'a'.repeat(2 * 1024 * 1024)}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  })
  assert.equal(big.statusCode, 413)
  const json = await app.inject({
    method: 'POST',
    url: '/no-files-here',
    payload: JSON.stringify({ note: 'a'.repeat(2 * 1024 * 1024) }),
    headers: { 'content-type': 'application/json' },
  })
  assert.equal(json.statusCode, 413)
  assert.equal(handlerRuns, 0)
})
