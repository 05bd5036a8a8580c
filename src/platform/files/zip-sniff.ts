import yauzl from 'yauzl'

/**
 * Limits for looking inside an Office document (a zip). Only the central directory is read, and of
 * the contents only `[Content_Types].xml`, at most CONTENT_TYPES_CAP bytes of it: whatever the
 * archive claims, sniffing never unpacks more than that.
 */
export const ZIP_LIMITS = {
  /** Entries in the archive (a long report with many images has a few hundred). */
  maxEntries: 2000,
  /** All entries together, as the archive declares them. */
  maxUnpackedBytes: 100 * 1024 * 1024,
  /** Declared unpacked size over packed size; text compresses 5–20 times, zeros a thousand times. */
  maxRatio: 100,
  contentTypesCap: 64 * 1024,
}

export type ZipVerdict = { kind: 'ooxml'; ext: 'docx' | 'xlsx' | 'pptx' } | { kind: 'other' } | { kind: 'bomb' } | { kind: 'broken' }

const MAIN_PARTS: Record<string, 'docx' | 'xlsx' | 'pptx'> = {
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml': 'xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml': 'pptx',
}

class TooMuch extends Error {}

/** What an Office Open XML zip really is, judged without unpacking more than the caps allow. */
export async function sniffZip(data: Buffer, limits = ZIP_LIMITS): Promise<ZipVerdict> {
  let zip: yauzl.ZipFile
  try {
    zip = await yauzl.fromBufferPromise(data, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false })
  } catch {
    return { kind: 'broken' }
  }
  try {
    if (zip.entryCount > limits.maxEntries) return { kind: 'bomb' }
    let declared = 0
    let contentTypes: yauzl.Entry | undefined
    for await (const entry of zip.eachEntry()) {
      declared += entry.uncompressedSize
      if (declared > limits.maxUnpackedBytes) return { kind: 'bomb' }
      if (entry.fileName === '[Content_Types].xml') contentTypes = entry
    }
    if (declared > Math.max(data.length, 1) * limits.maxRatio) return { kind: 'bomb' }
    if (!contentTypes) return { kind: 'other' }
    if (contentTypes.uncompressedSize > limits.contentTypesCap) return { kind: 'bomb' }
    const xml = await readCapped(zip, contentTypes, limits.contentTypesCap)
    const ext = Object.entries(MAIN_PARTS).find(([type]) => xml.includes(`ContentType="${type}"`))?.[1]
    return ext ? { kind: 'ooxml', ext } : { kind: 'other' }
  } catch (err) {
    // Declared sizes can lie: an entry that unpacks to more than it said, or past the cap, is a bomb.
    return err instanceof TooMuch || /too many bytes|exceeded/i.test(String((err as Error)?.message)) ? { kind: 'bomb' } : { kind: 'broken' }
  } finally {
    zip.close()
  }
}

/** An entry's text, reading and inflating no more than `cap` bytes. */
async function readCapped(zip: yauzl.ZipFile, entry: yauzl.Entry, cap: number): Promise<string> {
  const stream = await zip.openReadStreamPromise(entry)
  const chunks: Buffer[] = []
  let size = 0
  try {
    for await (const chunk of stream) {
      size += (chunk as Buffer).length
      if (size > cap) throw new TooMuch()
      chunks.push(chunk as Buffer)
    }
  } finally {
    stream.destroy()
  }
  return Buffer.concat(chunks).toString('utf8')
}
