import fs from 'node:fs'
import path from 'node:path'
import type { Config } from '../config.ts'
import { translator } from '../platform/i18n/i18n.ts'
import { CliError, cliLocale, message } from './messages.ts'

const FORMATS = ['bra', 'bra_wide', 'ntu', 'long'] as const
type Format = (typeof FORMATS)[number]

// `npm run` moves to the project folder; INIT_CWD is where the operator typed the command.
const fromWhereTyped = (file: string) => path.resolve(process.env.INIT_CWD ?? process.cwd(), file)

export interface ObservationsImportArgs {
  indicator?: string
  period?: string
  format?: string
  file?: string
  area?: string
}

/**
 * `observations-import`: one file of observations into an indicator, as the import page does it (all
 * or nothing, one transaction, audited as the CLI). Prints what was stored; on a refused file every
 * problem with its row and column, and exit code 1.
 */
export async function observationsImportCommand(config: Config, args: ObservationsImportArgs): Promise<number> {
  for (const option of ['indicator', 'format', 'file'] as const)
    if (!args[option]?.trim()) throw new CliError(message('missingOption', { option, command: 'observations-import' }), 2)
  const format = args.format!.trim() as Format
  if (!FORMATS.includes(format)) throw new CliError(message('badFormat', { format: args.format!, formats: FORMATS.join(', ') }), 2)
  const file = fromWhereTyped(args.file!)
  if (!fs.existsSync(file)) throw new CliError(message('fileMissing', { file }))
  const data = fs.readFileSync(file)
  const t = translator(cliLocale())
  const [{ requireMigrated, withDatabase }, svc, { findIndicatorByKey }, { problemLine }] = await Promise.all([
    import('./database.ts'),
    import('../features/indicators/import.service.ts'),
    import('../features/indicators/indicators.repo.ts'),
    import('../features/indicators/problem-line.ts'),
  ])
  return withDatabase(config, async (database) => {
    await requireMigrated(database)
    const indicator = await findIndicatorByKey(database.db, args.indicator!.trim())
    if (!indicator) throw new CliError(message('unknownIndicator', { key: args.indicator! }))
    const opts = svc.checkOptions(indicator, { format, period: args.period, area: args.area }, await svc.areasOf(database.db))
    if (!opts.ok) throw new CliError(opts.errors.map((e) => `--${e.field}: ${t(`indicators.import.errors.${e.key}`, e.params ?? {})}`).join('\n'), 2)
    const outcome = await svc.importObservations(database.db, { label: 'cli' }, indicator, {
      format,
      period: opts.period,
      area: opts.area,
      fileName: path.basename(file),
      data,
    })
    if (!outcome.ok && 'errorKey' in outcome) throw new CliError(t(outcome.errorKey))
    if (!outcome.ok) {
      const lines = outcome.problems.map((p) => problemLine(t, p))
      throw new CliError([message('importRefused', { count: lines.length, file: path.basename(file) }), ...lines].join('\n'))
    }
    for (const s of outcome.stored)
      console.log(
        message('observationsStored', {
          key: s.indicatorKey,
          count: s.inserted + s.updated,
          inserted: s.inserted,
          updated: s.updated,
          suppressed: s.suppressed,
          id: s.importId,
        }),
      )
    return 0
  })
}

/** `populations-import`: folkmängd per municipality and year from `kommun;ar;folkmangd`, all rows or none. */
export async function populationsImportCommand(config: Config, args: { file?: string; source?: string }): Promise<number> {
  if (!args.file?.trim()) throw new CliError(message('missingOption', { option: 'file', command: 'populations-import' }), 2)
  const file = fromWhereTyped(args.file)
  if (!fs.existsSync(file)) throw new CliError(message('fileMissing', { file }))
  const data = fs.readFileSync(file)
  const t = translator(cliLocale())
  const [{ requireMigrated, withDatabase }, svc, { problemLine }] = await Promise.all([
    import('./database.ts'),
    import('../features/indicators/import.service.ts'),
    import('../features/indicators/problem-line.ts'),
  ])
  return withDatabase(config, async (database) => {
    await requireMigrated(database)
    const outcome = await svc.importPopulations(database.db, { label: 'cli' }, { fileName: path.basename(file), data, source: args.source?.trim() || 'SCB' })
    if (!outcome.ok && 'errorKey' in outcome) throw new CliError(t(outcome.errorKey))
    if (!outcome.ok) {
      const lines = outcome.problems.map((p) => problemLine(t, p))
      throw new CliError([message('importRefused', { count: lines.length, file: path.basename(file) }), ...lines].join('\n'))
    }
    console.log(message('populationsStored', { count: outcome.rows, years: outcome.years.join(', ') }))
    return 0
  })
}
