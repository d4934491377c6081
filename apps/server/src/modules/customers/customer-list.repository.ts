import type { CustomerListQuery } from '@kehu/contracts';
import { midnightIn, nextDate } from '@kehu/contracts';
import { type ExpressionBuilder, type Kysely, type SelectQueryBuilder, type SqlBool, sql } from 'kysely';
import type { DialectName } from '../../db/dialect';
import { containsText, jsonArrayContains, jsonNumberCompare, jsonValueEquals } from '../../db/dialect';
import type { CustomersTable, Database } from '../../db/schema';
import { decodeCursor, encodeCursor } from '../../platform/pagination/cursor';
import { type KeysetSort, keysetPage } from '../../platform/pagination/keyset';
import type { Actor } from '../../platform/permissions/actor';
import { scopeWithShares } from '../../platform/permissions/data-scope';
import { ftsPhrase, planSearch, type SearchPlan } from '../../platform/search/search-text';
import {
  type CustomerQuery,
  type CustomerRow,
  customerShares,
  listColumns,
  scopeColumns,
} from './customer-scope';

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

type CustomerScope = ExpressionBuilder<Database & { c: CustomersTable }, 'c'>;

/** The customer list: filters, sorts, keyset pages, search and capped counts — read-only SQL. */
export class CustomerListRepository {
  constructor(
    private readonly dialect: DialectName,
    private readonly now: () => Date,
    /** How many matches make a filter "broad" (see sortIndexShouldDrive); tests lower it. */
    private readonly sortProbeCap = 2000,
  ) {}

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

  /**
   * Live customers matching the list filters — and the search, when there is one — counted up to
   * `cap` (an exact count is not cheap at 1M).
   */
  async cappedCount(executor: Kysely<Database>, actor: Actor, query: CustomerQuery, cap: number) {
    const plan = planSearch(query.q);
    if (plan.kind === 'nothing') return 0;
    const matches =
      plan.kind === 'none'
        ? executor
            .selectFrom('customers as c')
            .select(sql`1`.as('one'))
            .where('c.deleted_at', 'is', null)
            .where((inner) => this.filters(inner, actor, query, undefined))
        : this.searchQuery(executor, actor, { ...query, deleted: 'false' }, plan).select(sql`1`.as('one'));
    const result = await executor
      .selectFrom(matches.limit(cap).as('matches'))
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
      scopeWithShares(eb, actor, { ...scopeColumns, unindexed: Boolean(steerTo) }, customerShares(this.now)),
    ];
    // Customers in a public pool are listed by their pool, not among owned customers.
    if (query.deleted !== 'true') conditions.push(sql<SqlBool>`c.pool_id is null`);
    if (query.type) conditions.push(equals('c.type', query.type));
    if (query.level) conditions.push(equals('c.level', query.level));
    if (query.kind) conditions.push(equals('c.kind', query.kind));
    if (query.ownerId) conditions.push(equals('c.owner_id', query.ownerId));
    if (query.departmentId) conditions.push(equals('c.department_id', query.departmentId));
    if (query.industry) conditions.push(equals('c.industry', query.industry));
    if (query.source) conditions.push(equals('c.source', query.source));
    // Dates are days where the organisation works: in Beijing, 12-01 starts at 11-30T16:00Z.
    const zone = query.timeZone;
    if (query.createdFrom) {
      const from = midnightIn(zone, query.createdFrom).toISOString();
      conditions.push(sql<SqlBool>`${createdPlus}c.created_at >= ${from}`);
    }
    if (query.createdTo) {
      const before = midnightIn(zone, nextDate(query.createdTo)).toISOString();
      conditions.push(sql<SqlBool>`${createdPlus}c.created_at < ${before}`);
    }
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
  private async search(executor: Kysely<Database>, actor: Actor, query: CustomerQuery, plan: Searchable) {
    const afterSeq = query.cursor ? Number(decodeCursor(query.cursor, 1)[0]) : undefined;
    const ftsDriven = plan.kind !== 'email' && this.dialect === 'sqlite';
    let q = this.searchQuery(executor, actor, query, plan)
      .select(listColumns)
      .orderBy(ftsDriven ? sql`f.rowid` : sql`c.seq`, ftsDriven ? 'asc' : 'desc')
      .limit(query.limit + 1);
    if (afterSeq !== undefined) {
      q = q.where(ftsDriven ? sql<SqlBool>`f.rowid > ${-afterSeq}` : sql<SqlBool>`c.seq < ${afterSeq}`);
    }
    const rows = (await q.execute()) as CustomerRow[];
    const more = rows.length > query.limit;
    const pageRows = rows.slice(0, query.limit);
    const last = pageRows.at(-1);
    return { rows: pageRows, nextCursor: more && last ? encodeCursor([Number(last.seq)]) : null };
  }

  /** The matches of a search with the scope and filters, without columns, order or page. */
  private searchQuery(
    executor: Kysely<Database>,
    actor: Actor,
    query: CustomerQuery,
    plan: Searchable,
  ): SelectQueryBuilder<Database & { c: CustomersTable; f: { rowid: number } }, 'c' | 'f', object> {
    const deleted = query.deleted === 'true';
    const live = deleted ? sql<SqlBool>`c.deleted_at is not null` : sql<SqlBool>`c.deleted_at is null`;
    if (plan.kind !== 'email' && this.dialect === 'sqlite') {
      const [table, column, phrase] =
        plan.kind === 'gram'
          ? (['customer_grams', 'grams', ftsPhrase(plan.gram)] as const)
          : (['customer_search', 'text', ftsPhrase(plan.text)] as const);
      return executor
        .selectFrom(sql<{ rowid: number }>`${sql.table(table)}`.as('f'))
        .crossJoin('customers as c')
        .where(sql<SqlBool>`f.${sql.raw(column)} match ${phrase}`)
        .where(sql<SqlBool>`c.seq = -f.rowid`)
        .where(live)
        .where((eb) => this.filters(eb as unknown as CustomerScope, actor, query, undefined)) as never;
    }
    // As on SQLite, 1–2 letters match the name only; longer text also matches phones and emails.
    const match =
      plan.kind === 'email'
        ? sql<SqlBool>`c.email = ${plan.email}`
        : plan.kind === 'gram'
          ? containsText(this.dialect, 'c.name', plan.gram)
          : containsText(this.dialect, 'c.search_text', plan.text);
    return executor
      .selectFrom('customers as c')
      .where(match)
      .where(live)
      .where((eb) => this.filters(eb, actor, query, undefined)) as never;
  }
}

type Searchable = Extract<SearchPlan, { kind: 'gram' | 'substring' | 'email' }>;
