import { type Kysely, sql } from 'kysely';

// Frozen in time: this file imports nothing from application code (DESIGN.md §4).

type Dialect = 'sqlite' | 'postgres';

const timestampType = (dialect: Dialect) => (dialect === 'postgres' ? 'timestamptz' : 'text');

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const ts = timestampType(dialect);
  const now = sql.raw(dialect === 'postgres' ? 'now()' : "(strftime('%Y-%m-%dT%H:%M:%fZ','now'))");

  await db.schema
    .createTable('organizations')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('default_locale', 'text', (col) => col.notNull())
    .addColumn('created_at', sql.raw(ts), (col) => col.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable('departments')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('parent_id', 'text', (col) => col.references('departments.id'))
    .addColumn('path', 'text', (col) => col.notNull())
    .addColumn('sort', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('created_at', sql.raw(ts), (col) => col.notNull())
    .addColumn('updated_at', sql.raw(ts), (col) => col.notNull())
    .execute();
  await db.schema.createIndex('departments_parent_idx').on('departments').column('parent_id').execute();
  await db.schema.createIndex('departments_path_idx').on('departments').column('path').execute();

  await db.schema
    .createTable('roles')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('name', 'text', (col) => col.notNull().unique())
    .addColumn('description', 'text')
    .addColumn('data_scope', 'text', (col) => col.notNull())
    .addColumn('permissions', 'text', (col) => col.notNull())
    .addColumn('is_admin', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('is_system', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('created_at', sql.raw(ts), (col) => col.notNull())
    .addColumn('updated_at', sql.raw(ts), (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('email', 'text', (col) => col.notNull().unique())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('password_hash', 'text', (col) => col.notNull())
    .addColumn('role_id', 'text', (col) => col.notNull().references('roles.id'))
    .addColumn('department_id', 'text', (col) => col.references('departments.id'))
    .addColumn('manager_id', 'text', (col) => col.references('users.id'))
    .addColumn('status', 'text', (col) => col.notNull().defaultTo('active'))
    .addColumn('locale', 'text')
    .addColumn('failed_login_count', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('locked_until', sql.raw(ts))
    .addColumn('last_login_at', sql.raw(ts))
    .addColumn('created_at', sql.raw(ts), (col) => col.notNull())
    .addColumn('updated_at', sql.raw(ts), (col) => col.notNull())
    .execute();
  await db.schema.createIndex('users_department_idx').on('users').column('department_id').execute();
  await db.schema.createIndex('users_manager_idx').on('users').column('manager_id').execute();
  await db.schema.createIndex('users_role_idx').on('users').column('role_id').execute();
  await db.schema.createIndex('users_name_idx').on('users').columns(['name', 'id']).execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('user_id', 'text', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (col) => col.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .addColumn('created_at', sql.raw(ts), (col) => col.notNull())
    .addColumn('last_seen_at', sql.raw(ts), (col) => col.notNull())
    .addColumn('expires_at', sql.raw(ts), (col) => col.notNull())
    .execute();
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();
  await db.schema.createIndex('sessions_expires_idx').on('sessions').column('expires_at').execute();

  // customers: `seq` is a stable integer key for the search index (SQLite FTS5 rowid); `id` is the UUIDv7.
  let customers = db.schema.createTable('customers');
  customers =
    dialect === 'postgres'
      ? customers
          .addColumn('seq', 'bigint', (col) => col.generatedByDefaultAsIdentity().notNull().unique())
          .addColumn('id', 'text', (col) => col.primaryKey())
      : customers
          .addColumn('seq', 'integer', (col) => col.primaryKey())
          .addColumn('id', 'text', (col) => col.notNull().unique());
  customers = customers
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('type', 'text', (col) => col.notNull())
    .addColumn('level', 'text')
    .addColumn('industry', 'text')
    .addColumn('source', 'text')
    .addColumn('province', 'text')
    .addColumn('city', 'text')
    .addColumn('district', 'text')
    .addColumn('address', 'text')
    .addColumn('phones', 'text', (col) => col.notNull().defaultTo('[]'))
    .addColumn('email', 'text')
    .addColumn('website', 'text')
    .addColumn('notes', 'text')
    .addColumn('owner_id', 'text', (col) => col.references('users.id'))
    .addColumn('department_id', 'text', (col) => col.references('departments.id'))
    .addColumn('last_follow_up_at', sql.raw(ts))
    .addColumn('custom', 'text', (col) => col.notNull().defaultTo('{}'))
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('created_at', sql.raw(ts), (col) => col.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', sql.raw(ts), (col) => col.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('deleted_at', sql.raw(ts))
    .addColumn('deleted_by', 'text');
  if (dialect === 'postgres') customers = customers.addColumn('search_text', 'text');
  await customers.execute();

  // One index per user-selectable sort and filter; all partial on live rows (the recycle bin has its own).
  const live = sql<boolean>`deleted_at is null`;
  const customerIndexes: Array<[string, string[]]> = [
    ['customers_updated_idx', ['updated_at', 'id']],
    ['customers_created_idx', ['created_at', 'id']],
    ['customers_name_idx', ['name', 'id']],
    ['customers_follow_up_idx', ['last_follow_up_at', 'id']],
    ['customers_owner_idx', ['owner_id', 'updated_at', 'id']],
    ['customers_department_idx', ['department_id', 'updated_at', 'id']],
    ['customers_type_idx', ['type', 'updated_at', 'id']],
    ['customers_level_idx', ['level', 'updated_at', 'id']],
    ['customers_industry_idx', ['industry', 'updated_at', 'id']],
    ['customers_source_idx', ['source', 'updated_at', 'id']],
    ['customers_email_idx', ['email']],
  ];
  for (const [name, columns] of customerIndexes) {
    await db.schema.createIndex(name).on('customers').columns(columns).where(live).execute();
  }
  await db.schema
    .createIndex('customers_deleted_idx')
    .on('customers')
    .columns(['deleted_at', 'id'])
    .where(sql<boolean>`deleted_at is not null`)
    .execute();

  await db.schema
    .createTable('customer_tags')
    .addColumn('customer_id', 'text', (col) => col.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('tag', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('customer_tags_pk', ['customer_id', 'tag'])
    .execute();
  await db.schema
    .createIndex('customer_tags_tag_idx')
    .on('customer_tags')
    .columns(['tag', 'customer_id'])
    .execute();

  await db.schema
    .createTable('contacts')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('customer_id', 'text', (col) => col.notNull().references('customers.id'))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('title', 'text')
    .addColumn('mobile', 'text')
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('wechat', 'text')
    .addColumn('birthday', 'text')
    .addColumn('notes', 'text')
    .addColumn('is_primary', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('custom', 'text', (col) => col.notNull().defaultTo('{}'))
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('created_at', sql.raw(ts), (col) => col.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', sql.raw(ts), (col) => col.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('deleted_at', sql.raw(ts))
    .addColumn('deleted_by', 'text')
    .execute();
  await db.schema
    .createIndex('contacts_customer_idx')
    .on('contacts')
    .columns(['customer_id', 'id'])
    .execute();
  await db.schema
    .createIndex('contacts_updated_idx')
    .on('contacts')
    .columns(['updated_at', 'id'])
    .where(live)
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('entity_type', 'text', (col) => col.notNull())
    .addColumn('entity_id', 'text', (col) => col.notNull())
    .addColumn('action', 'text', (col) => col.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('at', sql.raw(ts), (col) => col.notNull())
    .addColumn('changes', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('audit_log_entity_idx')
    .on('audit_log')
    .columns(['entity_type', 'entity_id', 'id'])
    .execute();

  if (dialect === 'postgres') {
    await sql`create extension if not exists pg_trgm`.execute(db);
    await sql`create index customers_search_trgm_idx on customers using gin (search_text gin_trgm_ops) where deleted_at is null`.execute(
      db,
    );
    await sql`create index contacts_search_trgm_idx on contacts using gin ((coalesce(name,'') || ' ' || coalesce(mobile,'') || ' ' || coalesce(email,'')) gin_trgm_ops) where deleted_at is null`.execute(
      db,
    );
  } else {
    // 3+ characters: trigram substring search; 1–2 characters (科技): unigrams and bigrams of the name.
    await sql`create virtual table customer_search using fts5(text, content='', contentless_delete=1, tokenize='trigram')`.execute(
      db,
    );
    await sql`create virtual table customer_grams using fts5(grams, content='', contentless_delete=1, tokenize='unicode61')`.execute(
      db,
    );
  }
}

export async function down(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  if (dialect === 'sqlite') {
    await sql`drop table if exists customer_grams`.execute(db);
    await sql`drop table if exists customer_search`.execute(db);
  }
  for (const table of [
    'audit_log',
    'contacts',
    'customer_tags',
    'customers',
    'sessions',
    'users',
    'roles',
    'departments',
    'organizations',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
