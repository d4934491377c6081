import { type Kysely, sql } from 'kysely';

// Frozen in time: this file imports nothing from application code (DESIGN.md §4).
// Public pools (公海) with reclaim rules, ownership facts the rules read, and in-app notifications.

type Dialect = 'sqlite' | 'postgres';

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const ts = sql.raw(dialect === 'postgres' ? 'timestamptz' : 'text');
  await db.schema
    .createTable('customer_pools')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('description', 'text')
    /** JSON array of department ids whose users use this pool (and whose customers return to it); [] = all. */
    .addColumn('department_ids', 'text', (col) => col.notNull())
    /** JSON array of user ids who assign from this pool. */
    .addColumn('admin_ids', 'text', (col) => col.notNull())
    /** JSON: reclaim rules, quotas, caps, masking. */
    .addColumn('rules', 'text', (col) => col.notNull())
    .addColumn('sort', 'integer', (col) => col.notNull().defaultTo(100))
    .addColumn('created_at', ts, (col) => col.notNull())
    .addColumn('updated_at', ts, (col) => col.notNull())
    .execute();

  for (const [name, type] of [
    ['pool_id', 'text'],
    ['pooled_at', ts],
    ['pool_reason', 'text'],
    ['previous_owner_id', 'text'],
    ['owner_since', ts],
    ['locked', 'integer'],
    ['last_opportunity_at', ts],
    ['last_deal_at', ts],
    ['reclaim_warned_at', ts],
  ] as const) {
    await db.schema
      .alterTable('customers')
      .addColumn(name, typeof type === 'string' ? sql.raw(type) : type)
      .execute();
  }
  await db.schema
    .createIndex('customers_pool_idx')
    .on('customers')
    .columns(['pool_id', 'pooled_at', 'id'])
    .where(sql<boolean>`deleted_at is null and pool_id is not null`)
    .execute();
  // The daily reclaim reads owned customers by department and how long they have been owned.
  await db.schema
    .createIndex('customers_owner_since_idx')
    .on('customers')
    .columns(['department_id', 'owner_since'])
    .where(sql<boolean>`deleted_at is null and pool_id is null`)
    .execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('user_id', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    /** JSON: what the message says, as a key and parameters the web app translates. */
    .addColumn('payload', 'text', (col) => col.notNull())
    .addColumn('link', 'text')
    /** The same event notifies once (e.g. one reclaim warning per customer and deadline). */
    .addColumn('dedupe_key', 'text')
    .addColumn('read_at', ts)
    .addColumn('created_at', ts, (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('notifications_user_idx')
    .on('notifications')
    .columns(['user_id', 'id'])
    .execute();
  await db.schema
    .createIndex('notifications_dedupe_idx')
    .on('notifications')
    .columns(['user_id', 'dedupe_key'])
    .unique()
    .where(sql<boolean>`dedupe_key is not null`)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('notifications').ifExists().execute();
  await db.schema.dropIndex('customers_owner_since_idx').ifExists().execute();
  await db.schema.dropIndex('customers_pool_idx').ifExists().execute();
  for (const name of [
    'reclaim_warned_at',
    'last_deal_at',
    'last_opportunity_at',
    'locked',
    'owner_since',
    'previous_owner_id',
    'pool_reason',
    'pooled_at',
    'pool_id',
  ]) {
    await db.schema.alterTable('customers').dropColumn(name).execute();
  }
  await db.schema.dropTable('customer_pools').ifExists().execute();
}
