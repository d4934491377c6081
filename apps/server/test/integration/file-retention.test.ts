import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILE_RETENTION_JOB } from '../../src/modules/services';
import { ADMIN_PASSWORD, createCustomer, login, type Org, setupOrganization } from '../factories';
import { buildTestApp, type TestApp } from '../test-app';

const day = 86_400_000;

describe('file retention', () => {
  let t: TestApp;
  let org: Org;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'kehu-retention-'));
    t = await buildTestApp({ dataDir });
    org = await setupOrganization(t.app, 'en');
    await createCustomer(org.admin, { name: 'Retention Test Ltd.' });
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const fileOf = (name: string | null) => path.join(dataDir, 'files', name ?? 'missing');
  // Days pass in these tests: the session expires, so the admin signs in again after each jump.
  const later = async (ms: number) => {
    t.clock.advance(ms);
    org = { ...org, admin: await login(t.app, 'admin@example.com', ADMIN_PASSWORD) };
  };
  const runRetention = async () => {
    await t.services.jobs.enqueue(t.database.db, FILE_RETENTION_JOB, {});
    await t.services.jobs.drain();
  };
  const row = (table: 'imports' | 'exports', id: string) =>
    t.database.db
      .selectFrom(table)
      .select(table === 'imports' ? ['file_path', 'failed_path', 'failed_count'] : ['file_path'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow() as Promise<{
      file_path: string | null;
      failed_path?: string | null;
      failed_count?: number;
    }>;

  it('deletes export files a week after they are ready; the export then says it expired', async () => {
    const old = await org.admin.post('/api/v1/exports', { entity: 'customer', format: 'csv' });
    await t.services.jobs.drain();
    const oldFile = fileOf((await row('exports', old.body.id)).file_path);
    expect(fs.existsSync(oldFile)).toBe(true);

    await later(6 * day);
    const recent = await org.admin.post('/api/v1/exports', { entity: 'customer', format: 'xlsx' });
    await t.services.jobs.drain();
    await later(2 * day); // the first is 8 days old, the second 2
    await runRetention();

    expect(fs.existsSync(oldFile)).toBe(false);
    expect((await org.admin.get(`/api/v1/exports/${old.body.id}`)).body.status).toBe('expired');
    const download = await org.admin.request('GET', `/api/v1/exports/${old.body.id}/download`);
    expect(download.status).toBe(422);
    expect(download.body.error).toMatchObject({
      code: 'EXPORT_EXPIRED',
      message: expect.stringMatching(/expired/),
    });
    expect((await org.admin.get(`/api/v1/exports/${recent.body.id}`)).body.status).toBe('succeeded');
    expect((await org.admin.request('GET', `/api/v1/exports/${recent.body.id}/download`)).status).toBe(200);
  });

  it('deletes uploads never started after a week, and a finished import’s files after 30 days, keeping its counts', async () => {
    const csv = 'Company,Mobile\nKept Counts Ltd.,13911116666\n,13911117777\n';
    const draft = await org.admin.upload('/api/v1/imports', 'draft.csv', csv);
    const done = await org.admin.upload('/api/v1/imports', 'done.csv', csv);
    expect(
      (
        await org.admin.post(`/api/v1/imports/${done.body.id}/start`, {
          mapping: ['name', 'phone'],
          duplicatePolicy: 'skip',
        })
      ).status,
    ).toBe(200);
    await t.services.jobs.drain();
    const finished = await row('imports', done.body.id);
    expect(finished.failed_count).toBe(1);
    const files = [fileOf(finished.file_path), fileOf(finished.failed_path ?? null)];
    const draftFile = fileOf((await row('imports', draft.body.id)).file_path);
    expect([...files, draftFile].every((file) => fs.existsSync(file))).toBe(true);

    await later(8 * day);
    await runRetention();
    expect((await org.admin.get(`/api/v1/imports/${draft.body.id}`)).status).toBe(404);
    expect(fs.existsSync(draftFile)).toBe(false);
    expect(files.every((file) => fs.existsSync(file))).toBe(true);

    await later(23 * day); // 31 days after the import finished
    await runRetention();
    expect(files.some((file) => fs.existsSync(file))).toBe(false);
    const kept = (await org.admin.get(`/api/v1/imports/${done.body.id}`)).body;
    expect(kept).toMatchObject({
      status: 'succeeded',
      counts: { created: 1, failed: 1 },
      hasFailedRows: false,
    });
    expect((await org.admin.request('GET', `/api/v1/imports/${done.body.id}/failed-rows`)).status).toBe(404);
    await runRetention(); // nothing left to do: idempotent
    expect((await org.admin.get(`/api/v1/imports/${done.body.id}`)).body.counts.created).toBe(1);
  });
});
