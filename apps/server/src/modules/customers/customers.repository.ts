import { type ExpressionBuilder, type Insertable, type Kysely, type Selectable, sql } from 'kysely';
import type { DialectName } from '../../db/dialect';
import type { CustomersTable, Database } from '../../db/schema';
import type { Actor } from '../../platform/permissions/actor';
import { dataScopeFilter, scopeWithShares, sharedWith } from '../../platform/permissions/data-scope';
import { nameGrams, searchDocument } from '../../platform/search/search-text';
import { type CustomerRow, customerShares, listColumns, scopeColumns } from './customer-scope';

export type { CustomerQuery, CustomerRow } from './customer-scope';

/** The pool columns of a customer that now has an owner (claim, assign, handover, owner change). */
export const leavePool = { pool_id: null, pooled_at: null, pool_reason: null } as const;

/** Customer rows: writes, search-index upkeep, tags, lookups by id. Lists live in CustomerListRepository. */
export class CustomersRepository {
  constructor(
    private readonly dialect: DialectName,
    private readonly now: () => Date,
  ) {}

  /** Inserts the row, its tags and its search entries; returns the row's `seq`. */
  async insert(executor: Kysely<Database>, row: Insertable<CustomersTable>, tags: string[]): Promise<number> {
    const searchText = searchDocument({
      name: row.name,
      email: row.email,
      phones: JSON.parse(row.phones ?? '[]'),
    });
    const inserted = await executor
      .insertInto('customers')
      .values(this.dialect === 'postgres' ? { ...row, search_text: searchText } : row)
      .returning('seq')
      .executeTakeFirstOrThrow();
    const seq = Number(inserted.seq);
    await this.replaceTags(executor, row.id, tags);
    if (this.dialect === 'sqlite') await this.indexSqlite(executor, seq, row.name, searchText);
    return seq;
  }

  /**
   * Many new customers at once (imports): multi-row inserts for the rows, tags and search entries,
   * so a batch costs a few statements instead of a few per row.
   */
  async insertMany(
    executor: Kysely<Database>,
    rows: Array<Insertable<CustomersTable>>,
    tags: Map<string, string[]>,
  ) {
    const chunk = 200;
    const seqs = new Map<string, number>();
    for (let start = 0; start < rows.length; start += chunk) {
      const part = rows.slice(start, start + chunk);
      const documents = part.map((row) =>
        searchDocument({ name: row.name, email: row.email, phones: JSON.parse(row.phones ?? '[]') }),
      );
      const inserted = await executor
        .insertInto('customers')
        .values(
          this.dialect === 'postgres'
            ? part.map((row, index) => ({ ...row, search_text: documents[index] }))
            : part,
        )
        .returning(['id', 'seq'])
        .execute();
      for (const row of inserted) seqs.set(row.id, Number(row.seq));
      const tagRows = part.flatMap((row) =>
        [...new Set(tags.get(row.id) ?? [])].map((tag) => ({ customer_id: row.id, tag })),
      );
      if (tagRows.length > 0) await executor.insertInto('customer_tags').values(tagRows).execute();
      if (this.dialect === 'sqlite') {
        const entries = part.map((row, index) => ({
          seq: seqs.get(row.id) as number,
          name: row.name,
          text: documents[index] as string,
        }));
        await sql`insert into customer_search (rowid, text) values ${sql.join(entries.map((entry) => sql`(${-entry.seq}, ${entry.text})`))}`.execute(
          executor,
        );
        await sql`insert into customer_grams (rowid, grams) values ${sql.join(entries.map((entry) => sql`(${-entry.seq}, ${nameGrams(entry.name)})`))}`.execute(
          executor,
        );
      }
    }
    return seqs;
  }

  /** Optimistic update: only when the stored version is the one the editor read. */
  async update(
    executor: Kysely<Database>,
    id: string,
    expectedVersion: number,
    values: Partial<Selectable<CustomersTable>>,
  ): Promise<boolean> {
    const result = await executor
      .updateTable('customers')
      .set({ ...values, version: expectedVersion + 1 })
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async reindex(
    executor: Kysely<Database>,
    row: { seq: number; id: string; name: string; email: string | null; phones: string },
  ) {
    const searchText = searchDocument({ name: row.name, email: row.email, phones: JSON.parse(row.phones) });
    if (this.dialect === 'postgres') {
      await executor
        .updateTable('customers')
        .set({ search_text: searchText })
        .where('id', '=', row.id)
        .execute();
      return;
    }
    await sql`delete from customer_search where rowid = ${-row.seq}`.execute(executor);
    await sql`delete from customer_grams where rowid = ${-row.seq}`.execute(executor);
    await this.indexSqlite(executor, row.seq, row.name, searchText);
  }

  /**
   * FTS rows are keyed by `-seq`: newest-first results then read the doclists in ascending rowid
   * order, which FTS5 does ~1.7× faster than descending (bench/RESULTS.md).
   */
  private async indexSqlite(executor: Kysely<Database>, seq: number, name: string, searchText: string) {
    await sql`insert into customer_search (rowid, text) values (${-seq}, ${searchText})`.execute(executor);
    await sql`insert into customer_grams (rowid, grams) values (${-seq}, ${nameGrams(name)})`.execute(
      executor,
    );
  }

  async replaceTags(executor: Kysely<Database>, customerId: string, tags: string[]) {
    await executor.deleteFrom('customer_tags').where('customer_id', '=', customerId).execute();
    const unique = [...new Set(tags)];
    if (unique.length > 0) {
      await executor
        .insertInto('customer_tags')
        .values(unique.map((tag) => ({ customer_id: customerId, tag })))
        .execute();
    }
  }

  /** The names of the pools among `ids` (none asked, no query: most pages hold no pooled customer). */
  async poolNamesOf(executor: Kysely<Database>, ids: Array<string | null>): Promise<Map<string, string>> {
    const unique = [...new Set(ids.filter((id): id is string => id !== null))];
    if (unique.length === 0) return new Map();
    const rows = await executor
      .selectFrom('customer_pools')
      .select(['id', 'name'])
      .where('id', 'in', unique)
      .execute();
    return new Map(rows.map((row) => [row.id, row.name]));
  }

  /** Takes `tags` off the customers `ids` (a bulk tag change). */
  async removeTags(executor: Kysely<Database>, ids: string[], tags: string[]) {
    if (ids.length === 0 || tags.length === 0) return;
    await executor
      .deleteFrom('customer_tags')
      .where('customer_id', 'in', ids)
      .where('tag', 'in', tags)
      .execute();
  }

  /** New (customer, tag) pairs, in statements of a few hundred rows. */
  async addTags(executor: Kysely<Database>, pairs: Array<{ customerId: string; tag: string }>) {
    for (let start = 0; start < pairs.length; start += 400) {
      await executor
        .insertInto('customer_tags')
        .values(
          pairs.slice(start, start + 400).map((pair) => ({ customer_id: pair.customerId, tag: pair.tag })),
        )
        .execute();
    }
  }

  async tagsOf(executor: Kysely<Database>, ids: string[]): Promise<Map<string, string[]>> {
    const map = new Map<string, string[]>();
    if (ids.length === 0) return map;
    const rows = await executor
      .selectFrom('customer_tags')
      .select(['customer_id', 'tag'])
      .where('customer_id', 'in', ids)
      .orderBy('tag')
      .execute();
    for (const row of rows) map.set(row.customer_id, [...(map.get(row.customer_id) ?? []), row.tag]);
    return map;
  }

  /** One customer the actor may see (deleted ones too when asked), else undefined: 404, no leak. */
  async findVisible(executor: Kysely<Database>, actor: Actor, id: string): Promise<CustomerRow | undefined> {
    return executor
      .selectFrom('customers as c')
      .select(listColumns)
      .where('c.id', '=', id)
      .where((eb) => scopeWithShares(eb, actor, scopeColumns, customerShares(this.now)))
      .executeTakeFirst();
  }

  /** Whether the actor may change the customer: in their data scope, or a team member with write access. */
  async isWritable(executor: Kysely<Database>, actor: Actor, id: string): Promise<boolean> {
    const row = await executor
      .selectFrom('customers as c')
      .select('c.id')
      .where('c.id', '=', id)
      .where((eb) => this.writableBy(eb, actor))
      .executeTakeFirst();
    return row !== undefined;
  }

  /** In the actor's data scope, or shared with them by a team membership with write access. */
  private writableBy<DB, TB extends keyof DB>(eb: ExpressionBuilder<DB, TB>, actor: Actor) {
    return eb.or([
      dataScopeFilter(eb, actor, scopeColumns),
      sharedWith(actor, customerShares(this.now, 'write')),
    ]);
  }

  /** Of `ids`, the live customers the actor may change (see isWritable), in one query. */
  async findManyWritable(executor: Kysely<Database>, actor: Actor, ids: string[]): Promise<CustomerRow[]> {
    if (ids.length === 0) return [];
    return executor
      .selectFrom('customers as c')
      .select(listColumns)
      .where('c.id', 'in', ids)
      .where('c.deleted_at', 'is', null)
      .where((eb) => this.writableBy(eb, actor))
      .execute();
  }

  /**
   * The same change to many customers in one statement, each only if its version is still the one
   * read (a concurrent handover or claim of the same customer then changes fewer rows: the caller
   * refuses the whole batch). Each version moves on. Returns how many rows it changed.
   */
  async updateMany(
    executor: Kysely<Database>,
    rows: ReadonlyArray<{ id: string; version: number }>,
    values: Partial<Selectable<CustomersTable>>,
  ): Promise<number> {
    let changed = 0;
    // 400 rows (800 parameters) a statement: well within both databases' limits.
    for (let start = 0; start < rows.length; start += 400) {
      const chunk = rows.slice(start, start + 400);
      const result = await executor
        .updateTable('customers')
        .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
        .where((eb) =>
          eb.or(chunk.map((row) => eb.and([eb('id', '=', row.id), eb('version', '=', row.version)]))),
        )
        .executeTakeFirst();
      changed += Number(result.numUpdatedRows);
    }
    return changed;
  }

  async findManyVisible(executor: Kysely<Database>, actor: Actor, ids: string[]) {
    if (ids.length === 0) return [];
    return executor
      .selectFrom('customers as c')
      .select(['c.id', 'c.name'])
      .where('c.id', 'in', ids)
      .where((eb) => scopeWithShares(eb, actor, scopeColumns, customerShares(this.now)))
      .execute();
  }

  async findById(executor: Kysely<Database>, id: string): Promise<CustomerRow | undefined> {
    return executor
      .selectFrom('customers as c')
      .select(listColumns)
      .where('c.id', '=', id)
      .executeTakeFirst();
  }

  /** The survivor a customer was merged into, if it was. */
  async mergedInto(executor: Kysely<Database>, id: string): Promise<string | null> {
    const row = await executor
      .selectFrom('customers')
      .select('merged_into_id')
      .where('id', '=', id)
      .executeTakeFirst();
    return row?.merged_into_id ?? null;
  }

  /** Rows by id, regardless of scope (callers have checked it). */
  findManyByIds(executor: Kysely<Database>, ids: string[]): Promise<CustomerRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return executor.selectFrom('customers as c').select(listColumns).where('c.id', 'in', ids).execute();
  }

  async namesAndOwners(executor: Kysely<Database>, ids: string[]) {
    if (ids.length === 0) return [];
    return executor
      .selectFrom('customers as c')
      .leftJoin('customer_pools as p', 'p.id', 'c.pool_id')
      .select(['c.id', 'c.name', 'c.owner_id', 'c.department_id', 'p.name as pool_name'])
      .where('c.id', 'in', ids)
      .execute();
  }

  /** Live customers whose name key is one of `keys` (exact duplicates by name, in bulk). */
  async withNameKeys(executor: Kysely<Database>, keys: string[]) {
    const rows: Array<{ id: string; name_key: string | null }> = [];
    const unique = [...new Set(keys)];
    for (let start = 0; start < unique.length; start += 500) {
      rows.push(
        ...(await executor
          .selectFrom('customers')
          .select(['id', 'name_key'])
          .where('name_key', 'in', unique.slice(start, start + 500))
          .where('deleted_at', 'is', null)
          .execute()),
      );
    }
    return rows;
  }

  /** Rows written before names had comparison keys (older installs, bulk loads): the backfill's input. */
  rowsMissingNameKey(executor: Kysely<Database>, limit: number) {
    return executor
      .selectFrom('customers')
      .select(['id', 'name', 'phones', 'email'])
      .where('name_key', 'is', null)
      .orderBy('seq')
      .limit(limit)
      .execute();
  }

  async setNameKey(executor: Kysely<Database>, id: string, nameKey: string) {
    await executor.updateTable('customers').set({ name_key: nameKey }).where('id', '=', id).execute();
  }
}
