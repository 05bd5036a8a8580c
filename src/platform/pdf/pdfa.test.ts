import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import { test } from 'node:test'
import { headingParagraph, swedishDocx } from '../docx/docx.ts'
import { PDFA_FILTER, PdfaUnavailable, docxToPdfa, libreOfficeAvailable } from './pdfa.ts'

/**
 * The converter's edges without a whole conversion (the yearly report's route test converts one for
 * real and checks the PDF/A metadata and text): LibreOffice takes seconds per document here.
 */
const SOFFICE = '/usr/bin/soffice'
const ours = () => fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith('tillsammans-pdfa-'))

test('LibreOffice is available only as an executable file', () => {
  assert.equal(libreOfficeAvailable('/nonexistent/soffice'), false)
  assert.equal(libreOfficeAvailable(os.tmpdir()), false)
  const plain = fs.mkdtempSync(`${os.tmpdir()}/pdfa-plain-`)
  try {
    fs.writeFileSync(`${plain}/soffice`, '#!/bin/sh\n', { mode: 0o644 })
    assert.equal(libreOfficeAvailable(`${plain}/soffice`), false)
  } finally {
    fs.rmSync(plain, { recursive: true, force: true })
  }
})

test('without LibreOffice the conversion says so and writes nothing', async () => {
  const before = ours()
  await assert.rejects(docxToPdfa(Buffer.from('x'), { libreOfficePath: '/nonexistent/soffice' }), PdfaUnavailable)
  assert.deepEqual(ours(), before)
})

test('the filter asks writer_pdf_Export for PDF/A-2 (SelectPdfVersion 2) with tags', () => {
  const [name, options] = [PDFA_FILTER.slice(0, PDFA_FILTER.indexOf('{')), JSON.parse(PDFA_FILTER.slice(PDFA_FILTER.indexOf('{')))]
  assert.equal(name, 'pdf:writer_pdf_Export:')
  assert.deepEqual(options, { SelectPdfVersion: { type: 'long', value: '2' }, UseTaggedPDF: { type: 'boolean', value: 'true' } })
})

test('an overrun is killed (the whole process group) and its temporary directory removed', {
  skip: !libreOfficeAvailable(SOFFICE) && 'LibreOffice (soffice) not installed',
}, async () => {
  const docx = await swedishDocx({ title: 'Prov', creator: 'Tillsammans', description: 'Prov' }, [{ children: [headingParagraph('Rubrik', 1)] }])
  const before = ours()
  const started = Date.now()
  await assert.rejects(docxToPdfa(docx, { libreOfficePath: SOFFICE, timeoutMs: 300 }), /longer than 300 ms/)
  assert.ok(Date.now() - started < 10_000, 'did not wait for LibreOffice')
  assert.deepEqual(ours(), before)
})
