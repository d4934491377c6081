import { type Kysely, sql } from 'kysely';

// Frozen in time: this file imports nothing from application code (DESIGN.md §4).
// Duplicate scans (groups of likely duplicates found across all customers) and merges.

type Dialect = 'sqlite' | 'postgres';

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const ts = sql.raw(dialect === 'postgres' ? 'timestamptz' : 'text');
  await db.schema
    .createTable('duplicate_scans')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('customers_scanned', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('groups_found', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('error', 'text')
    .addColumn('job_id', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', ts, (col) => col.notNull())
    .addColumn('finished_at', ts)
    .execute();

  await db.schema
    .createTable('duplicate_groups')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('scan_id', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    /** JSON: what tied the members (phone, email, name) and the best name similarity. */
    .addColumn('reasons', 'text', (col) => col.notNull())
    .addColumn('size', 'integer', (col) => col.notNull())
    .addColumn('created_at', ts, (col) => col.notNull())
    .addColumn('resolved_at', ts)
    .addColumn('resolved_by', 'text')
    .execute();
  await db.schema
    .createIndex('duplicate_groups_scan_idx')
    .on('duplicate_groups')
    .columns(['scan_id', 'status', 'id'])
    .execute();
  await db.schema
    .createTable('duplicate_group_members')
    .addColumn('group_id', 'text', (col) =>
      col.notNull().references('duplicate_groups.id').onDelete('cascade'),
    )
    .addColumn('customer_id', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('duplicate_group_members_pk', ['group_id', 'customer_id'])
    .execute();
  await db.schema
    .createIndex('duplicate_group_members_customer_idx')
    .on('duplicate_group_members')
    .columns(['customer_id', 'group_id'])
    .execute();

  // Pairs a user said are different customers: later scans do not propose them again.
  await db.schema
    .createTable('duplicate_dismissals')
    .addColumn('customer_a', 'text', (col) => col.notNull())
    .addColumn('customer_b', 'text', (col) => col.notNull())
    .addColumn('dismissed_by', 'text')
    .addColumn('dismissed_at', ts, (col) => col.notNull())
    .addPrimaryKeyConstraint('duplicate_dismissals_pk', ['customer_a', 'customer_b'])
    .execute();

  // A merged customer points at its survivor (old links and history still lead somewhere).
  await db.schema.alterTable('customers').addColumn('merged_into_id', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('customers').dropColumn('merged_into_id').execute();
  for (const table of [
    'duplicate_dismissals',
    'duplicate_group_members',
    'duplicate_groups',
    'duplicate_scans',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
