import { defineConfig } from 'drizzle-kit'

// drizzle-kit reads every *.tables.ts and writes reviewed SQL into db/migrations.
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/**/*.tables.ts'],
  out: './db/migrations',
})
