import { defineConfig } from 'prisma/config';
import { PrismaPg } from '@prisma/adapter-pg';

// The schema's datasource reads DATABASE_URL; commands that need no database (generate, validate,
// migrate diff) must still resolve it, or the CLI falls back to downloading a native engine.
process.env.DATABASE_URL ??= 'postgresql://placeholder@localhost:5432/placeholder';

// Prisma's own engines are never downloaded here: the JS engine talks to Postgres through `pg`.
export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  adapter: async () => new PrismaPg({ connectionString: process.env.DATABASE_URL! }),
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
});
