import { type Kysely, sql } from 'kysely';
import { customArray, customValue, type DialectName } from '../../db/dialect';
import type { Database } from '../../db/schema';

/** The customers table's custom-field expression indexes: what exists, creating and dropping them. */
export class CustomFieldIndexesRepository {
  constructor(private readonly dialect: DialectName) {}

  /** CONCURRENTLY on PostgreSQL: writes to customers go on while an index is built. */
  private concurrently() {
    return sql.raw(this.dialect === 'postgres' ? 'concurrently ' : '');
  }

  async create(executor: Kysely<Database>, name: string, key: string, numeric: boolean) {
    const value = customValue(this.dialect, 'custom', key, numeric);
    await sql`create index ${this.concurrently()}if not exists ${sql.id(name)}
      on customers (${value}, updated_at, id)`.execute(executor);
  }

  /**
   * PostgreSQL: a GIN index on a multi-select field's array, for "has this value" (`@>`). SQLite
   * has no index for membership in a JSON array; its filter reads the rows the other filters leave.
   */
  async createArray(executor: Kysely<Database>, name: string, key: string) {
    if (this.dialect !== 'postgres') throw new Error('array indexes are PostgreSQL only');
    await sql`create index ${this.concurrently()}if not exists ${sql.id(name)}
      on customers using gin (${customArray('custom', key)} jsonb_path_ops)`.execute(executor);
  }

  async drop(executor: Kysely<Database>, name: string) {
    await sql`drop index ${this.concurrently()}if exists ${sql.id(name)}`.execute(executor);
  }

  /** Indexes on customers whose names start with `prefix`; PostgreSQL says whether a build failed. */
  async existing(
    executor: Kysely<Database>,
    prefix: string,
  ): Promise<Array<{ name: string; valid: boolean }>> {
    if (this.dialect === 'postgres') {
      const { rows } = await sql<{ name: string; valid: boolean }>`
        select c.relname as name, i.indisvalid as valid
        from pg_index i
        join pg_class c on c.oid = i.indexrelid
        join pg_class t on t.oid = i.indrelid
        join pg_namespace n on n.oid = t.relnamespace
        where t.relname = 'customers' and n.nspname = current_schema()`.execute(executor);
      return rows.filter((row) => row.name.startsWith(prefix));
    }
    const { rows } = await sql<{ name: string }>`
      select name from sqlite_master where type = 'index' and tbl_name = 'customers'`.execute(executor);
    return rows.filter((row) => row.name.startsWith(prefix)).map((row) => ({ name: row.name, valid: true }));
  }
}
