/**
 * The tjänsteskrivelse's default texts, built from the data in the register a Swedish municipal
 * memo is written in. Pure functions: memo.service.ts gathers the facts, these write them.
 * Nothing here states a fact that is not in the data: a section whose facts are missing says
 * nothing, and the official's own statements (samråd, MBL, kommunala mål, jämställdhet) are left
 * for the official to write.
 */
import type { MemoFields } from './declarations.schemas.ts'

export const LAW_2023_196 = 'lagen (2023:196) om kommuners ansvar för brottsförebyggande arbete'
export const LAW_2023_196_URL =
  'https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svensk-forfattningssamling/lag-2023196-om-kommuners-ansvar-for_sfs-2023-196/'
const LAW_IN_FORCE = '2023-07-01'

export const andList = (items: string[]) => new Intl.ListFormat('sv', { style: 'long', type: 'conjunction' }).format(items)
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

/** "onsdag den 2 februari 2022" */
export function longDate(iso: string, withWeekday = false): string {
  const d = new Date(`${iso}T12:00:00Z`)
  const day = new Intl.DateTimeFormat('sv-SE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d)
  return withWeekday ? `${new Intl.DateTimeFormat('sv-SE', { weekday: 'long', timeZone: 'UTC' }).format(d)} den ${day}` : `den ${day}`
}

/** "13.00–15.00" */
const clock = (v: string) => v.slice(0, 5).replace(':', '.')
export const timeSpan = (start: string | null, end: string | null) => (start ? (end ? `${clock(start)}–${clock(end)}` : clock(start)) : '')

/**
 * A role title in the definite form the memo's prose needs: "Säkerhetschef" → "säkerhetschefen",
 * "Samordnare" → "samordnaren", "Analytiker" → "analytikern". A title that is not a plain noun
 * phrase (a comma, a parenthesis) is kept as written, only lower-cased.
 */
export function definite(title: string): string {
  const t = title.trim()
  const lower = /^\p{Lu}\p{Ll}/u.test(t) ? t.charAt(0).toLowerCase() + t.slice(1) : t
  if (!/^[\p{L} -]+$/u.test(lower)) return lower
  if (/e$/.test(lower) || /(er|or)$/.test(lower)) return `${lower}n`
  return `${lower}en`
}

export interface MemoFacts {
  municipality: string
  collaborationName: string
  shortName: string
  /** "2022–2027" */
  period: string
  /** Who proposes the declaration: "Länsstyrelsen Östergötland och Polisområde Östergötland". */
  convenors: string
  ownerName: string
  date: string
  department: string
  versionTitle: string
  decisionMeeting?: { eventDate: string; startTime: string | null; endTime: string | null; place: string; invitedLevel: string; hasInvitation: boolean }
  signing?: { eventDate: string; place: string }
  regbra?: { name: string; sinceYear: number | null; convenor: string | null; convenorSinceYear?: number | null }
  /** Paragraphs other features supply: the municipality's agreement with the police, its medborgarlöfte. */
  localParagraphs: string[]
  hasSteering: boolean
  hasPreparation: boolean
  workingGroupThemes: string[]
  /** The municipality's current representatives, by role title. */
  steeringChiefs: string[]
  /** Their substitutes (ersättare) in the styrgrupp. */
  steeringSubstitutes?: string[]
  groupMembers: { title: string; body: string }[]
}

export const memoHeading = (f: Pick<MemoFacts, 'collaborationName'>) =>
  `Programförklaring för ${f.collaborationName}, länsövergripande brottsförebyggande och trygghetsskapande samverkan, godkännande`

function lawSentence(date: string): string {
  return date < LAW_IN_FORCE
    ? `Samverkan kan också stödja kommunen i det ansvar för brottsförebyggande arbete som ${LAW_2023_196} ger kommunerna från den 1 juli 2023.`
    : `Samverkan stödjer också kommunen i det ansvar för brottsförebyggande arbete som ${LAW_2023_196} ger kommunerna sedan den 1 juli 2023.`
}

function invitation(f: MemoFacts): string {
  const m = f.decisionMeeting
  if (!m) return ''
  const span = timeSpan(m.startTime, m.endTime)
  const who = m.invitedLevel || 'kommunen'
  return `${f.ownerName} har bjudit in ${who} till ett gemensamt beslutsmöte för ${f.collaborationName} ${longDate(m.eventDate, true)}${span ? ` kl. ${span}` : ''}${m.place ? ` på ${m.place}` : ''}.`
}

function matter(f: MemoFacts): string {
  return [
    `${f.convenors} har tagit fram ett förslag till programförklaring för ${f.collaborationName} (${f.shortName}) och föreslår att ${f.municipality} och länets övriga kommuner undertecknar den. Programförklaringen gäller åren ${f.period}.`,
    'Syftet med samverkan är att stärka och utveckla det brottsförebyggande och trygghetsskapande arbetet i länet genom samverkan på strategisk och länsövergripande nivå, som stöd för det lokala arbete som kommunen och de övriga parterna bedriver.',
    `${lawSentence(f.date)}\n${LAW_2023_196_URL}`,
    invitation(f),
    `${f.department || 'Förvaltningen'} föreslår att kommunstyrelsen beslutar i enlighet med förslaget.`,
  ]
    .filter(Boolean)
    .join('\n\n')
}

function basis(f: MemoFacts, heading: string): string {
  const lines = [`Tjänsteskrivelse – ${heading}, ${f.date}`, `Bilaga 1 – ${f.versionTitle}`]
  const m = f.decisionMeeting
  if (m?.hasInvitation) {
    const span = timeSpan(m.startTime, m.endTime)
    lines.push(`Bilaga 2 – Inbjudan till gemensamt beslutsmöte för ${f.collaborationName} ${longDate(m.eventDate, true)}${span ? ` kl. ${span}` : ''}`)
  }
  return lines.join('\n')
}

function background(f: MemoFacts): string {
  const history: string[] = []
  if (f.regbra) {
    history.push(
      f.regbra.sinceYear
        ? `${f.regbra.name} har funnits sedan ${f.regbra.sinceYear}.`
        : `${f.regbra.name} är länets regionala nätverk för brottsförebyggande arbete.`,
      'År 2017 fick länsstyrelserna ett samordnande uppdrag inom regeringens brottsförebyggande program Tillsammans mot brott.',
    )
    if (f.regbra.convenor) {
      const since = f.regbra.convenorSinceYear && f.regbra.convenorSinceYear !== f.regbra.sinceYear ? ` sedan ${f.regbra.convenorSinceYear}` : ''
      history.push(`${f.regbra.convenor} är sammankallande för nätverket${since}.`)
    }
  }
  const structure = [
    f.hasSteering ? 'En styrgrupp på chefsnivå visar riktning och ger mandat åt samverkan.' : '',
    f.hasPreparation ? 'En beredningsgrupp bereder styrgruppens ärenden.' : '',
    f.workingGroupThemes.length ? `Arbetet bedrivs i arbetsgrupper om ${andList(f.workingGroupThemes)}.` : '',
  ].filter(Boolean)
  const commitment = [
    'Genom att underteckna programförklaringen förbinder sig kommunen att en tjänsteperson medverkar i minst en arbetsgrupp under perioden.',
    f.signing ? `Programförklaringen undertecknas gemensamt ${longDate(f.signing.eventDate)}${f.signing.place ? ` på ${f.signing.place}` : ''}.` : '',
  ].filter(Boolean)
  return [
    history.length ? `Det brottsförebyggande arbetet i länet har en lång tradition av samverkan. ${history.join(' ')}` : '',
    ...f.localParagraphs,
    `${f.convenors} föreslår nu att kommunstyrelsen godkänner programförklaringen. Den innebär att parterna tillsammans arbetar mot brottslighet och för ökad trygghet under åren ${f.period}, med en länsövergripande strategi som gemensam utgångspunkt och en verksamhetsplan för arbetet.`,
    structure.join(' '),
    'Det kommunala självstyret består: programförklaringen innebär ingen regional styrning av kommunens eget brottsförebyggande arbete. Samverkan kan däremot ge kommunen stöd i att utveckla och införa nya metoder.',
    commitment.join(' '),
  ]
    .filter(Boolean)
    .join('\n\n')
}

function economy(f: MemoFacts): string {
  const named: string[] = []
  const substitutes = f.steeringSubstitutes ?? []
  if (f.steeringChiefs.length) {
    const with_ = substitutes.length ? `, med ${andList(substitutes.map(definite))} som ersättare` : ''
    named.push(`Kommunens representant i styrgruppen är ${andList(f.steeringChiefs.map(definite))}${with_}.`)
  }
  const byBody = new Map<string, string[]>()
  for (const m of f.groupMembers) byBody.set(m.body, [...(byBody.get(m.body) ?? []), definite(m.title)])
  for (const [body, titles] of byBody) named.push(`${capitalise(andList([...new Set(titles)]))} deltar redan i ${body}.`)
  return [
    `Programförklaringen medför inga kostnader för kommunen utöver arbetstid: den tid som kommunens representant på chefsnivå lägger på styrgruppens möten, och den tid som kommunens representant i någon av arbetsgrupperna lägger under åren ${f.period}.`,
    named.join(' '),
  ]
    .filter(Boolean)
    .join('\n\n')
}

function followUp(f: MemoFacts): string {
  return `Uppföljningen av programförklaringen görs i första hand av ${f.convenors}${f.hasPreparation ? ' i samverkan med beredningsgruppen' : ''}. Programförklaringen gäller åren ${f.period}.`
}

/** The memo's fields as the data gives them; the official's own statements are left empty. */
export function memoText(f: MemoFacts, head: Pick<MemoFields, 'caseNumber' | 'official'>): MemoFields {
  const heading = memoHeading(f)
  const titles = [...new Set([...f.steeringChiefs, ...(f.steeringSubstitutes ?? []), ...f.groupMembers.map((m) => m.title)])].map(capitalise)
  return {
    municipality: f.municipality,
    department: f.department,
    date: f.date,
    caseNumber: head.caseNumber,
    heading,
    proposal: [`Programförklaring för ${f.collaborationName} godkänns.`, 'Kommunstyrelsens ordförande får i uppdrag att underteckna programförklaringen.'].join(
      '\n',
    ),
    matter: matter(f),
    basis: basis(f, heading),
    background: background(f),
    economy: economy(f),
    goals: '',
    goalsLink: '',
    equality: '',
    consultation: '',
    followUp: followUp(f),
    mbl: '',
    official: head.official,
    officialTitle: '',
    distribution: titles.join('\n'),
  }
}
