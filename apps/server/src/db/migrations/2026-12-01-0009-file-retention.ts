import type { Kysely } from 'kysely';

// Frozen in time: this file imports nothing from application code (DESIGN.md §4).
// Imports remember when their files (the upload and the failed rows) were removed after use.

type Dialect = 'sqlite' | 'postgres';

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema
    .alterTable('imports')
    .addColumn('files_removed_at', dialect === 'postgres' ? 'timestamptz' : 'text')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('imports').dropColumn('files_removed_at').execute();
}
