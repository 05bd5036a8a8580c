import { createHash } from 'node:crypto'
import { and, eq, sql } from 'drizzle-orm'
import { queryRows } from '../../src/platform/db/query-rows.ts'
import type { Db } from '../../src/platform/db/types.ts'
import type { Deps } from '../../src/platform/deps.ts'
import { findOrganisationByCode } from '../../src/features/organisations/index.ts'
import { refreshAreaSums } from '../../src/features/surveys/surveys.repo.ts'
import { surveyCellSums, surveyImports, surveyQuestions, surveys } from '../../src/features/surveys/surveys.tables.ts'

/**
 * A synthetic Medborgarenkät for Östergötland's 13 municipalities, 2019–2025 (issue 9 "Demo data"):
 * respondents drawn by a seeded generator, reduced to the per-cell sums exactly as an import would, so
 * every survey page has something real-looking to show. Clearly labelled synthetic on every page.
 * Linköping 2021 is drawn around the source document's own figures (Medborgarenkäten 2021: trygg på
 * gator och torg kvinnor 20 %, män 34 %; i parker kvällstid kvinnor 7 %, män 22 %).
 */

export const DEMO_SURVEY_NAME = 'Medborgarenkät Östergötland'
const YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025]
const AGE_GROUPS = ['16-24', '25-44', '45-64', '65-84'] as const
const SAFE = ['1', '2']
const ANSWERS = [
  { code: '1', label: 'Mycket trygg' },
  { code: '2', label: 'Ganska trygg' },
  { code: '3', label: 'Ganska otrygg' },
  { code: '4', label: 'Mycket otrygg' },
]

/** The questions, and the share of women and men who feel safe in a middle-sized municipality. */
export const DEMO_QUESTIONS = [
  {
    key: 'gator_torg_kvall',
    text: 'Hur trygg känner du dig på gator och torg i centrum sent en kväll?',
    placeType: 'gator och torg',
    timeOfDay: 'kväll',
    women: 0.3,
    men: 0.47,
  },
  { key: 'parker_kvall', text: 'Hur trygg känner du dig i parker sent en kväll?', placeType: 'parker', timeOfDay: 'kväll', women: 0.14, men: 0.31 },
  {
    key: 'bostadsomrade_kvall',
    text: 'Hur trygg känner du dig ute ensam sent en kväll i ditt bostadsområde?',
    placeType: 'eget bostadsområde',
    timeOfDay: 'kväll',
    women: 0.62,
    men: 0.8,
  },
  { key: 'centrum_dag', text: 'Hur trygg känner du dig i centrum på dagtid?', placeType: 'centrum', timeOfDay: 'dag', women: 0.9, men: 0.92 },
  {
    key: 'hallplats_kvall',
    text: 'Hur trygg känner du dig vid hållplatser och stationer kvällstid?',
    placeType: 'hållplatser och stationer',
    timeOfDay: 'kväll',
    women: 0.35,
    men: 0.52,
  },
] as const

/** The source document's Linköping 2021 shares, which the generator draws around. */
const LINKOPING_2021: Record<string, { women: number; men: number }> = {
  gator_torg_kvall: { women: 0.2, men: 0.34 },
  parker_kvall: { women: 0.07, men: 0.22 },
}

/** Small places where few use the bus stops at night: that question's cells fall below 10 (shown as "–"). */
const FEW_BUS_RIDERS = new Set(['0512', '0509'])

/** mulberry32: a small, well-known seeded generator, so the demo is the same on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export interface GeneratedRespondent {
  municipalityCode: string
  year: number
  sex: 'kvinna' | 'man' | 'annat' | 'uppgift_saknas'
  ageGroup: string
  weight: number
  answers: Record<string, string | null>
}

/** Respondents of one municipality and year, drawn with the generator (population decides how many). */
export function* generateRespondents(
  municipality: { code: string; population: number },
  year: number,
  random: () => number,
  scale = 1,
): Generator<GeneratedRespondent> {
  const count = Math.round(Math.min(900, Math.max(120, municipality.population / 200)) * scale)
  // Smaller municipalities feel a little safer; a slow improvement over the years after 2021.
  const placeShift = municipality.population < 20000 ? 0.08 : municipality.population > 100000 ? -0.04 : 0
  const yearShift = (year - 2021) * 0.008
  for (let i = 0; i < count; i++) {
    const r = random()
    const sex = r < 0.51 ? 'kvinna' : r < 0.985 ? 'man' : r < 0.992 ? 'annat' : 'uppgift_saknas'
    const ageGroup = AGE_GROUPS[Math.floor(random() * AGE_GROUPS.length)] as string
    const weight = Math.round((0.5 + random() * 1.5) * 1000) / 1000
    const answers: Record<string, string | null> = {}
    for (const q of DEMO_QUESTIONS) {
      const blank = q.key === 'hallplats_kvall' && FEW_BUS_RIDERS.has(municipality.code) ? 0.93 : 0.04
      if (random() < blank) {
        answers[q.key] = null
        continue
      }
      const source = municipality.code === '0580' && year === 2021 ? LINKOPING_2021[q.key] : undefined
      const base = source ? (sex === 'man' ? source.men : source.women) : sex === 'man' ? q.men : q.women
      const p = Math.min(0.97, Math.max(0.03, base + (source ? 0 : placeShift + yearShift)))
      const safe = random() < p
      answers[q.key] = safe ? (random() < 0.4 ? '1' : '2') : random() < 0.6 ? '3' : '4'
    }
    yield { municipalityCode: municipality.code, year, sex, ageGroup, weight, answers }
  }
}

type Sums = { n: number; sumW: number; sumWy: number; sumW2: number; sumW2y: number }

/** The five sums per area × year × question × kön × åldersgrupp, as an import computes them. */
export function accumulate(respondents: Iterable<GeneratedRespondent>, cells = new Map<string, Sums>()): Map<string, Sums> {
  for (const r of respondents) {
    for (const [key, answer] of Object.entries(r.answers)) {
      if (answer === null) continue
      const y = SAFE.includes(answer) ? 1 : 0
      const k = `${r.municipalityCode}|${r.year}|${key}|${r.sex}|${r.ageGroup}`
      const c = cells.get(k) ?? { n: 0, sumW: 0, sumWy: 0, sumW2: 0, sumW2y: 0 }
      c.n += 1
      c.sumW += r.weight
      c.sumWy += r.weight * y
      c.sumW2 += r.weight * r.weight
      c.sumW2y += r.weight * r.weight * y
      cells.set(k, c)
    }
  }
  return cells
}

async function countyMunicipalities(db: Db): Promise<{ code: string; population: number }[]> {
  return queryRows(db, sql`select code, coalesce(population, 10000) as population from municipalities where county_code = '05' order by code`)
}

/** Loads the synthetic survey once (idempotent: a survey of that name and owner is left as it is). */
export async function loadDemoSurveys(deps: Deps): Promise<number> {
  const owner = await findOrganisationByCode(deps.db, 'lansstyrelsen-05')
  if (!owner) throw new Error('Demo surveys need lansstyrelsen-05; load the reference data first')
  const municipalities = await countyMunicipalities(deps.db)
  return deps.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('seed_demo_surveys'))`)
    const [existing] = await tx
      .select({ id: surveys.id })
      .from(surveys)
      .where(and(eq(surveys.name, DEMO_SURVEY_NAME), eq(surveys.organisationId, owner.id)))
    if (existing) return 0
    const [survey] = await tx
      .insert(surveys)
      .values({
        name: DEMO_SURVEY_NAME,
        kind: 'medborgarenkat',
        description:
          'En enkät i Medborgarenkätens form om hur trygga invånarna känner sig på olika platser och tider på dygnet. Svaren är syntetiska: de är framtagna av en slumpgenerator för demonstration.',
        organisationId: owner.id,
        countyCode: '05',
        attribution: 'Källa: syntetiska demodata i Medborgarenkätens form (Tillsammans)',
        areas: municipalities.map((m) => m.code),
        suppressionThreshold: 10,
        visibility: 'public',
        isSynthetic: true,
      })
      .returning({ id: surveys.id })
    if (!survey) throw new Error('survey not created')
    await tx.insert(surveyQuestions).values(
      DEMO_QUESTIONS.map((q, i) => ({
        surveyId: survey.id,
        key: q.key,
        position: i + 1,
        text: q.text,
        answers: ANSWERS,
        reported: SAFE,
        reportedLabel: 'trygga',
        placeType: q.placeType,
        timeOfDay: q.timeOfDay,
      })),
    )
    const random = seededRandom(20210501)
    const cells = new Map<string, Sums>()
    let respondents = 0
    for (const year of YEARS) {
      for (const m of municipalities) {
        const batch = [...generateRespondents(m, year, random)]
        respondents += batch.length
        accumulate(batch, cells)
      }
    }
    const answers = [...cells.values()].reduce((s, c) => s + c.n, 0)
    const [imp] = await tx
      .insert(surveyImports)
      .values({
        surveyId: survey.id,
        fileName: 'syntetisk-generator (seed 20210501)',
        sha256: createHash('sha256').update(`demo-survey-${DEMO_SURVEY_NAME}-20210501`).digest('hex'),
        respondents,
        answers,
        years: YEARS,
      })
      .returning({ id: surveyImports.id })
    if (!imp) throw new Error('import not created')
    const rows = [...cells].map(([k, c]) => {
      const [area, year, questionKey, sex, ageGroup] = k.split('|') as [string, string, string, string, string]
      return {
        importId: imp.id,
        surveyId: survey.id,
        areaCode: area,
        municipalityCode: area,
        year: Number(year),
        questionKey,
        sex: sex as 'kvinna' | 'man' | 'annat' | 'uppgift_saknas',
        ageGroup,
        ...c,
      }
    })
    for (let i = 0; i < rows.length; i += 1000) await tx.insert(surveyCellSums).values(rows.slice(i, i + 1000))
    await refreshAreaSums(tx, survey.id)
    return rows.length
  })
}
