import { constants, crc32, deflateRawSync } from 'node:zlib'

/** One entry of a test zip: its name, its packed bytes, and what the archive claims about it. */
export interface ZipEntry {
  name: string
  /** Raw deflate data (method 8). */
  packed: Buffer
  uncompressedSize: number
  crc: number
}

export const entry = (name: string, content: string | Buffer): ZipEntry => {
  const data = Buffer.isBuffer(content) ? content : Buffer.from(content)
  return { name, packed: deflateRawSync(data), uncompressedSize: data.length, crc: crc32(data) }
}

/**
 * An entry of `megabytes` MB of zeros, built without ever holding them: one fully flushed deflated
 * megabyte repeated (each copy is a complete, byte-aligned run of blocks), then an empty final block.
 * 1024 MB packs into about 1 MB — the shape of the zip bomb that took the server to 3.6 GB.
 */
export function zerosEntry(name: string, megabytes: number): ZipEntry {
  const mb = Buffer.alloc(1024 * 1024)
  const block = deflateRawSync(mb, { level: 9, finishFlush: constants.Z_FULL_FLUSH })
  let crc = 0
  for (let i = 0; i < megabytes; i++) crc = crc32(mb, crc)
  const packed = Buffer.concat([...Array.from({ length: megabytes }, () => block), deflateRawSync(Buffer.alloc(0))])
  return { name, packed, uncompressedSize: megabytes * 1024 * 1024, crc }
}

/** A zip archive of the entries (local headers, data, central directory), as Word would write one. */
export function buildZip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const e of entries) {
    const name = Buffer.from(e.name)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(0, 6)
    local.writeUInt16LE(8, 8)
    local.writeUInt32LE(e.crc >>> 0, 14)
    local.writeUInt32LE(e.packed.length, 18)
    local.writeUInt32LE(e.uncompressedSize >>> 0, 22)
    local.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(8, 10)
    central.writeUInt32LE(e.crc >>> 0, 16)
    central.writeUInt32LE(e.packed.length, 20)
    central.writeUInt32LE(e.uncompressedSize >>> 0, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, e.packed)
    centrals.push(central, name)
    offset += local.length + name.length + e.packed.length
  }
  const cd = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(cd.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, cd, end])
}

const MAIN = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
}
const PART = { docx: '/word/document.xml', xlsx: '/xl/workbook.xml' }

export const contentTypes = (kind: 'docx' | 'xlsx') =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="${PART[kind]}" ContentType="${MAIN[kind]}"/></Types>`

/** A small, well-formed Office document of the kind (enough for any sniffer). */
export const officeDocument = (kind: 'docx' | 'xlsx', extra: ZipEntry[] = []) =>
  buildZip([entry('[Content_Types].xml', contentTypes(kind)), entry(PART[kind].slice(1), kind === 'docx' ? '<w:document/>' : '<workbook/>'), ...extra])
