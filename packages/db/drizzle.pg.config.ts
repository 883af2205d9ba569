import { defineConfig } from 'drizzle-kit'

/** The PostgreSQL schema's migrations (`pnpm db:generate:pg`); SQLite's are in drizzle.config.ts. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/schema-pg/index.ts',
  out: './drizzle-pg',
})
