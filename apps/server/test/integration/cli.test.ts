import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ADMIN_EMAIL, seedDemo } from '../../src/demo/seed-demo';
import { login } from '../factories';
import { buildTestApp, type TestApp, testDialect } from '../test-app';

const run = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, '../../../..');

describe('demo seed', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it('loads a demo organisation whose users sign in and see their own scope', async () => {
    // 300, the default: enough look-alike names that the manual-entry duplicate warning would stop it.
    const summary = await seedDemo(t.database, t.clock.now, { customers: 300, password: 'demo-pass-123' });
    expect(summary).toContain('300 customers');
    const admin = await login(t.app, DEMO_ADMIN_EMAIL, 'demo-pass-123');
    const all = (await admin.get('/api/v1/customers', { limit: 200 })).body.items;
    expect(all).toHaveLength(200);
    const rep = await login(t.app, 'li.na@demo.kehu.local', 'demo-pass-123');
    const own = (await rep.get('/api/v1/customers', { limit: 200 })).body.items as Array<{
      ownerName: string;
    }>;
    expect(own.length).toBeGreaterThan(0);
    expect(own.length).toBeLessThan(300);
    expect(new Set(own.map((c) => c.ownerName))).toEqual(new Set(['李娜']));
    const manager = await login(t.app, 'wang.jianguo@demo.kehu.local', 'demo-pass-123');
    expect((await manager.get('/api/v1/customers', { limit: 200 })).body.items).toHaveLength(200);
    const contacts = (await admin.get('/api/v1/contacts', { limit: 200 })).body.items;
    expect(contacts.length).toBeGreaterThanOrEqual(200);
    await expect(
      seedDemo(t.database, t.clock.now, { customers: 1, password: 'demo-pass-123' }),
    ).rejects.toThrow(/already/);
  });
});

describe.runIf(testDialect === 'sqlite')('kehu CLI', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehu-cli-'));
  const cli = (...args: string[]) =>
    run('npx', ['tsx', 'apps/server/src/cli.ts', ...args], {
      cwd: repoRoot,
      env: { ...process.env, KEHU_DATA_DIR: dataDir },
    });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('migrates, sets up, adds a user, and explains a refusal', async () => {
    expect((await cli('migrate')).stdout).toContain('up to date');
    expect(fs.existsSync(path.join(dataDir, 'kehu.db'))).toBe(true);
    await cli(
      'setup',
      '--org',
      'CLI Org',
      '--name',
      'Root',
      '--email',
      'root@example.com',
      '--password',
      'root-pass-1',
    );
    expect(
      (await cli('user', 'add', '--email', 'rep@example.com', '--password', 'rep-pass-12', '--role', 'rep'))
        .stdout,
    ).toContain('rep@example.com');
    await expect(
      cli('user', 'add', '--email', 'rep@example.com', '--password', 'rep-pass-12', '--role', 'rep'),
    ).rejects.toMatchObject({
      stderr: expect.stringContaining('already exists'),
    });
  }, 60_000);
});
