import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupOrganization } from '../factories';
import { buildTestApp, type TestApp } from '../test-app';

describe('background jobs', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it('keeps exactly one daily reclaim queued once the runner starts, at 02:00 Beijing time (18:00 UTC)', async () => {
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

  it('answers requests while a long job runs: each heartbeat lets the event loop in', async () => {
    const busyFor = (ms: number) => {
      const until = Date.now() + ms;
      while (Date.now() < until) {
        // CPU-bound work, as a batch of conversions or a grouping step is
      }
    };
    t.services.jobs.register('test.busy', async (_payload, context) => {
      for (let batch = 0; batch < 20; batch++) {
        busyFor(50);
        await context.heartbeat();
      }
    });
    // Over a real socket: a request is only read when the event loop gets to poll for I/O.
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    await t.services.jobs.enqueue(t.database.db, 'test.busy', {});
    let drained = false;
    const drain = t.services.jobs.drain().then(() => {
      drained = true;
    });
    const health = await fetch(`${address}/api/health`);
    expect(health.status).toBe(200);
    expect(drained).toBe(false);
    await drain;
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

describe("daily jobs on the organisation's clock", () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  const queued = () =>
    t.database.db
      .selectFrom('jobs')
      .select(['type', 'run_after'])
      .where('status', '=', 'queued')
      .where('type', 'in', ['pools.reclaim', 'files.retention'])
      .orderBy('type')
      .execute();

  it('moves the queued reclaim and file clean-up to the new local night when the time zone changes', async () => {
    const org = await setupOrganization(t.app, 'en');
    t.services.jobs.start(60_000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await t.services.jobs.stop();
    // 2026-11-23 08:00 UTC is 16:00 in Beijing: tonight's 02:00 and 03:00 there.
    expect(await queued()).toEqual([
      { type: 'files.retention', run_after: '2026-11-23T19:00:00.000Z' },
      { type: 'pools.reclaim', run_after: '2026-11-23T18:00:00.000Z' },
    ]);

    const saved = await org.admin.patch('/api/v1/settings/organization', { timeZone: 'America/New_York' });
    expect(saved.status).toBe(200);
    // 08:00 UTC is 03:00 in New York (EST, UTC-5): the next 02:00 and 03:00 are tomorrow's.
    expect(await queued()).toEqual([
      { type: 'files.retention', run_after: '2026-11-24T08:00:00.000Z' },
      { type: 'pools.reclaim', run_after: '2026-11-24T07:00:00.000Z' },
    ]);

    // Saving the same time zone again leaves the schedule alone.
    await t.database.db.updateTable('jobs').set({ run_after: '2026-11-25T00:00:00.000Z' }).execute();
    await org.admin.patch('/api/v1/settings/organization', { name: 'Acme NY', timeZone: 'America/New_York' });
    expect((await queued()).map((job) => job.run_after)).toEqual([
      '2026-11-25T00:00:00.000Z',
      '2026-11-25T00:00:00.000Z',
    ]);
  });
});
