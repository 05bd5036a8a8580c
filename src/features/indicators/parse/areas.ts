/**
 * Area names as the sources write them, matched to codes: "Ale", "Falu kommun", "Stockholms stad",
 * "Malung–Sälen" (en dash) and "Malung-Sälen" are all found; "Hela landet" is the country ('00').
 * Codes are accepted as they are: '00', a county's two digits, a kommunkod's four, a DeSO code.
 */
export const COUNTRY_CODE = '00'
const COUNTRY_NAMES = ['hela landet', 'riket', 'sverige', 'hela riket']

/** Every dash and hyphen one character, no space around it, suffixes "kommun"/"stad" off, lower case. */
export function normaliseAreaName(name: string): string {
  return name
    .replace(/[\s\u00a0\u2007\u2009\u202f]+/g, ' ')
    .trim()
    .replace(/\s*[\u2010-\u2015\u2212-]\s*/g, '-')
    .replace(/ (kommun|stad)$/i, '')
    .toLocaleLowerCase('sv')
}

export interface AreaSource {
  /** Municipalities: code and bare name ("Falun"). */
  municipalities: { code: string; name: string }[]
  /** Formal names of municipalities ("Falu kommun", "Stockholms stad"), from the organisations. */
  formalNames: { code: string; name: string }[]
  counties: { code: string; name: string }[]
}

export interface AreaLookup {
  /** The code for a name or code, 'ambiguous' when a name fits two areas, undefined when none. */
  find(nameOrCode: string): string | 'ambiguous' | undefined
  /** Whether the code is a known area (country, county, municipality) or has the shape of a DeSO code. */
  isCode(code: string): boolean
  nameOf(code: string): string | undefined
}

export const DESO = /^\d{4}[A-C]\d{4}$/

export function areaLookup(src: AreaSource): AreaLookup {
  const byName = new Map<string, string | 'ambiguous'>()
  const names = new Map<string, string>([[COUNTRY_CODE, 'Hela landet']])
  const add = (key: string, code: string) => {
    const had = byName.get(key)
    byName.set(key, had === undefined || had === code ? code : 'ambiguous')
  }
  for (const n of COUNTRY_NAMES) add(n, COUNTRY_CODE)
  for (const m of src.municipalities) {
    add(normaliseAreaName(m.name), m.code)
    names.set(m.code, m.name)
  }
  for (const m of src.formalNames) add(normaliseAreaName(m.name), m.code)
  // Counties by their full name only ("Stockholms län"): "Stockholms" alone is the city.
  for (const c of src.counties) {
    add(normaliseAreaName(c.name), c.code)
    names.set(c.code, c.name)
  }
  return {
    find(nameOrCode) {
      const text = nameOrCode.trim()
      if (/^\d{2}$|^\d{4}$/.test(text)) return names.has(text) ? text : undefined
      if (DESO.test(text)) return text
      return byName.get(normaliseAreaName(text))
    },
    isCode: (code) => names.has(code) || DESO.test(code),
    nameOf: (code) => names.get(code),
  }
}
