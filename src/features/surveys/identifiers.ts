/**
 * What looks like it identifies a person (issue 9 §5: a survey file with such a column is refused,
 * decision 013: microdata stays anonymous). Headers are compared without case, accents, spaces or
 * punctuation; values are checked for a personnummer (also samordningsnummer) and an e-mail address.
 */

/** Header words that name a person or a way to reach one, compared as whole words of the header. */
const WORDS = new Set([
  'pnr',
  'persnr',
  'personnr',
  'personnummer',
  'ssn',
  'namn',
  'name',
  'fornamn',
  'efternamn',
  'tilltalsnamn',
  'mellannamn',
  'firstname',
  'lastname',
  'surname',
  'fullname',
  'epost',
  'email',
  'mail',
  'telefon',
  'tel',
  'telnr',
  'mobil',
  'mobilnr',
  'phone',
  'adress',
  'address',
  'gatuadress',
  'postadress',
  'postnummer',
  'postnr',
  'zip',
  'postort',
  'ip',
  'ipadress',
])

/** Fragments that give a header away wherever they stand ("kontakt_epostadress", "Mobilnummer"). */
const FRAGMENTS = [
  'personnummer',
  'personnr',
  'samordningsnummer',
  'fornamn',
  'efternamn',
  'epost',
  'email',
  'telefon',
  'mobilnummer',
  'mobiltelefon',
  'gatuadress',
  'postadress',
  'postnummer',
  'emailadress',
  'phonenumber',
]

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()

/** Whether a column header looks like it holds who a respondent is. */
export function looksLikeIdentifierHeader(header: string): boolean {
  const folded = fold(header)
  const words = folded.split(/[^a-z0-9]+/).filter(Boolean)
  if (words.some((w) => WORDS.has(w))) return true
  const compact = words.join('')
  if (WORDS.has(compact)) return true
  return FRAGMENTS.some((f) => compact.includes(f))
}

const PNR = /^(?:19|20)?(\d{2})(\d{2})(\d{2})[-+]?\d{4}$/
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/**
 * A personnummer (YYMMDD-XXXX, YYMMDD+XXXX, YYYYMMDDXXXX, with or without the dash) or a
 * samordningsnummer (day + 60), or an e-mail address. Cheap for the common value: a short code.
 */
export function looksLikeIdentifierValue(value: string): 'personnummer' | 'email' | undefined {
  const len = value.length
  if (len >= 10 && len <= 13) {
    const c = value.charCodeAt(0)
    if (c >= 48 && c <= 57) {
      const m = PNR.exec(value)
      if (m) {
        const month = Number(m[2])
        const day = Number(m[3])
        if (month >= 1 && month <= 12 && ((day >= 1 && day <= 31) || (day >= 61 && day <= 91))) return 'personnummer'
      }
    }
  }
  if (len >= 5 && value.includes('@') && EMAIL.test(value)) return 'email'
  return undefined
}
