import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

export const randomToken = (bytes = 32) => randomBytes(bytes).toString('base64url')
export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex')

/** HMAC helpers for CSRF tokens and the flash cookie; the key comes from SESSION_SECRET or the installation. */
export class Signer {
  constructor(private readonly secret: string) {}

  mac(purpose: string, value: string): string {
    return createHmac('sha256', this.secret).update(`${purpose}:${value}`).digest('base64url')
  }

  verify(purpose: string, value: string, mac: string | undefined): boolean {
    if (!mac) return false
    const expected = Buffer.from(this.mac(purpose, value))
    const given = Buffer.from(mac)
    return expected.length === given.length && timingSafeEqual(expected, given)
  }

  /** `payload.mac`, for small values kept in cookies. */
  seal(purpose: string, payload: unknown): string {
    const data = Buffer.from(JSON.stringify(payload)).toString('base64url')
    return `${data}.${this.mac(purpose, data)}`
  }

  unseal<T>(purpose: string, sealed: string | undefined): T | undefined {
    if (!sealed) return undefined
    const [data, mac] = sealed.split('.')
    if (!data || !this.verify(purpose, data, mac)) return undefined
    try {
      return JSON.parse(Buffer.from(data, 'base64url').toString('utf8')) as T
    } catch {
      return undefined
    }
  }
}
