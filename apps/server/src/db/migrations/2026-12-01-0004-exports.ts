import { type Kysely, sql } from 'kysely';

// Frozen in time: this file imports nothing from application code (DESIGN.md §4).
// Exports of filtered lists, written by a background job and downloaded when ready.

type Dialect = 'sqlite' | 'postgres';

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const ts = sql.raw(dialect === 'postgres' ? 'timestamptz' : 'text');
  await db.schema
    .createTable('exports')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('entity', 'text', (col) => col.notNull())
    .addColumn('format', 'text', (col) => col.notNull())
    .addColumn('filters', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('rows_done', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('file_path', 'text')
    .addColumn('error', 'text')
    .addColumn('job_id', 'text')
    .addColumn('created_by', 'text', (col) => col.notNull())
    .addColumn('created_at', ts, (col) => col.notNull())
    .addColumn('finished_at', ts)
    .execute();
  await db.schema.createIndex('exports_creator_idx').on('exports').columns(['created_by', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('exports').ifExists().execute();
}
