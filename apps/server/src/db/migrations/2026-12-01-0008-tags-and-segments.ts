import { type Kysely, sql } from 'kysely';

// Frozen in time: this file imports nothing from application code (DESIGN.md §4).
// Admin-managed tags (with colours) and saved views / segments of the customer list.

type Dialect = 'sqlite' | 'postgres';

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const ts = sql.raw(dialect === 'postgres' ? 'timestamptz' : 'text');
  await db.schema
    .createTable('tag_definitions')
    .addColumn('name', 'text', (col) => col.primaryKey())
    .addColumn('color', 'text', (col) => col.notNull())
    .addColumn('description', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', ts, (col) => col.notNull())
    .addColumn('updated_at', ts, (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('segments')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('entity', 'text', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    /** JSON: the list query (filters, search, sort) that defines the members. */
    .addColumn('filters', 'text', (col) => col.notNull())
    /** private | department */
    .addColumn('visibility', 'text', (col) => col.notNull())
    .addColumn('owner_id', 'text', (col) => col.notNull())
    .addColumn('department_id', 'text')
    .addColumn('created_at', ts, (col) => col.notNull())
    .addColumn('updated_at', ts, (col) => col.notNull())
    .execute();
  await db.schema.createIndex('segments_owner_idx').on('segments').columns(['owner_id', 'name']).execute();
  await db.schema
    .createIndex('segments_department_idx')
    .on('segments')
    .columns(['department_id', 'visibility'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('segments').ifExists().execute();
  await db.schema.dropTable('tag_definitions').ifExists().execute();
}
