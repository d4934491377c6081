import { type Kysely, sql } from 'kysely';

// Frozen in time: this file imports nothing from application code (DESIGN.md §4).
// Customer data management: organisation settings, the identities duplicate checks look up,
// the lifecycle and ownership logs, and team members (协作人).

type Dialect = 'sqlite' | 'postgres';

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const ts = sql.raw(dialect === 'postgres' ? 'timestamptz' : 'text');

  // Typed settings an administrator changes from the web app; one JSON value per key.
  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (col) => col.primaryKey())
    .addColumn('value', 'text', (col) => col.notNull())
    .addColumn('updated_at', ts, (col) => col.notNull())
    .addColumn('updated_by', 'text')
    .execute();

  // The comparison key of the name (legal suffixes off, full-width folded): fuzzy duplicate checks
  // score it. Null until the app computes it (new rows at write time, old rows by a backfill).
  await db.schema.alterTable('customers').addColumn('name_key', 'text').execute();
  await db.schema.alterTable('customers').addColumn('type_changed_at', ts).execute();
  await db.schema
    .createIndex('customers_name_key_idx')
    .on('customers')
    .column('name_key')
    .where(sql<boolean>`deleted_at is null`)
    .execute();
  if (dialect === 'sqlite') {
    // How many names hold each gram: a fuzzy check looks candidates up by the name's rarest grams.
    await sql`create virtual table customer_grams_vocab using fts5vocab(customer_grams, 'row')`.execute(db);
  } else {
    await sql`create index customers_name_key_trgm_idx on customers using gin (name_key gin_trgm_ops) where deleted_at is null`.execute(
      db,
    );
  }
  await db.schema
    .createIndex('customers_name_key_missing_idx')
    .on('customers')
    .column('seq')
    .where(sql<boolean>`name_key is null`)
    .execute();

  // Normalised phones (E.164) and emails of a customer and of its contacts: exact duplicate checks
  // are one index probe each, at any size.
  await db.schema
    .createTable('customer_identities')
    .addColumn('customer_id', 'text', (col) => col.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('value', 'text', (col) => col.notNull())
    .addColumn('contact_id', 'text')
    .execute();
  await db.schema
    .createIndex('customer_identities_value_idx')
    .on('customer_identities')
    .columns(['kind', 'value', 'customer_id'])
    .execute();
  await db.schema
    .createIndex('customer_identities_customer_idx')
    .on('customer_identities')
    .columns(['customer_id', 'contact_id'])
    .execute();

  // Lifecycle: every change of type (意向 → 潜在 → 成交 → 停用) with who, when and why.
  await db.schema
    .createTable('customer_type_changes')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('customer_id', 'text', (col) => col.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('from_type', 'text')
    .addColumn('to_type', 'text', (col) => col.notNull())
    .addColumn('reason', 'text', (col) => col.notNull())
    .addColumn('at', ts, (col) => col.notNull())
    .addColumn('actor_id', 'text')
    .execute();
  await db.schema
    .createIndex('customer_type_changes_customer_idx')
    .on('customer_type_changes')
    .columns(['customer_id', 'id'])
    .execute();
  await db.schema
    .createIndex('customer_type_changes_at_idx')
    .on('customer_type_changes')
    .columns(['to_type', 'at'])
    .execute();

  // Ownership: every change of owner (handover, and later pool returns, claims and reclaims).
  await db.schema
    .createTable('customer_owner_changes')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('customer_id', 'text', (col) => col.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('action', 'text', (col) => col.notNull())
    .addColumn('from_owner_id', 'text')
    .addColumn('to_owner_id', 'text')
    .addColumn('reason', 'text')
    .addColumn('at', ts, (col) => col.notNull())
    .addColumn('actor_id', 'text')
    .execute();
  await db.schema
    .createIndex('customer_owner_changes_customer_idx')
    .on('customer_owner_changes')
    .columns(['customer_id', 'id'])
    .execute();
  await db.schema
    .createIndex('customer_owner_changes_to_idx')
    .on('customer_owner_changes')
    .columns(['to_owner_id', 'action', 'at'])
    .execute();

  // Team members (协作人): users who see (and with write access, edit) a customer they do not own.
  await db.schema
    .createTable('customer_members')
    .addColumn('customer_id', 'text', (col) => col.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (col) => col.notNull().references('users.id'))
    .addColumn('access', 'text', (col) => col.notNull())
    .addColumn('expires_at', ts)
    .addColumn('added_by', 'text')
    .addColumn('added_at', ts, (col) => col.notNull())
    .addPrimaryKeyConstraint('customer_members_pk', ['customer_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('customer_members_user_idx')
    .on('customer_members')
    .columns(['user_id', 'customer_id'])
    .execute();
}

export async function down(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  for (const table of [
    'customer_members',
    'customer_owner_changes',
    'customer_type_changes',
    'customer_identities',
    'settings',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
  await db.schema.dropIndex('customers_name_key_missing_idx').ifExists().execute();
  await db.schema.dropIndex('customers_name_key_idx').ifExists().execute();
  if (dialect === 'postgres') await sql`drop index if exists customers_name_key_trgm_idx`.execute(db);
  else await sql`drop table if exists customer_grams_vocab`.execute(db);
  await db.schema.alterTable('customers').dropColumn('type_changed_at').execute();
  await db.schema.alterTable('customers').dropColumn('name_key').execute();
}
