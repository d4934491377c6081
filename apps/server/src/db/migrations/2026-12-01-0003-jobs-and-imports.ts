import { type Kysely, sql } from 'kysely';

// Frozen in time: this file imports nothing from application code (DESIGN.md §4).
// Background jobs (the in-process, database-backed runner) and customer imports.

type Dialect = 'sqlite' | 'postgres';

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const ts = sql.raw(dialect === 'postgres' ? 'timestamptz' : 'text');
  await db.schema
    .createTable('jobs')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('type', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('payload', 'text', (col) => col.notNull())
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('error', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', ts, (col) => col.notNull())
    .addColumn('run_after', ts, (col) => col.notNull())
    .addColumn('started_at', ts)
    .addColumn('heartbeat_at', ts)
    .addColumn('finished_at', ts)
    .execute();
  await db.schema.createIndex('jobs_queue_idx').on('jobs').columns(['status', 'run_after', 'id']).execute();

  await db.schema
    .createTable('imports')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('entity', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('file_name', 'text', (col) => col.notNull())
    .addColumn('file_path', 'text', (col) => col.notNull())
    .addColumn('file_size', 'bigint', (col) => col.notNull())
    .addColumn('format', 'text', (col) => col.notNull())
    .addColumn('encoding', 'text', (col) => col.notNull())
    .addColumn('headers', 'text', (col) => col.notNull())
    .addColumn('mapping', 'text', (col) => col.notNull())
    .addColumn('duplicate_policy', 'text', (col) => col.notNull())
    .addColumn('job_id', 'text')
    // Progress: committed with each batch, so a restarted job resumes after the last batch.
    .addColumn('rows_done', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('bytes_done', 'bigint', (col) => col.notNull().defaultTo(0))
    .addColumn('created_count', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('updated_count', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('skipped_count', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('failed_count', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('failed_path', 'text')
    .addColumn('error', 'text')
    .addColumn('created_by', 'text', (col) => col.notNull())
    .addColumn('created_at', ts, (col) => col.notNull())
    .addColumn('started_at', ts)
    .addColumn('finished_at', ts)
    .execute();
  await db.schema.createIndex('imports_creator_idx').on('imports').columns(['created_by', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('imports').ifExists().execute();
  await db.schema.dropTable('jobs').ifExists().execute();
}
