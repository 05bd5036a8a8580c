/**
 * PDF/A-2b from a DOCX with LibreOffice headless (Debian's libreoffice-writer-nogui): the archival
 * copy of an adopted document (Arkivlagen; issue 10 §4). Chromium cannot write PDF/A, LibreOffice can,
 * and our DOCX already carries the real headings, tables and the document's language, so the PDF/A is
 * tagged from them too.
 *
 * One `soffice` per conversion, each in its own temporary directory with its own user profile
 * (`-env:UserInstallation`): two conversions at once would otherwise share a profile, and the second
 * soffice hands its work to the first or fails on the profile's lock. The process group is killed
 * when the conversion overruns its time, and the directory is removed whatever happens.
 *
 * Takes seconds (LibreOffice starts for every document), so callers run it as a background task.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

/** A first start builds the profile (≈ 5 s on two cores); a large report takes a few more. */
export const PDFA_TIMEOUT_MS = 120_000

/**
 * writer_pdf_Export's options as JSON (LibreOffice ≥ 7.4): SelectPdfVersion 2 is PDF/A-2b (1 would be
 * PDF/A-1b, 3 PDF/A-3b); UseTaggedPDF keeps the structure tree. PDF/A-2 rather than 1: it allows
 * transparency and OpenType fonts, and is what Riksarkivet's FGS accepts beside PDF/A-1.
 */
export const PDFA_FILTER = `pdf:writer_pdf_Export:${JSON.stringify({
  SelectPdfVersion: { type: 'long', value: '2' },
  UseTaggedPDF: { type: 'boolean', value: 'true' },
})}`

/** No LibreOffice on this server: the page offers no PDF/A, and a started task ends saying so. */
export class PdfaUnavailable extends Error {
  constructor(readonly libreOfficePath: string) {
    super(`LibreOffice not found at ${libreOfficePath} (install Debian's libreoffice-writer-nogui or set LIBREOFFICE_PATH)`)
  }
}

/** Whether `soffice` is there and executable, so a page never offers what the server cannot do. */
export function libreOfficeAvailable(libreOfficePath: string): boolean {
  try {
    fs.accessSync(libreOfficePath, fs.constants.X_OK)
    return fs.statSync(libreOfficePath).isFile()
  } catch {
    return false
  }
}

/** A DOCX as a PDF/A-2b document. @throws PdfaUnavailable when LibreOffice is missing; Error on failure or timeout */
export async function docxToPdfa(docx: Buffer, options: { libreOfficePath: string; timeoutMs?: number }): Promise<Buffer> {
  if (!libreOfficeAvailable(options.libreOfficePath)) throw new PdfaUnavailable(options.libreOfficePath)
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tillsammans-pdfa-'))
  try {
    const input = path.join(dir, 'document.docx')
    const outDir = path.join(dir, 'out')
    await writeFile(input, docx)
    await run(
      options.libreOfficePath,
      [
        `-env:UserInstallation=${pathToFileURL(path.join(dir, 'profile')).href}`,
        '--headless',
        '--invisible',
        '--nologo',
        '--nodefault',
        '--norestore',
        '--nolockcheck',
        '--convert-to',
        PDFA_FILTER,
        '--outdir',
        outDir,
        input,
      ],
      { cwd: dir, timeoutMs: options.timeoutMs ?? PDFA_TIMEOUT_MS },
    )
    // soffice exits 0 even when it could not read the input: the missing output is the error.
    const pdf = await readFile(path.join(outDir, 'document.pdf')).catch(() => {
      throw new Error('LibreOffice wrote no PDF')
    })
    if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') throw new Error('LibreOffice wrote something that is not a PDF')
    return pdf
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/**
 * Runs soffice in its own process group: `soffice` is a shell script that starts oosplash and
 * soffice.bin, so a timeout kills the whole group, not only the script (and nothing we did not start).
 */
function run(command: string, args: string[], options: { cwd: string; timeoutMs: number }): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
      // Its own HOME too: LibreOffice's Java and fontconfig caches would otherwise write to the server's home.
      env: { ...process.env, HOME: options.cwd },
    })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 4000) stderr += chunk.toString('utf8')
    })
    let timedOut = false
    // Killed while the script still runs, so the group is certainly ours.
    const timer = setTimeout(() => {
      timedOut = true
      killGroup(child.pid)
    }, options.timeoutMs)
    child.on('error', (err) => {
      clearTimeout(timer)
      reject(err)
    })
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      if (timedOut) reject(new Error(`LibreOffice took longer than ${options.timeoutMs} ms`))
      else if (code !== 0) reject(new Error(`LibreOffice failed (${signal ?? code}): ${stderr.trim().slice(0, 500)}`))
      else resolve()
    })
  })
}

function killGroup(pid: number | undefined) {
  if (!pid) return
  try {
    process.kill(-pid, 'SIGKILL')
  } catch {
    // The group has already gone.
  }
}
