import { readFileSync } from 'node:fs'
import argon2 from 'argon2'
import { CommonPassword, PasswordIsEmail } from './accounts.errors.ts'
import { randomToken } from '../../platform/http/signing.ts'
import path from 'node:path'
import { ROOT } from '../../platform/root.ts'

/** argon2id with the library's defaults (m=64 MiB, t=3, p=4), as OWASP recommends. */
export const hashPassword = (password: string) => argon2.hash(password, { type: argon2.argon2id })

// Verifying against a real hash when the account does not exist costs the same time, so the
// response time does not reveal which e-mail addresses have accounts.
let dummyHash: Promise<string> | undefined

export async function verifyPassword(hash: string | null | undefined, password: string): Promise<boolean> {
  if (!hash) {
    dummyHash ??= hashPassword(randomToken())
    await argon2.verify(await dummyHash, password).catch(() => false)
    return false
  }
  return argon2.verify(hash, password).catch(() => false)
}

/** A one-time password that is easy to read aloud or type: four groups of lowercase letters and digits. */
export function oneTimePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789'
  const bytes = Buffer.from(randomToken(24), 'base64url')
  const chars = [...bytes].slice(0, 16).map((b) => alphabet[b % alphabet.length])
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-')
}

export const MIN_PASSWORD_LENGTH = 12

let common: Set<string> | undefined

/** The shipped list (data/common-passwords.txt, see its header), read once on first use. */
function commonPasswords(): Set<string> {
  if (!common) {
    const text = readFileSync(path.join(ROOT, 'src/features/accounts/data/common-passwords.txt'), 'utf8')
    common = new Set(text.split('\n').filter((l) => l && !l.startsWith('#')))
  }
  return common
}

export const isCommonPassword = (password: string) => commonPasswords().has(password.trim().toLowerCase())

/** The account's e-mail address, or the part before @, typed as the password (any case). */
export function isOwnEmail(password: string, email: string): boolean {
  const p = password.trim().toLowerCase()
  const e = email.trim().toLowerCase()
  return p === e || p === e.split('@')[0]
}

/**
 * Rules for a password a person chooses (beyond the length the form checks).
 * @throws CommonPassword, PasswordIsEmail
 */
export function assertAcceptablePassword(password: string, email: string): void {
  if (isCommonPassword(password)) throw new CommonPassword()
  if (isOwnEmail(password, email)) throw new PasswordIsEmail()
}
