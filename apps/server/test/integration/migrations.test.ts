import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDown, migrateToLatest } from '../../src/db/migrate';
import { migrations } from '../../src/db/migrations/index';
import { buildTestApp, type TestApp, testDialect } from '../test-app';

describe(`migrations on ${testDialect}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  const tableExists = async (name: string) => {
    const tables = await t.database.db.introspection.getTables();
    return tables.some((table) => table.name === name);
  };

  it('go up, all the way down and up again', async () => {
    expect(await tableExists('customers')).toBe(true);
    for (const _ of Object.keys(migrations)) await migrateDown(t.database);
    expect(await tableExists('customers')).toBe(false);
    expect(await tableExists('users')).toBe(false);
    const result = await migrateToLatest(t.database);
    expect(result.results?.map((r) => r.status)).toEqual(Object.keys(migrations).map(() => 'Success'));
    expect(await tableExists('customers')).toBe(true);
  });

  it('store SQLite in WAL mode with full synchronous writes', async () => {
    if (testDialect !== 'sqlite') return;
    const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(t.database.db);
    expect(mode.rows[0]?.journal_mode).toBe('wal');
    const sync = await sql<{ synchronous: number }>`pragma synchronous`.execute(t.database.db);
    expect(sync.rows[0]?.synchronous).toBe(2);
  });
});
