import fs from 'node:fs'
import path from 'node:path'
import type { Config } from '../config.ts'
import { translator } from '../platform/i18n/i18n.ts'
import { CliError, cliLocale, message } from './messages.ts'

export interface SurveyImportArgs {
  definition?: string
  file?: string
  organisation?: string
}

// `npm run` moves to the project folder; INIT_CWD is where the operator typed the command.
const fromWhereTyped = (file: string) => path.resolve(process.env.INIT_CWD ?? process.cwd(), file)

/**
 * `survey-import --definition DEF.json --file DATA.csv [--organisation CODE]` (issue 9 §4–5): creates the
 * survey from its definition — or finds the organisation's survey of that name — and imports the file
 * at once, streaming it. The survey's id is the last line printed; every problem of a refused file is
 * one line "Rad 7, kolumn vikt: …" on stderr, and the exit code is 1. Without --organisation the
 * survey belongs to the municipality of its one area.
 */
export async function surveyImportCommand(config: Config, args: SurveyImportArgs): Promise<number> {
  for (const option of ['definition', 'file'] as const) {
    if (!args[option]?.trim()) throw new CliError(message('missingOption', { option, command: 'survey-import' }), 2)
  }
  const definitionFile = fromWhereTyped(args.definition!)
  const dataFile = fromWhereTyped(args.file!)
  for (const f of [definitionFile, dataFile]) if (!fs.existsSync(f)) throw new CliError(message('fileMissing', { file: f }))
  let input: unknown
  try {
    input = JSON.parse(fs.readFileSync(definitionFile, 'utf8'))
  } catch (err) {
    throw new CliError(message('definitionNotJson', { file: definitionFile, reason: (err as Error).message }))
  }
  const t = translator(cliLocale())
  const [{ parseDefinition }, { problemLine }] = await Promise.all([
    import('../features/surveys/definition.schemas.ts'),
    import('../platform/jobs/task-problems.ts'),
  ])
  const parsed = parseDefinition(input)
  if (!parsed.ok) {
    for (const p of parsed.problems) console.error(`${p.path}: ${t(p.key, p.params)}`)
    throw new CliError(message('definitionInvalid', { file: definitionFile, count: parsed.problems.length }))
  }
  const definition = parsed.definition
  const orgCode = args.organisation?.trim() || (definition.areas.length === 1 ? `kommun-${definition.areas[0]}` : undefined)
  if (!orgCode) throw new CliError(message('missingOption', { option: 'organisation', command: 'survey-import' }), 2)

  const [
    { createSurvey, findSurveyByName },
    { importSurveyFile },
    { problemKeys },
    { findOrganisationByCode },
    { createDeps },
    { requireMigrated, withDatabase },
  ] = await Promise.all([
    import('../features/surveys/definition.service.ts'),
    import('../features/surveys/import.service.ts'),
    import('../features/surveys/import.task.ts'),
    import('../features/organisations/index.ts'),
    import('../platform/deps.ts'),
    import('./database.ts'),
  ])
  const ctx = { system: 'cli' }
  const outcome = await withDatabase(config, async (database) => {
    await requireMigrated(database)
    const organisation = await findOrganisationByCode(database.db, orgCode)
    if (!organisation) throw new CliError(message('unknownOrganisation', { org: orgCode }))
    const deps = await createDeps(config, database)
    const existing = await findSurveyByName(deps, organisation.id, definition.name)
    const survey = existing ?? (await createSurvey(deps, ctx, organisation.id, input))
    const result = await importSurveyFile(deps, ctx, survey.id, {
      fileName: path.basename(dataFile),
      data: fs.createReadStream(dataFile, { highWaterMark: 256 * 1024 }),
    })
    return { survey, created: !existing, result }
  })
  const { survey, created, result } = outcome
  console.log(message(created ? 'surveyCreated' : 'surveyFound', { name: survey.name }))
  if (!result.ok) {
    for (const p of problemKeys(result.problems)) console.error(problemLine(t, p))
    throw new CliError(message('surveyImportRefused', { count: result.problems.length, id: survey.id }))
  }
  console.log(message('surveyImported', { respondents: result.respondents, answers: result.answers, years: result.years.join(', '), cells: result.cells }))
  console.log(survey.id)
  return 0
}
