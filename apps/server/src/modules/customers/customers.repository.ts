import type { CustomerListQuery } from '@kehu/contracts';
import {
  type ExpressionBuilder,
  type Insertable,
  type Kysely,
  type Selectable,
  type SqlBool,
  sql,
} from 'kysely';
import type { DialectName } from '../../db/dialect';
import { containsText, jsonArrayContains, jsonNumberCompare, jsonValueEquals } from '../../db/dialect';
import type { CustomersTable, Database } from '../../db/schema';
import { decodeCursor, encodeCursor } from '../../platform/pagination/cursor';
import { type KeysetSort, keysetPage } from '../../platform/pagination/keyset';
import type { Actor } from '../../platform/permissions/actor';
import {
  dataScopeFilter,
  type ShareTable,
  scopeWithShares,
  sharedWith,
} from '../../platform/permissions/data-scope';
import {
  ftsPhrase,
  nameGrams,
  planSearch,
  type SearchPlan,
  searchDocument,
} from '../../platform/search/search-text';
import type { CustomFilter } from '../custom-fields/custom-filters';

/** The list query with its custom-field conditions already checked against the definitions. */
export type CustomerQuery = CustomerListQuery & { customFilters?: CustomFilter[] };

export type CustomerRow = Omit<Selectable<CustomersTable>, 'search_text' | 'name_key'>;

const listColumns = [
  'c.seq',
  'c.id',
  'c.kind',
  'c.name',
  'c.type',
  'c.level',
  'c.industry',
  'c.source',
  'c.province',
  'c.city',
  'c.district',
  'c.address',
  'c.phones',
  'c.email',
  'c.website',
  'c.notes',
  'c.custom',
  'c.owner_id',
  'c.department_id',
  'c.last_follow_up_at',
  'c.type_changed_at',
  'c.version',
  'c.created_at',
  'c.created_by',
  'c.updated_at',
  'c.updated_by',
  'c.deleted_at',
  'c.deleted_by',
] as const;

const sortColumns: Record<string, { column: string; key: string; nullable: boolean }> = {
  updatedAt: { column: 'c.updated_at', key: 'updated_at', nullable: false },
  createdAt: { column: 'c.created_at', key: 'created_at', nullable: false },
  name: { column: 'c.name', key: 'name', nullable: false },
  lastFollowUpAt: { column: 'c.last_follow_up_at', key: 'last_follow_up_at', nullable: true },
};

/** The list filters a user sets (besides the data scope). */
const filterKeys = [
  'type',
  'level',
  'kind',
  'ownerId',
  'departmentId',
  'tag',
  'industry',
  'source',
  'createdFrom',
  'createdTo',
  'custom',
] as const satisfies readonly (keyof CustomerListQuery)[];

const dayAfter = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString();

type CustomerScope = ExpressionBuilder<Database & { c: CustomersTable }, 'c'>;

const scopeColumns = { owner: 'c.owner_id', department: 'c.department_id' };

export class CustomersRepository {
  constructor(
    private readonly dialect: DialectName,
    private readonly now: () => Date,
    /** How many matches make a filter "broad" (see sortIndexShouldDrive); tests lower it. */
    private readonly sortProbeCap = 2000,
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

  /** Team members (协作人): customers shared with a user beyond their data scope. */
  private members(access?: 'write'): ShareTable {
    return {
      record: 'c.id',
      table: 'customer_members',
      key: 'customer_id',
      at: this.now().toISOString(),
      ...(access ? { access } : {}),
    };
  }

  /** One customer the actor may see (deleted ones too when asked), else undefined: 404, no leak. */
  async findVisible(executor: Kysely<Database>, actor: Actor, id: string): Promise<CustomerRow | undefined> {
    return executor
      .selectFrom('customers as c')
      .select(listColumns)
      .where('c.id', '=', id)
      .where((eb) => scopeWithShares(eb, actor, scopeColumns, this.members()))
      .executeTakeFirst();
  }

  /** Whether the actor may change the customer: in their data scope, or a team member with write access. */
  async isWritable(executor: Kysely<Database>, actor: Actor, id: string): Promise<boolean> {
    const row = await executor
      .selectFrom('customers as c')
      .select('c.id')
      .where('c.id', '=', id)
      .where((eb) =>
        eb.or([dataScopeFilter(eb, actor, scopeColumns), sharedWith(actor, this.members('write'))]),
      )
      .executeTakeFirst();
    return row !== undefined;
  }

  async findManyVisible(executor: Kysely<Database>, actor: Actor, ids: string[]) {
    if (ids.length === 0) return [];
    return executor
      .selectFrom('customers as c')
      .select(['c.id', 'c.name'])
      .where('c.id', 'in', ids)
      .where((eb) => scopeWithShares(eb, actor, scopeColumns, this.members()))
      .execute();
  }

  async findById(executor: Kysely<Database>, id: string): Promise<CustomerRow | undefined> {
    return executor
      .selectFrom('customers as c')
      .select(listColumns)
      .where('c.id', '=', id)
      .executeTakeFirst();
  }

  async list(executor: Kysely<Database>, actor: Actor, query: CustomerQuery) {
    const deleted = query.deleted === 'true';
    const plan = planSearch(query.q);
    if (plan.kind === 'nothing') return { rows: [], nextCursor: null };
    if (plan.kind !== 'none') return this.search(executor, actor, query, plan);

    const descending = query.sort.startsWith('-');
    const sortField = query.sort.replace(/^-/, '');
    const field = sortColumns[sortField] ?? sortColumns.updatedAt;
    const sort: KeysetSort = deleted
      ? { column: 'c.deleted_at', key: 'deleted_at', nullable: false, direction: 'desc', idColumn: 'c.id' }
      : {
          ...(field as (typeof sortColumns)[string]),
          direction: descending ? 'desc' : 'asc',
          idColumn: 'c.id',
        };
    const steer = !deleted && (await this.sortIndexShouldDrive(executor, actor, query, sortField));
    const filtered = () => {
      let q = executor.selectFrom('customers as c').select(listColumns);
      q = deleted ? q.where('c.deleted_at', 'is not', null) : q.where('c.deleted_at', 'is', null);
      return q.where((eb) => this.filters(eb, actor, query, steer ? sortField : undefined));
    };
    return keysetPage(filtered, sort, query);
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

  /** Live customers matching the list filters, counted up to `cap` (an exact count is not cheap at 1M). */
  async cappedCount(executor: Kysely<Database>, actor: Actor, query: CustomerQuery, cap: number) {
    const result = await executor
      .selectFrom((eb) =>
        eb
          .selectFrom('customers as c')
          .select(sql`1`.as('one'))
          .where('c.deleted_at', 'is', null)
          .where((inner) => this.filters(inner, actor, query, undefined))
          .limit(cap)
          .as('matches'),
      )
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(result.n);
  }

  /**
   * Filter indexes are (filter, updated_at, id). With another sort, SQLite would read every match
   * through the filter's index and sort them all (530 ms for "deals by name" at 1M). A capped count
   * (≤ 0.2 ms) tells a broad filter from a narrow one: for a broad one the sort's index should drive
   * and the filters are checked row by row; a narrow one is cheaper to sort. PostgreSQL's planner
   * makes this choice itself from its statistics.
   */
  private async sortIndexShouldDrive(
    executor: Kysely<Database>,
    actor: Actor,
    query: CustomerQuery,
    sortField: string,
  ): Promise<boolean> {
    if (this.dialect !== 'sqlite' || sortField === 'updatedAt') return false;
    const filtered =
      filterKeys.some((key) => query[key] !== undefined) || !(actor.isAdmin || actor.dataScope === 'all');
    if (!filtered) return false;
    const probe = await executor
      .selectFrom((eb) =>
        eb
          .selectFrom('customers as c')
          .select(sql`1`.as('one'))
          .where('c.deleted_at', 'is', null)
          .where((inner) => this.filters(inner, actor, query, undefined))
          .limit(this.sortProbeCap)
          .as('matches'),
      )
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(probe.n) >= this.sortProbeCap;
  }

  /** `steerTo` names the sort field whose index should drive: the other filters avoid their indexes. */
  private filters(eb: CustomerScope, actor: Actor, query: CustomerQuery, steerTo: string | undefined) {
    const plus = sql.raw(steerTo ? '+' : '');
    const equals = (column: string, value: string) => sql<SqlBool>`${plus}${sql.ref(column)} = ${value}`;
    // A created range stays indexed when the list is sorted by creation: one index serves both.
    const createdPlus = sql.raw(steerTo && steerTo !== 'createdAt' ? '+' : '');
    const conditions = [
      scopeWithShares(eb, actor, { ...scopeColumns, unindexed: Boolean(steerTo) }, this.members()),
    ];
    if (query.type) conditions.push(equals('c.type', query.type));
    if (query.level) conditions.push(equals('c.level', query.level));
    if (query.kind) conditions.push(equals('c.kind', query.kind));
    if (query.ownerId) conditions.push(equals('c.owner_id', query.ownerId));
    if (query.departmentId) conditions.push(equals('c.department_id', query.departmentId));
    if (query.industry) conditions.push(equals('c.industry', query.industry));
    if (query.source) conditions.push(equals('c.source', query.source));
    if (query.createdFrom) {
      conditions.push(sql<SqlBool>`${createdPlus}c.created_at >= ${`${query.createdFrom}T00:00:00.000Z`}`);
    }
    if (query.createdTo)
      conditions.push(sql<SqlBool>`${createdPlus}c.created_at < ${dayAfter(query.createdTo)}`);
    for (const filter of query.customFilters ?? []) {
      if (filter.kind === 'equals')
        conditions.push(jsonValueEquals(this.dialect, 'c.custom', filter.key, filter.value));
      else if (filter.kind === 'contains') {
        conditions.push(jsonArrayContains(this.dialect, 'c.custom', filter.key, filter.value));
      } else {
        if (filter.min !== undefined)
          conditions.push(jsonNumberCompare(this.dialect, 'c.custom', filter.key, '>=', filter.min));
        if (filter.max !== undefined)
          conditions.push(jsonNumberCompare(this.dialect, 'c.custom', filter.key, '<=', filter.max));
      }
    }
    if (query.tag) {
      // EXISTS lets the sort index drive and probe the tag per row; `id IN (…)` made SQLite sort
      // every tagged customer (120 ms → 1 ms at 1M, bench/RESULTS.md).
      const tag = query.tag;
      conditions.push(
        eb.exists(
          eb
            .selectFrom('customer_tags as t')
            .select(sql`1`.as('one'))
            .whereRef('t.customer_id', '=', 'c.id')
            .where('t.tag', '=', tag),
        ),
      );
    }
    return eb.and(conditions);
  }

  /**
   * Search results come newest first (by `seq`). On SQLite the FTS5 table drives the loop in rowid
   * order, rowid = -seq (CROSS JOIN fixes the join order) and each match is checked against scope and filters, so
   * a page costs about `limit` lookups however common the term; PostgreSQL uses its pg_trgm index.
   */
  private async search(
    executor: Kysely<Database>,
    actor: Actor,
    query: CustomerQuery,
    plan: Extract<SearchPlan, { kind: 'gram' | 'substring' | 'email' }>,
  ) {
    const deleted = query.deleted === 'true';
    const afterSeq = query.cursor ? Number(decodeCursor(query.cursor, 1)[0]) : undefined;
    const take = query.limit + 1;
    let rows: CustomerRow[];
    if (plan.kind === 'email') {
      let q = executor
        .selectFrom('customers as c')
        .select(listColumns)
        .where('c.email', '=', plan.email)
        .where('c.deleted_at', deleted ? 'is not' : 'is', null)
        .where((eb) => this.filters(eb, actor, query, undefined))
        .orderBy('c.seq', 'desc')
        .limit(take);
      if (afterSeq !== undefined) q = q.where('c.seq', '<', afterSeq);
      rows = await q.execute();
    } else if (this.dialect === 'sqlite') {
      const [table, column, phrase] =
        plan.kind === 'gram'
          ? (['customer_grams', 'grams', ftsPhrase(plan.gram)] as const)
          : (['customer_search', 'text', ftsPhrase(plan.text)] as const);
      let q = executor
        .selectFrom(sql<{ rowid: number }>`${sql.table(table)}`.as('f'))
        .crossJoin('customers as c')
        .select(listColumns)
        .where(sql<boolean>`f.${sql.raw(column)} match ${phrase}`)
        .where(sql<boolean>`c.seq = -f.rowid`)
        .where(deleted ? sql<boolean>`c.deleted_at is not null` : sql<boolean>`c.deleted_at is null`)
        .where((eb) => this.filters(eb as unknown as CustomerScope, actor, query, undefined))
        .orderBy(sql`f.rowid`, 'asc')
        .limit(take);
      if (afterSeq !== undefined) q = q.where(sql<boolean>`f.rowid > ${-afterSeq}`);
      rows = await q.execute();
    } else {
      // As on SQLite, 1–2 letters match the name only; longer text also matches phones and emails.
      let q = executor
        .selectFrom('customers as c')
        .select(listColumns)
        .where(
          plan.kind === 'gram'
            ? containsText(this.dialect, 'c.name', plan.gram)
            : containsText(this.dialect, 'c.search_text', plan.text),
        )
        .where('c.deleted_at', deleted ? 'is not' : 'is', null)
        .where((eb) => this.filters(eb, actor, query, undefined))
        .orderBy('c.seq', 'desc')
        .limit(take);
      if (afterSeq !== undefined) q = q.where('c.seq', '<', afterSeq);
      rows = await q.execute();
    }
    const more = rows.length > query.limit;
    const pageRows = rows.slice(0, query.limit);
    const last = pageRows.at(-1);
    return { rows: pageRows, nextCursor: more && last ? encodeCursor([Number(last.seq)]) : null };
  }
}
