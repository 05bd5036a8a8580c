import type { Deps } from '../../platform/deps.ts'
import type { Actor } from '../../platform/http/actor.ts'
import type { Translate } from '../../platform/i18n/i18n.ts'
import { formatIsoDate } from '../../platform/i18n/format.ts'
import { platformFigureSources, surveyReadable } from './figure-sources.ts'
import { type FigureInput, type MappingFigureData, buildFigures, figureInputs } from './figures.ts'
import type { SituationReport } from './situation-reports.repo.ts'
import type { MappingFigure } from './situation-reports.tables.ts'

/**
 * An adopted lägesbild is what the body decided on, numbers included (issue 9 §11): at adoption the
 * kartläggning's figures are stored in `adopted_figures` as the page showed them, so a later import of
 * observations or survey answers does not change the adopted version. What is stored is each figure's
 * numbers after suppression (never microdata or sums), and the figure is drawn from them on reading,
 * in the reader's language.
 */

/** The stored shape's version: a later change of FigureInput can still tell what it reads. */
const FORMAT = 1
export interface FrozenFigure extends FigureInput {
  format: typeof FORMAT
}

/**
 * Where a version's figures come from: a draft's are today's ('live'); an adopted version's are those
 * frozen at adoption ('frozen'); one adopted before figures were frozen shows today's, and says so ('today').
 */
export type FigureState = 'live' | 'frozen' | 'today'

type Area = { municipalityCode: string; countyCode: string | null }

/** The figures as the adopting user sees them now, to store with the adoption. `deps.db` may be the adoption's transaction. */
export async function freezeFigures(deps: Deps, actor: Actor | undefined, figures: readonly MappingFigure[], area: Area): Promise<FrozenFigure[]> {
  return (await figureInputs(figures, area, platformFigureSources(deps, actor))).map((f) => ({ format: FORMAT, ...f }))
}

function isFrozen(x: unknown): x is FrozenFigure {
  if (typeof x !== 'object' || x === null) return false
  const f = x as Partial<FrozenFigure>
  return f.format === FORMAT && typeof f.figure === 'object' && f.figure !== null && (f.figure.kind === 'indicator' || f.figure.kind === 'survey')
}

/** The stored figures; undefined when there are none (adopted before figures were frozen) or in a shape this code does not know. */
export function storedFigures(stored: unknown): FigureInput[] | undefined {
  if (!Array.isArray(stored) || !stored.every(isFrozen)) return undefined
  return stored.map(({ format: _format, ...f }) => f)
}

/**
 * The figures of a version for this reader. A frozen survey figure is still the survey's to show: a
 * reader who may not read the survey today gets the figure without numbers, as a live one would.
 */
export async function reportFigures(
  deps: Deps,
  actor: Actor | undefined,
  d: { report: SituationReport; organisation: { countyCode: string | null } },
  t: Translate,
): Promise<{ figures: MappingFigureData[]; state: FigureState }> {
  const r = d.report
  const live = async () =>
    buildFigures(
      await figureInputs(r.figures, { municipalityCode: r.municipalityCode, countyCode: d.organisation.countyCode }, platformFigureSources(deps, actor)),
      t,
    )
  if (r.status !== 'adopted') return { figures: await live(), state: 'live' }
  const frozen = storedFigures(r.adoptedFigures)
  if (!frozen) return { figures: await live(), state: 'today' }
  const readable = new Map<string, boolean>()
  const shown: FigureInput[] = []
  for (const f of frozen) {
    if (f.figure.kind === 'survey') {
      const id = f.figure.surveyId
      if (!readable.has(id)) readable.set(id, await surveyReadable(deps, actor, id))
      if (!readable.get(id)) {
        shown.push({ figure: f.figure })
        continue
      }
    }
    shown.push(f)
  }
  return { figures: buildFigures(shown, t), state: 'frozen' }
}

/** What the reader is told about where an adopted version's figures come from; nothing for a draft or a version without figures. */
export function figureStateNote(t: Translate, report: Pick<SituationReport, 'adoptedOn'>, state: FigureState, figureCount: number): string | undefined {
  if (figureCount === 0 || state === 'live') return undefined
  if (state === 'frozen') return t('situationReports.figures.frozenNote', { date: report.adoptedOn ? formatIsoDate(report.adoptedOn) : '' })
  return t('situationReports.figures.todayNote')
}
