import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextReclaimRun } from '../../src/modules/customers/pools/pool-reclaim.service';
import { buildTestApp, type TestApp } from '../test-app';

describe('background jobs', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it('keeps exactly one daily reclaim queued once the runner starts, at 18:00 UTC', async () => {
    t.services.jobs.start(60_000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    t.services.jobs.start(60_000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await t.services.jobs.stop();
    const queued = await t.database.db
      .selectFrom('jobs')
      .select(['type', 'status', 'run_after'])
      .where('type', '=', 'pools.reclaim')
      .execute();
    expect(queued).toEqual([
      { type: 'pools.reclaim', status: 'queued', run_after: '2026-11-23T18:00:00.000Z' },
    ]);
  });

  it('schedules the next reclaim for the coming 18:00 UTC', () => {
    expect(nextReclaimRun(new Date('2026-12-01T17:59:00Z')).toISOString()).toBe('2026-12-01T18:00:00.000Z');
    expect(nextReclaimRun(new Date('2026-12-01T18:00:00Z')).toISOString()).toBe('2026-12-02T18:00:00.000Z');
  });

  it('re-queues a job whose process died, and runs it again', async () => {
    const calls: string[] = [];
    t.services.jobs.register('test.echo', async (payload) => {
      calls.push((payload as { word: string }).word);
    });
    const id = await t.services.jobs.enqueue(t.database.db, 'test.echo', { word: 'again' });
    await t.database.db
      .updateTable('jobs')
      .set({ status: 'running', heartbeat_at: '2026-11-23T07:00:00.000Z' })
      .where('id', '=', id)
      .execute();
    await t.services.jobs.drain();
    expect(calls).toEqual(['again']);
    const row = await t.database.db
      .selectFrom('jobs')
      .select(['status', 'attempts'])
      .where('id', '=', id)
      .executeTakeFirst();
    expect(row).toEqual({ status: 'succeeded', attempts: 1 });
  });
});
