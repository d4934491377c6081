#!/usr/bin/env node
// `npm test`: lint, type check, unit + integration tests on SQLite and on PostgreSQL, then the
// browser tests. Ends with one line "N passed, N failed". In CI (CI=true) PostgreSQL and the
// browser are required; elsewhere a missing one is skipped and said so loudly.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

const strict = process.env.CI === 'true' || process.env.KEHU_REQUIRE_ALL === '1';
const postgresUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehu-test-report-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
const notes = [];
let failedSteps = 0;

function step(name, command, args, env = {}) {
  console.log(`\n▶ ${name}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, TZ: 'UTC', ...env } });
  if (result.status !== 0) {
    failedSteps += 1;
    console.log(`✖ ${name} failed (exit ${result.status})`);
  }
  return result.status === 0;
}

function countVitest(file) {
  if (!fs.existsSync(file)) return;
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  totals.passed += report.numPassedTests ?? 0;
  totals.failed += report.numFailedTests ?? 0;
  totals.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}

function countPlaywright(file) {
  if (!fs.existsSync(file)) return;
  const { stats } = JSON.parse(fs.readFileSync(file, 'utf8'));
  totals.passed += (stats?.expected ?? 0) + (stats?.flaky ?? 0);
  totals.failed += stats?.unexpected ?? 0;
  totals.skipped += stats?.skipped ?? 0;
}

async function postgresReachable() {
  const client = new pg.Client({ connectionString: postgresUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch (error) {
    notes.push(`PostgreSQL at ${postgresUrl} is not reachable (${error.message})`);
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

const vitest = (dialect) => {
  const file = path.join(reportDir, `vitest-${dialect}.json`);
  step(
    `unit + integration tests on ${dialect}`,
    'npx',
    ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${file}`],
    {
      TEST_DIALECT: dialect,
    },
  );
  countVitest(file);
};

step('lint (biome)', 'npx', ['biome', 'check', '.']);
step('type check (tsc)', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
vitest('sqlite');

if (await postgresReachable()) {
  vitest('postgres');
} else if (strict) {
  failedSteps += 1;
  console.log('✖ PostgreSQL is required in CI but is not reachable.');
} else {
  console.log('\n⚠ SKIPPED: the PostgreSQL run (start PostgreSQL or set TEST_DATABASE_URL to run it).');
  notes.push('the PostgreSQL run was SKIPPED');
}

if (fs.existsSync(chromium)) {
  if (step('build the web app', 'npm', ['run', 'build'])) {
    step('initial JS size budget', 'node', ['scripts/check-bundle-size.mjs']);
    const file = path.join(reportDir, 'playwright.json');
    step('browser tests (Playwright on Chromium)', 'npx', ['playwright', 'test', '--reporter=list,json'], {
      PLAYWRIGHT_JSON_OUTPUT_NAME: file,
    });
    countPlaywright(file);
  }
} else if (strict) {
  failedSteps += 1;
  console.log(`✖ Chromium is required in CI but ${chromium} is missing.`);
} else {
  console.log(
    `\n⚠ SKIPPED: the browser tests (${chromium} is missing: apt-get install -y chromium fonts-noto-cjk).`,
  );
  notes.push('the browser tests were SKIPPED');
}

fs.rmSync(reportDir, { recursive: true, force: true });
console.log('');
for (const note of notes) console.log(`note: ${note}`);
if (failedSteps > 0 && totals.failed === 0) totals.failed = failedSteps;
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedSteps > 0 ? 1 : 0);
