import { CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonArrayContains, jsonValueEquals } from '../../src/db/dialect';
import { CUSTOM_FIELD_INDEXES_JOB } from '../../src/modules/custom-fields/custom-field-indexes';
import { createCustomer, type Org, setupOrganization } from '../factories';
import { buildTestApp, type TestApp, testDialect } from '../test-app';

describe('indexes for filterable custom fields', () => {
  let t: TestApp;
  let org: Org;

  beforeAll(async () => {
    t = await buildTestApp();
    org = await setupOrganization(t.app);
  });
  afterAll(() => t.close());

  const indexNames = async (): Promise<string[]> => {
    const rows =
      testDialect === 'postgres'
        ? (
            await sql<{ name: string }>`select indexname as name from pg_indexes
              where tablename = 'customers' and schemaname = current_schema()`.execute(t.database.db)
          ).rows
        : (
            await sql<{ name: string }>`select name from sqlite_master
              where type = 'index' and tbl_name = 'customers'`.execute(t.database.db)
          ).rows;
    return rows
      .map((row) => row.name)
      .filter((name) => name.startsWith('customers_cf_'))
      .sort();
  };

  const define = async (field: object) => {
    const response = await org.admin.post('/api/v1/custom-fields', { entity: 'customer', ...field });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body as { id: string };
  };

  /** The plan of a list-shaped query whose filter is written by the list's own helper. */
  const planOf = async (filter: ReturnType<typeof jsonValueEquals>): Promise<string> => {
    const compiled = t.database.db
      .selectFrom('customers as c')
      .select('c.id')
      .where('c.deleted_at', 'is', null)
      .where(filter)
      .orderBy('c.updated_at', 'desc')
      .orderBy('c.id', 'desc')
      .limit(51)
      .compile();
    if (testDialect === 'postgres') {
      // A handful of rows would be read sequentially; forbid that to see which index the filter can use.
      return t.database.db.transaction().execute(async (trx) => {
        await sql`set local enable_seqscan = off`.execute(trx);
        const result = await trx.executeQuery<{ 'QUERY PLAN': string }>(
          CompiledQuery.raw(`explain ${compiled.sql}`, [...compiled.parameters]),
        );
        return result.rows.map((row) => row['QUERY PLAN']).join('\n');
      });
    }
    const result = await t.database.db.executeQuery<{ detail: string }>(
      CompiledQuery.raw(`explain query plan ${compiled.sql}`, [...compiled.parameters]),
    );
    return result.rows.map((row) => row.detail).join('\n');
  };

  it('builds an index in the background for each filterable scalar field, and the list filter uses it', async () => {
    const tier = await define({
      key: 'tier',
      label: '等级',
      type: 'select',
      options: [
        { value: 'vip', label: 'VIP' },
        { value: 'normal', label: '普通' },
      ],
      filterable: true,
    });
    await define({ key: 'budget', label: '预算', type: 'money', filterable: true });
    await define({ key: 'memo', label: '备注', type: 'text' });
    const channels = await define({
      key: 'channels',
      label: '渠道',
      type: 'multiSelect',
      options: [{ value: 'web', label: 'Web' }],
      filterable: true,
    });
    const queued = await t.database.db
      .selectFrom('jobs')
      .select('status')
      .where('type', '=', CUSTOM_FIELD_INDEXES_JOB)
      .execute();
    expect(queued.length).toBeGreaterThan(0);
    await t.services.jobs.drain();
    // `memo` is not filterable: no index. Multi-select values are arrays, filtered by membership:
    // PostgreSQL indexes them (GIN), SQLite cannot.
    const scalarIndexes = ['customers_cf_budget_idx', 'customers_cf_tier_idx'];
    expect(await indexNames()).toEqual(
      testDialect === 'postgres'
        ? ['customers_cf_budget_idx', 'customers_cf_channels_idx', 'customers_cf_tier_idx']
        : scalarIndexes,
    );

    for (let i = 0; i < 5; i++) {
      await createCustomer(org.admin, {
        name: `索引客户${i}`,
        custom: { tier: i === 0 ? 'vip' : 'normal', budget: i },
      });
    }
    expect(await planOf(jsonValueEquals(testDialect, 'c.custom', 'tier', 'vip'))).toContain(
      'customers_cf_tier_idx',
    );
    expect(await planOf(jsonValueEquals(testDialect, 'c.custom', 'budget', 4))).toContain(
      'customers_cf_budget_idx',
    );

    const vip = await org.admin.get('/api/v1/customers', { custom: JSON.stringify({ tier: 'vip' }) });
    expect(vip.body.items.map((item: { name: string }) => item.name)).toEqual(['索引客户0']);
    await createCustomer(org.admin, { name: '多选客户', custom: { channels: ['web'] } });
    const web = await org.admin.get('/api/v1/customers', { custom: JSON.stringify({ channels: 'web' }) });
    expect(web.body.items.map((item: { name: string }) => item.name)).toEqual(['多选客户']);
    if (testDialect === 'postgres') {
      // Only an index that can answer the filter itself may be used (no table or whole-index walk).
      const plan = await t.database.db.transaction().execute(async (trx) => {
        await sql`set local enable_seqscan = off`.execute(trx);
        await sql`set local enable_indexscan = off`.execute(trx);
        const filter = jsonArrayContains(testDialect, 'c.custom', 'channels', 'web');
        return (
          await sql<{ 'QUERY PLAN': string }>`explain select c.id from customers c where ${filter}`.execute(
            trx,
          )
        ).rows
          .map((row) => row['QUERY PLAN'])
          .join('\n');
      });
      expect(plan).toContain('Bitmap Index Scan on customers_cf_channels_idx');
    }

    // No longer filterable: the index goes; filterable again: it comes back.
    await org.admin.patch(`/api/v1/custom-fields/${channels.id}`, { filterable: false });
    await org.admin.patch(`/api/v1/custom-fields/${tier.id}`, { filterable: false });
    await t.services.jobs.drain();
    expect(await indexNames()).toEqual(['customers_cf_budget_idx']);
    await org.admin.patch(`/api/v1/custom-fields/${tier.id}`, { filterable: true });
    await t.services.jobs.drain();
    expect(await indexNames()).toEqual(scalarIndexes);
    // Archived fields are not filtered on.
    await org.admin.patch(`/api/v1/custom-fields/${tier.id}`, { archived: true });
    await t.services.jobs.drain();
    expect(await indexNames()).toEqual(['customers_cf_budget_idx']);
  });

  it('repairs the indexes on start-up when they differ from the definitions', async () => {
    await sql`drop index ${sql.id('customers_cf_budget_idx')}`.execute(t.database.db);
    await t.services.customFieldIndexes.queueIfNeeded();
    await t.services.jobs.drain();
    expect(await indexNames()).toEqual(['customers_cf_budget_idx']);
    // Nothing to do: nothing is queued.
    const before = await t.database.db.selectFrom('jobs').select('id').execute();
    await t.services.customFieldIndexes.queueIfNeeded();
    expect(await t.database.db.selectFrom('jobs').select('id').execute()).toHaveLength(before.length);
  });
});
