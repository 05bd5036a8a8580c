/**
 * `npm run cli -- <command>`: operations on the configured database, run as their own process (the
 * server must not hold the same PGlite folder). Exit 0 = done, 1 = failed, 2 = wrong usage.
 */
import { type ParseArgsConfig, parseArgs } from 'node:util'
import { ConfigError, type Config, loadConfig } from './config.ts'
import { BackupError } from './platform/backup/backup-format.ts'
import { DomainError } from './platform/http/errors.ts'
import { translator } from './platform/i18n/i18n.ts'
import { CliError, cliLocale, message } from './cli/messages.ts'

// Commands load their modules when run: a typo or `help` answers at once, without loading the app.
const db = () => import('./cli/database-commands.ts')
const createUserOptions = { email: { type: 'string' }, org: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } } as const

interface Command {
  options?: ParseArgsConfig['options']
  /** Names of the positional arguments the command needs, in order. */
  positionals?: 'file'[]
  run(config: Config, values: Record<string, string | boolean | undefined>, positionals: string[]): Promise<number>
}

const commands: Record<string, Command> = {
  migrate: { run: async (config) => (await db()).migrate(config) },
  seed: { run: async (config) => (await db()).seed(config) },
  'create-user': {
    options: createUserOptions,
    run: async (config, values) => (await import('./cli/create-user.ts')).createUserCommand(config, values as Record<string, string>),
  },
  'verify-audit': {
    options: { anchors: { type: 'string' } },
    run: async (config, values) => (await db()).verifyAudit(config, values.anchors as string | undefined),
  },
  'db-roles': {
    options: { execute: { type: 'boolean' }, owner: { type: 'string' }, app: { type: 'string' } },
    run: async (config, values) => (await db()).dbRoles(config, values as { execute?: boolean; owner?: string; app?: string }),
  },
  'observations-import': {
    options: { indicator: { type: 'string' }, period: { type: 'string' }, format: { type: 'string' }, file: { type: 'string' }, area: { type: 'string' } },
    run: async (config, values) => (await import('./cli/observations-import.ts')).observationsImportCommand(config, values as Record<string, string>),
  },
  'populations-import': {
    options: { file: { type: 'string' }, source: { type: 'string' } },
    run: async (config, values) => (await import('./cli/observations-import.ts')).populationsImportCommand(config, values as Record<string, string>),
  },
  'survey-import': {
    options: { definition: { type: 'string' }, file: { type: 'string' }, organisation: { type: 'string' } },
    run: async (config, values) => (await import('./cli/survey-import.ts')).surveyImportCommand(config, values as Record<string, string>),
  },
  backup: { positionals: ['file'], run: async (config, _v, [file]) => (await db()).backup(config, file) },
  restore: { positionals: ['file'], run: async (config, _v, [file]) => (await db()).restore(config, file) },
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    console.log(message('usage'))
    return name ? 0 : 2
  }
  const command = commands[name]
  if (!command) throw new CliError(message('unknownCommand', { command: name }), 2)
  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] }
  try {
    parsed = parseArgs({ args: rest, options: command.options ?? {}, allowPositionals: true, strict: true }) as typeof parsed
  } catch (err) {
    throw new CliError(message('badArguments', { command: name, reason: (err as Error).message }), 2)
  }
  const wanted = command.positionals ?? []
  if (parsed.positionals.length !== wanted.length) {
    const text = wanted.length
      ? message('wrongPositionals', { command: name, expected: message('aFile') })
      : message('noPositionals', { command: name, extra: parsed.positionals.join(' ') })
    throw new CliError(text, 2)
  }
  let config: Config
  try {
    config = loadConfig()
  } catch (err) {
    if (err instanceof ConfigError) throw new CliError(err.message, 2)
    throw err
  }
  return command.run(config, parsed.values, parsed.positionals)
}

/** User errors become one line on stderr; only a bug (an unexpected error) shows its stack. */
function report(err: unknown): number {
  if (err instanceof CliError) {
    console.error(err.message)
    return err.exitCode
  }
  if (err instanceof BackupError) console.error(message('failed', { reason: err.message }))
  else if (err instanceof DomainError) console.error(message('failed', { reason: translator(cliLocale())(err.messageKey, err.params) }))
  else console.error(err)
  return 1
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (err) => {
    process.exitCode = report(err)
  },
)
