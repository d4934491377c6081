import { type Insertable, type Kysely, type Selectable, type SqlBool, sql } from 'kysely';
import { containsText, type DialectName } from '../../../db/dialect';
import type { CustomerPoolsTable, Database } from '../../../db/schema';

export type PoolRow = Selectable<CustomerPoolsTable>;

/** Pool definitions, and the SQL over customers that pools need (pooled lists, counts, candidates). */
export class PoolsRepository {
  constructor(private readonly dialect: DialectName) {}

  list(executor: Kysely<Database>) {
    return executor.selectFrom('customer_pools').selectAll().orderBy('sort').orderBy('created_at').execute();
  }

  find(executor: Kysely<Database>, id: string) {
    return executor.selectFrom('customer_pools').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async insert(executor: Kysely<Database>, row: Insertable<CustomerPoolsTable>) {
    await executor.insertInto('customer_pools').values(row).execute();
  }

  async update(executor: Kysely<Database>, id: string, values: Partial<PoolRow>) {
    await executor.updateTable('customer_pools').set(values).where('id', '=', id).execute();
  }

  async remove(executor: Kysely<Database>, id: string) {
    await executor.deleteFrom('customer_pools').where('id', '=', id).execute();
  }

  async sizes(executor: Kysely<Database>): Promise<Map<string, number>> {
    const rows = await executor
      .selectFrom('customers')
      .select(['pool_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('pool_id', 'is not', null)
      .where('deleted_at', 'is', null)
      .groupBy('pool_id')
      .execute();
    return new Map(rows.map((row) => [row.pool_id as string, Number(row.n)]));
  }

  /** A page of a pool's customers, newest in the pool first (keyset on pooled_at, id). */
  pooled(
    executor: Kysely<Database>,
    poolId: string,
    filters: { q?: string; level?: string },
    after: { pooledAt: string; id: string } | undefined,
    limit: number,
  ) {
    let query = executor
      .selectFrom('customers as c')
      .select([
        'c.id',
        'c.name',
        'c.kind',
        'c.type',
        'c.level',
        'c.industry',
        'c.province',
        'c.city',
        'c.phones',
        'c.email',
        'c.pooled_at',
        'c.pool_reason',
        'c.previous_owner_id',
        'c.last_follow_up_at',
        'c.version',
      ])
      .where('c.pool_id', '=', poolId)
      .where('c.deleted_at', 'is', null)
      .orderBy('c.pooled_at', 'desc')
      .orderBy('c.id', 'desc')
      .limit(limit + 1);
    if (filters.level) query = query.where('c.level', '=', filters.level);
    // Case-insensitive on both databases, as the customer list's name search.
    if (filters.q) query = query.where(containsText(this.dialect, 'c.name', filters.q));
    if (after) {
      query = query.where((eb) =>
        eb.or([
          eb('c.pooled_at', '<', after.pooledAt),
          eb.and([eb('c.pooled_at', '=', after.pooledAt), eb('c.id', '<', after.id)]),
        ]),
      );
    }
    return query.execute();
  }

  /** Pool customers among `ids` (id, pool, who had it and since when it is pooled). */
  inPools(executor: Kysely<Database>, ids: string[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return executor
      .selectFrom('customers')
      .select(['id', 'name', 'pool_id', 'previous_owner_id', 'pooled_at', 'version', 'deleted_at'])
      .where('id', 'in', ids)
      .execute();
  }

  /** The owners of these customers were warned of the reclaim now (not again for the same deadline). */
  async markReclaimWarned(executor: Kysely<Database>, ids: string[], at: string) {
    if (ids.length === 0) return;
    await executor.updateTable('customers').set({ reclaim_warned_at: at }).where('id', 'in', ids).execute();
  }

  /** Customers a user owns (for the ownership cap), won ones left out when the pool says so. */
  async ownedCount(executor: Kysely<Database>, userId: string, excludeWon: boolean): Promise<number> {
    let query = executor
      .selectFrom('customers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('owner_id', '=', userId)
      .where('deleted_at', 'is', null)
      .where('pool_id', 'is', null);
    if (excludeWon) query = query.where('type', '!=', 'deal');
    return Number((await query.executeTakeFirstOrThrow()).n);
  }

  async lockedCount(executor: Kysely<Database>, userId: string): Promise<number> {
    const row = await executor
      .selectFrom('customers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('owner_id', '=', userId)
      .where('locked', '=', 1)
      .where('deleted_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Claims a user made since `since` (the daily quota). */
  async claimsSince(executor: Kysely<Database>, userId: string, since: string): Promise<number> {
    const row = await executor
      .selectFrom('customer_owner_changes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('to_owner_id', '=', userId)
      .where('action', '=', 'claim')
      .where('at', '>=', since)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /**
   * Owned, live, unexempt customers of these departments (`null` = customers without one) that a
   * rule may concern: the service decides per row which rule fires. `before` is the earliest cutoff.
   */
  reclaimCandidates(
    executor: Kysely<Database>,
    departments: { ids: string[]; includeNone: boolean },
    options: {
      exemptWon: boolean;
      exemptLocked: boolean;
      before: string;
      level?: { only?: string; except?: string[] };
    },
    afterId: string | undefined,
    limit: number,
  ) {
    let query = executor
      .selectFrom('customers')
      .select([
        'id',
        'name',
        'owner_id',
        'department_id',
        'level',
        'type',
        'version',
        'created_at',
        'owner_since',
        'reclaim_warned_at',
        'last_follow_up_at',
        'last_opportunity_at',
        'last_deal_at',
      ])
      .where('deleted_at', 'is', null)
      .where('pool_id', 'is', null)
      .where('owner_id', 'is not', null)
      .where((eb) =>
        eb.or([
          ...(departments.ids.length > 0 ? [eb('department_id', 'in', departments.ids)] : []),
          ...(departments.includeNone ? [eb('department_id', 'is', null)] : []),
          ...(departments.ids.length === 0 && !departments.includeNone ? [sql<SqlBool>`1 = 0`] : []),
        ]),
      )
      .where(sql<SqlBool>`coalesce(owner_since, created_at) < ${options.before}`)
      .orderBy('id')
      .limit(limit);
    if (options.exemptWon) query = query.where('type', '!=', 'deal');
    if (options.exemptLocked)
      query = query.where((eb) => eb.or([eb('locked', 'is', null), eb('locked', '=', 0)]));
    if (options.level?.only) query = query.where('level', '=', options.level.only);
    if (options.level?.except && options.level.except.length > 0) {
      const except = options.level.except;
      query = query.where((eb) => eb.or([eb('level', 'is', null), eb('level', 'not in', except)]));
    }
    if (afterId) query = query.where('id', '>', afterId);
    return query.execute();
  }
}
