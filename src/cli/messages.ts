/**
 * The CLI's own texts, Swedish first. The operator's locale (LC_ALL, LC_MESSAGES, LANG) picks
 * English when it starts with "en"; everything else gets Swedish, like the web pages.
 */
const sv = {
  usage: `Användning: npm run cli -- <kommando> [argument]

Kommandon:
  migrate                  Kör databasmigreringarna
  seed                     Migreringar, referensdata och (i demoläge) demokonton
  create-user --email E-POST --org ORGANISATION --role ROLL [--name NAMN]
                           Skapar ett konto och skriver ut ett engångslösenord en gång.
                           ORGANISATION är en kod (t.ex. kommun-0580, lansstyrelsen-05) eller ett id.
                           ROLL är admin, coordinator, editor, reporter eller viewer.
  verify-audit [--anchors FIL]
                           Kontrollerar granskningsloggens hashkedja, och mot ankarfilen
                           (TILLSAMMANS_AUDIT_ANCHOR_FILE eller --anchors) att inga rader raderats
                           eller räknats om. Avslutas med kod 1 om något inte stämmer.
  db-roles [--execute] [--owner NAMN] [--app NAMN]
                           Skriver ut (eller kör, med --execute) SQL som skapar en ägarroll för
                           migreringar och en applikationsroll som bara får läsa och lägga till i
                           granskningsloggen. Lösenord: TILLSAMMANS_OWNER_PASSWORD, TILLSAMMANS_APP_PASSWORD.
  observations-import --indicator NYCKEL --format bra|bra_wide|ntu|long --file FIL
                      [--period PERIOD] [--area OMRÅDE]
                           Läser in en fil med värden till en indikator: allt eller inget.
                           --period behövs för Brås kommuntabell (bra), --area för NTU (ntu)
                           och för Brås tabell per brottstyp. Formaten beskrivs på /indicators/help.
  populations-import --file FIL [--source KÄLLA]
                           Läser in folkmängd per kommun och år (kommun;ar;folkmangd).
  survey-import --definition DEF.json --file SVAR.csv [--organisation ORGANISATION]
                           Skapar enkäten från definitionen (eller hittar organisationens enkät med
                           samma namn) och importerar filen med enkätsvar. Skriver enkätens id sist.
                           Utan --organisation: kommunen som är enkätens enda område.
  backup FIL               Skriver en säkerhetskopia av hela databasen till FIL
  restore FIL              Läser in en säkerhetskopia i en ny, tom databas
  help                     Visar den här hjälpen

Databasen väljs som för servern: DATABASE_URL, annars PGlite i TILLSAMMANS_DATA_DIR (./data).
En PGlite-mapp kan bara användas av en process i taget: stoppa servern innan du kör kommandon.`,
  unknownCommand: 'Okänt kommando: {command}. Kör "npm run cli -- help" för att se alla kommandon.',
  badArguments: 'Fel i argumenten till {command}: {reason}. Kör "npm run cli -- help".',
  missingOption: 'Ange --{option} till {command}. Kör "npm run cli -- help".',
  wrongPositionals: '{command} behöver {expected}. Kör "npm run cli -- help".',
  aFile: 'ett filnamn',
  noPositionals: '{command} tar inga sådana argument: {extra}. Kör "npm run cli -- help".',
  badRole: 'Okänd roll: {role}. Välj en av: {roles}.',
  badEmail: 'Ogiltig e-postadress: {email}',
  unknownOrganisation: 'Okänd organisation: {org}. Ange en organisationskod (till exempel kommun-0580 eller lansstyrelsen-05) eller organisationens id.',
  noReferenceData: 'Databasen har inga organisationer ännu. Kör först: npm run cli -- seed',
  notMigrated: 'Databasen saknar Tillsammans tabeller. Kör först: npm run cli -- migrate',
  openFailed: 'Kunde inte öppna databasen: {reason}',
  migrated: 'Migreringar körda: {tags}',
  upToDate: 'Databasen är redan uppdaterad.',
  seeded: 'Klart: {migrations} nya migreringar, referensdata inläst, {demo} demokonton skapade.',
  userCreated: 'Kontot är skapat: {email} – {role}, {organisation}.',
  oneTimePassword: 'Engångslösenord (visas bara nu): {password}',
  passwordAdvice: 'Lämna lösenordet till personen på ett säkert sätt. Personen måste byta det vid första inloggningen.',
  auditOk: 'OK: {count} händelser',
  anchorsOk: 'OK: {count} ankare stämmer ({file})',
  anchorsNone: 'Obs: ingen ankarfil – kedjans slut kan inte kontrolleras. Ange TILLSAMMANS_AUDIT_ANCHOR_FILE.',
  anchorsMissing: 'Obs: ankarfilen {file} finns inte ännu (jobbet audit.anchor skriver den var 15:e minut).',
  rolesNeedServer: 'db-roles behöver en PostgreSQL-server (DATABASE_URL). Den inbäddade databasen har bara en användare.',
  rolesDone: 'Klart: rollerna {owner} och {app} finns, {owner} äger tabellerna och {app} får bara läsa och lägga till i granskningsloggen.',
  grantsApplied: 'Behörigheterna för {app} är uppdaterade.',
  backupWritten: 'Säkerhetskopian är skriven: {file} ({tables} tabeller, {rows} rader)',
  restored: 'Återställt från {file}: {tables} tabeller, {rows} rader',
  fileMissing: 'Filen finns inte: {file}',
  badFormat: 'Okänt format: {format}. Välj ett av: {formats}.',
  unknownIndicator: 'Okänd indikator: {key}. Indikatorerna finns på /indicators.',
  importRefused: 'Filen {file} importerades inte: den har {count} fel. Ingenting har sparats.',
  observationsStored: 'Sparat: {count} värden för {key} ({inserted} nya, {updated} ändrade, {suppressed} undertryckta). Import-id: {id}',
  populationsStored: 'Sparat: folkmängd på {count} rader för åren {years}.',
  failed: 'Fel: {reason}',
  definitionNotJson: 'Definitionen {file} är inte giltig JSON: {reason}',
  definitionInvalid: 'Definitionen {file} har {count} fel (se ovan).',
  surveyCreated: 'Enkäten ”{name}” är skapad.',
  surveyFound: 'Enkäten ”{name}” finns redan; filen importeras till den.',
  surveyImported: 'Importerat: {respondents} svarande, {answers} svar, år {years} ({cells} celler).',
  surveyImportRefused: 'Filen importerades inte: {count} problem (se ovan). Ingenting sparades. Enkätens id: {id}',
}

type Messages = typeof sv

const en: Messages = {
  usage: `Usage: npm run cli -- <command> [arguments]

Commands:
  migrate                  Run the database migrations
  seed                     Migrations, reference data and (in demo mode) demo accounts
  create-user --email EMAIL --org ORGANISATION --role ROLE [--name NAME]
                           Create an account and print a one-time password, once.
                           ORGANISATION is a code (e.g. kommun-0580, lansstyrelsen-05) or an id.
                           ROLE is admin, coordinator, editor, reporter or viewer.
  verify-audit [--anchors FILE]
                           Check the audit trail's hash chain, and against the anchor file
                           (TILLSAMMANS_AUDIT_ANCHOR_FILE or --anchors) that no rows were deleted or
                           recomputed. Exits with code 1 when anything does not match.
  db-roles [--execute] [--owner NAME] [--app NAME]
                           Print (or run, with --execute) SQL that creates an owner role for
                           migrations and an application role that may only read and append to the
                           audit trail. Passwords: TILLSAMMANS_OWNER_PASSWORD, TILLSAMMANS_APP_PASSWORD.
  observations-import --indicator KEY --format bra|bra_wide|ntu|long --file FILE
                      [--period PERIOD] [--area AREA]
                           Load a file of values into an indicator: all or nothing.
                           --period is needed for Brå's municipal table (bra), --area for NTU (ntu)
                           and for Brå's table by offence type. The formats are described at /indicators/help.
  populations-import --file FILE [--source SOURCE]
                           Load population figures per municipality and year (kommun;ar;folkmangd).
  survey-import --definition DEF.json --file ANSWERS.csv [--organisation ORGANISATION]
                           Create the survey from the definition (or find the organisation's survey
                           of that name) and import the file of answers. Prints the survey's id last.
                           Without --organisation: the municipality that is the survey's only area.
  backup FILE              Write a backup of the whole database to FILE
  restore FILE             Load a backup into a new, empty database
  help                     Show this help

The database is chosen as for the server: DATABASE_URL, otherwise PGlite in TILLSAMMANS_DATA_DIR (./data).
A PGlite folder can be used by one process at a time: stop the server before running commands.`,
  unknownCommand: 'Unknown command: {command}. Run "npm run cli -- help" to see all commands.',
  badArguments: 'Wrong arguments for {command}: {reason}. Run "npm run cli -- help".',
  missingOption: 'Give --{option} to {command}. Run "npm run cli -- help".',
  wrongPositionals: '{command} needs {expected}. Run "npm run cli -- help".',
  aFile: 'a file name',
  noPositionals: '{command} takes no such arguments: {extra}. Run "npm run cli -- help".',
  badRole: 'Unknown role: {role}. Choose one of: {roles}.',
  badEmail: 'Invalid email address: {email}',
  unknownOrganisation: 'Unknown organisation: {org}. Give an organisation code (for example kommun-0580 or lansstyrelsen-05) or the organisation id.',
  noReferenceData: 'The database has no organisations yet. Run first: npm run cli -- seed',
  notMigrated: 'The database has no Tillsammans tables. Run first: npm run cli -- migrate',
  openFailed: 'Could not open the database: {reason}',
  migrated: 'Migrations applied: {tags}',
  upToDate: 'The database is already up to date.',
  seeded: 'Done: {migrations} new migrations, reference data loaded, {demo} demo accounts created.',
  userCreated: 'Account created: {email} – {role}, {organisation}.',
  oneTimePassword: 'One-time password (shown only now): {password}',
  passwordAdvice: 'Give the password to the person in a safe way. They must change it the first time they sign in.',
  auditOk: 'OK: {count} events',
  anchorsOk: 'OK: {count} anchors match ({file})',
  anchorsNone: 'Note: no anchor file – the end of the chain cannot be checked. Set TILLSAMMANS_AUDIT_ANCHOR_FILE.',
  anchorsMissing: 'Note: the anchor file {file} does not exist yet (the audit.anchor job writes it every 15 minutes).',
  rolesNeedServer: 'db-roles needs a PostgreSQL server (DATABASE_URL). The embedded database has a single user.',
  rolesDone: 'Done: the roles {owner} and {app} exist, {owner} owns the tables and {app} may only read and append to the audit trail.',
  grantsApplied: 'Privileges of {app} updated.',
  backupWritten: 'Backup written: {file} ({tables} tables, {rows} rows)',
  restored: 'Restored from {file}: {tables} tables, {rows} rows',
  fileMissing: 'No such file: {file}',
  badFormat: 'Unknown format: {format}. Choose one of: {formats}.',
  unknownIndicator: 'Unknown indicator: {key}. The indicators are listed at /indicators.',
  importRefused: 'The file {file} was not imported: it has {count} errors. Nothing has been stored.',
  observationsStored: 'Stored: {count} values for {key} ({inserted} new, {updated} changed, {suppressed} suppressed). Import id: {id}',
  populationsStored: 'Stored: population on {count} rows for the years {years}.',
  failed: 'Error: {reason}',
  definitionNotJson: 'The definition {file} is not valid JSON: {reason}',
  definitionInvalid: 'The definition {file} has {count} errors (see above).',
  surveyCreated: 'The survey “{name}” has been created.',
  surveyFound: 'The survey “{name}” already exists; the file is imported into it.',
  surveyImported: 'Imported: {respondents} respondents, {answers} answers, years {years} ({cells} cells).',
  surveyImportRefused: 'The file was not imported: {count} problems (see above). Nothing was saved. Survey id: {id}',
}

export type MessageKey = keyof Messages

export function cliLocale(env: NodeJS.ProcessEnv = process.env): 'sv' | 'en' {
  const tag = env.LC_ALL || env.LC_MESSAGES || env.LANG || ''
  return tag.toLowerCase().startsWith('en') ? 'en' : 'sv'
}

export function message(key: MessageKey, params: Record<string, string | number> = {}, locale = cliLocale()): string {
  const template = (locale === 'en' ? en : sv)[key]
  return template.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m))
}

/** A mistake by whoever ran the command: printed as one clear line, never with a stack trace. */
export class CliError extends Error {
  constructor(
    text: string,
    /** 2 for wrong usage (arguments), 1 for everything else. */
    public readonly exitCode = 1,
  ) {
    super(text)
  }
}
