import assert from 'node:assert/strict'
import { test } from 'node:test'
import { Document, Packer, Paragraph } from 'docx'
import { checkUpload, KNOWN_TYPES, withExtension } from './uploads.ts'
import { sniffZip, ZIP_LIMITS } from './zip-sniff.ts'
import { buildZip, contentTypes, entry, officeDocument, zerosEntry } from './zip.test-factories.ts'

const upload = (filename: string, data: Buffer) => ({ filename, data, truncated: false })
/** Memory the process holds outside V8's heap, where inflated buffers would land. */
const heldBytes = () => {
  const m = process.memoryUsage()
  return m.arrayBuffers + m.heapUsed
}

test('a Word document and an Excel workbook are told apart by their content types', async () => {
  assert.deepEqual(await sniffZip(officeDocument('docx')), { kind: 'ooxml', ext: 'docx' })
  assert.deepEqual(await sniffZip(officeDocument('xlsx')), { kind: 'ooxml', ext: 'xlsx' })
  assert.deepEqual(await sniffZip(buildZip([entry('readme.txt', 'hej')])), { kind: 'other' })
  assert.deepEqual(await sniffZip(Buffer.from('PK\u0003\u0004 not really a zip')), { kind: 'broken' })
})

test('a real Word document, as a word processor writes it, is a DOCX', async () => {
  const real = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Programförklaring')] }] }))
  assert.deepEqual(await sniffZip(real), { kind: 'ooxml', ext: 'docx' })
  const checked = await checkUpload(upload('programförklaring.docx', real))
  assert.ok(checked.ok)
  assert.equal(checked.file.filename, 'programförklaring.docx')
})

test('a 1 MB .docx that unpacks to 1 GB is refused as a zip bomb without being unpacked', async () => {
  const bomb = officeDocument('docx', [zerosEntry('word/media/image1.png', 1024)])
  assert.ok(bomb.length < 1.5 * 1024 * 1024, `the bomb is ${bomb.length} bytes`)
  const before = heldBytes()
  const started = Date.now()
  const checked = await checkUpload(upload('beslut.docx', bomb))
  assert.deepEqual(checked, { ok: false, errorKey: 'platform.files.zipBomb' })
  assert.ok(heldBytes() - before < 32 * 1024 * 1024, `sniffing held ${Math.round((heldBytes() - before) / 1e6)} MB`)
  assert.ok(Date.now() - started < 2000, 'refused at once, from the central directory')
})

test('content types that unpack past what the archive declares are refused by the bytes actually read', async () => {
  const honest = entry('[Content_Types].xml', Buffer.concat([Buffer.from(contentTypes('docx')), Buffer.alloc(8 * 1024 * 1024, 0x20)]))
  const lying = { ...honest, uncompressedSize: 1024 }
  const bomb = buildZip([lying, entry('word/document.xml', '<w:document/>')])
  const before = heldBytes()
  assert.deepEqual(await sniffZip(bomb), { kind: 'bomb' })
  assert.deepEqual(await checkUpload(upload('lögn.docx', bomb)), { ok: false, errorKey: 'platform.files.zipBomb' })
  assert.ok(heldBytes() - before < 16 * 1024 * 1024, 'at most the cap was inflated')
  // Honest about its 8 MB, it is still more than sniffing will read.
  assert.deepEqual(await sniffZip(buildZip([honest])), { kind: 'bomb' })
})

test('archives with too many entries or too high a packing ratio are refused', async () => {
  const many = buildZip(Array.from({ length: ZIP_LIMITS.maxEntries + 1 }, (_, i) => entry(`f${i}.xml`, 'x')))
  assert.deepEqual(await sniffZip(many), { kind: 'bomb' })
  const dense = officeDocument('docx', [zerosEntry('word/document2.xml', 50)])
  assert.deepEqual(await sniffZip(dense), { kind: 'bomb' }, '50 MB from 50 kB is a ratio of a thousand')
})

test('a stored file’s extension follows its real type, whatever it was called', async () => {
  const docx = await checkUpload(upload('beslut.pdf', officeDocument('docx')))
  assert.ok(docx.ok)
  assert.equal(docx.file.filename, 'beslut.docx')
  assert.equal(docx.file.contentType, KNOWN_TYPES.docx)
  const xlsx = await checkUpload(upload('budget.docx', officeDocument('xlsx')), { xlsx: KNOWN_TYPES.xlsx })
  assert.ok(xlsx.ok)
  assert.equal(xlsx.file.filename, 'budget.xlsx')
  assert.deepEqual(await checkUpload(upload('budget.xlsx', officeDocument('xlsx'))), { ok: false, errorKey: 'platform.files.wrongType' })
  assert.equal(withExtension('Protokoll 2026.03.25', 'pdf'), 'Protokoll 2026.03.pdf')
  assert.equal(withExtension('utan-ändelse', 'pdf'), 'utan-ändelse.pdf')
  assert.equal(withExtension('..\\..\\etc/passwd\u0000.exe', 'pdf'), '.._.._etc_passwd_.pdf')
  assert.equal(withExtension('.pdf', 'pdf'), 'dokument.pdf')
})
