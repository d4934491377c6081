import { type Kysely, sql } from 'kysely';

// Frozen in time: this file imports nothing from application code (DESIGN.md §4).
// Public web forms (web-to-lead) and what was submitted through them.

type Dialect = 'sqlite' | 'postgres';

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const ts = sql.raw(dialect === 'postgres' ? 'timestamptz' : 'text');
  await db.schema
    .createTable('web_forms')
    .addColumn('id', 'text', (col) => col.primaryKey())
    /** The unguessable part of the public URL (/f/<key>). */
    .addColumn('public_key', 'text', (col) => col.notNull().unique())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('description', 'text')
    .addColumn('thank_you', 'text', (col) => col.notNull())
    /** JSON array of { target, label, required }. */
    .addColumn('fields', 'text', (col) => col.notNull())
    .addColumn('receiver_user_id', 'text')
    .addColumn('receiver_pool_id', 'text')
    .addColumn('locale', 'text', (col) => col.notNull())
    .addColumn('active', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('created_by', 'text', (col) => col.notNull())
    .addColumn('created_at', ts, (col) => col.notNull())
    .addColumn('updated_at', ts, (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('web_form_submissions')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('form_id', 'text', (col) => col.notNull().references('web_forms.id').onDelete('cascade'))
    /** JSON of what the visitor sent (normalised). */
    .addColumn('values', 'text', (col) => col.notNull())
    /** created | duplicate | failed */
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('customer_id', 'text')
    .addColumn('duplicate_of', 'text')
    .addColumn('error', 'text')
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .addColumn('created_at', ts, (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('web_form_submissions_form_idx')
    .on('web_form_submissions')
    .columns(['form_id', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('web_form_submissions').ifExists().execute();
  await db.schema.dropTable('web_forms').ifExists().execute();
}
