// Every table of the application, for drizzle's typed queries. drizzle-kit reads the same files.
export * from '../../features/organisations/organisations.tables.ts'
export * from '../../features/accounts/accounts.tables.ts'
export * from '../../features/api-tokens/api-tokens.tables.ts'
export * from '../audit/audit.tables.ts'
