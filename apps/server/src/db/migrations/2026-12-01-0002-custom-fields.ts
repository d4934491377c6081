import { type Kysely, sql } from 'kysely';

// Frozen in time: this file imports nothing from application code (DESIGN.md §4).
// Custom fields: definitions only. Values live in each record's `custom` JSON column, so adding a
// field never alters a big table.

type Dialect = 'sqlite' | 'postgres';

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const ts = sql.raw(dialect === 'postgres' ? 'timestamptz' : 'text');
  await db.schema
    .createTable('custom_field_definitions')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('entity', 'text', (col) => col.notNull())
    .addColumn('key', 'text', (col) => col.notNull())
    .addColumn('label', 'text', (col) => col.notNull())
    .addColumn('type', 'text', (col) => col.notNull())
    .addColumn('required', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('options', 'text', (col) => col.notNull().defaultTo('[]'))
    .addColumn('show_in_list', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('filterable', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('sort', 'integer', (col) => col.notNull().defaultTo(100))
    .addColumn('archived', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('created_at', ts, (col) => col.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', ts, (col) => col.notNull())
    .addUniqueConstraint('custom_field_definitions_key_unique', ['entity', 'key'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('custom_field_definitions').ifExists().execute();
}
