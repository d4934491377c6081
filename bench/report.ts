/** The benchmark's scenarios, measurements and the RESULTS.md report (bench/run.ts runs them). */
import os from 'node:os';
import { formatBytes } from './bench-util';
import type { LoadResult } from './load';
import type { ScenarioPlan } from './plans';

export type Goal = 'list' | 'search';
export interface Scenario {
  name: string;
  description: string;
  goal: Goal;
  /** Query string of GET /api/v1/customers. */
  search: string;
  /** The floor has no sessions: the rep's scope is passed as a filter. */
  floorSearch: string;
  user: 'admin' | 'rep';
}
export interface Measurement {
  p50: number;
  p99: number;
  rps: number;
  requests: number;
  errors: number;
  non2xx: number;
  /** Median of sequential requests on one connection: the service time without queueing. */
  singleMs: number;
  /** CPU used by other processes on the machine during the measurement, in cores. */
  otherCores?: number;
}

export const OTHER_SHAPES: Array<{ name: string; search: string; rep?: boolean }> = [
  { name: 'deals sorted by name', search: 'limit=50&type=deal&sort=name' },
  {
    name: 'one industry, newest created first',
    search: `limit=50&industry=${encodeURIComponent('能源')}&sort=-createdAt`,
  },
  { name: 'one tag (VIP)', search: 'limit=50&tag=VIP' },
  { name: 'created in one month', search: 'limit=50&createdFrom=2026-09-01&createdTo=2026-09-30' },
  { name: 'rep: own customers sorted by name', search: 'limit=50&sort=name', rep: true },
  { name: 'rep: inactive, level A', search: 'limit=50&type=inactive&level=A', rep: true },
  { name: 'recycle bin', search: 'limit=50&deleted=true' },
  { name: 'search a common word (有限公司)', search: `limit=50&q=${encodeURIComponent('有限公司')}` },
  { name: 'search 4 digits', search: 'limit=50&q=8888' },
];

// --- report --------------------------------------------------------------------------------------

/** Search terms picked from the loaded data. */
export interface SearchTerms {
  phonePrefix: string;
  email: string;
  emailFragment: string;
}

const goalMs: Record<Goal, number> = { list: 50, search: 100 };
export const ms = (value: number) => (value >= 10 ? value.toFixed(0) : value.toFixed(1));
export const rate = (value: number) => Math.round(value).toLocaleString('en');
const other = (...measurements: Measurement[]) => {
  const values = measurements
    .map((m) => m.otherCores)
    .filter((value): value is number => value !== undefined);
  return values.length ? `${Math.max(...values).toFixed(2)} cores` : 'n/a';
};

export function report(options: {
  load: LoadResult;
  dataset: { customers: number; contacts: number; tags: number; fileBytes: number };
  scenarios: Scenario[];
  app: Map<string, Measurement>;
  floor: Map<string, Measurement>;
  samePage: Map<string, boolean>;
  plans: ScenarioPlan[];
  otherPlans: ScenarioPlan[];
  terms: SearchTerms;
  settings: { connections: number; duration: number; warmup: number };
}): string {
  const { load, dataset, scenarios, app, floor, samePage, plans, otherPlans } = options;
  const { connections, duration, warmup } = options.settings;
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const lines: string[] = [];
  const verdicts: string[] = [];
  lines.push(
    '# Benchmark results',
    '',
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC by \`bench/run.ts\` (see bench/README.md).`,
    '',
    '## Machine',
    '',
    `- ${os.cpus().length} CPUs (nproc), ${cpu}`,
    `- ${formatBytes(os.totalmem())} memory`,
    `- Node.js ${process.version}, Linux ${os.release()} (\`uname -r\`)`,
    '',
    '## Run',
    '',
    `- Command: \`npm run bench -- ${process.argv.slice(2).join(' ')}\``.replace(/ -- `$/, '`'),
    `- autocannon: ${connections} connections, ${duration} s per measurement after a ${warmup} s warm-up, loopback only;` +
      ' the server under test runs in its own process, autocannon in the parent (2 cores: one each).',
    '- "1-conn" is the median of 30 sequential requests on an idle server: the service time without queueing.',
    '- "other load" is the CPU that processes other than the benchmark used during the app or floor measurement' +
      ' (the larger of the two; from /proc): above ~0.1 cores the numbers of that row are disturbed.',
    '- The floor is a bare Fastify route with better-sqlite3 prepared statements returning the same page (rows,' +
      ' tags, owner/department names, next cursor): no auth, no zod, no Kysely (`bench/floor-server.ts`).',
    '',
    '## Dataset',
    '',
    `- ${dataset.customers.toLocaleString('en')} customers, ${dataset.contacts.toLocaleString('en')} contacts, ` +
      `${dataset.tags.toLocaleString('en')} tag rows, FTS5 rows for each customer (seed ${load.seed})`,
    `- SQLite file: ${formatBytes(dataset.fileBytes)}`,
    `- Load (\`bench/load.ts\`): ${rate(load.customersPerSecond)} customers/s, ${rate(load.rowsPerSecond)} rows/s ` +
      `(all tables incl. FTS5); insert ${load.insertSeconds.toFixed(1)} s + index build ${load.indexSeconds.toFixed(1)} s, ` +
      `${load.indexesFirst ? 'indexes kept during the load' : 'secondary indexes dropped before and rebuilt after the load'}`,
    `- Search terms picked from the data: phone prefix \`${options.terms.phonePrefix}\`, email \`${options.terms.email}\`, ` +
      `email fragment \`${options.terms.emailFragment}\``,
    '',
    '## Results',
    '',
    '| scenario | app p50 ms | app p99 ms | app req/s | app 1-conn ms | floor p50 ms | floor p99 ms | floor req/s | app/floor | same page | other load | goal |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|:-:|---:|---|',
  );
  for (const scenario of scenarios) {
    const a = app.get(scenario.name);
    const f = floor.get(scenario.name);
    if (!a || !f) continue;
    const ratio = a.rps / f.rps;
    const latencyOk = a.p99 < goalMs[scenario.goal];
    const ratioOk = ratio >= 0.5;
    const errors = a.errors + a.non2xx + f.errors + f.non2xx;
    const goal = `p99 < ${goalMs[scenario.goal]} ms ${latencyOk ? '✅' : '❌'}, ≥ ½ floor ${ratioOk ? '✅' : '❌'}${errors ? ` (${errors} errors)` : ''}`;
    if (!latencyOk) verdicts.push(`${scenario.name}: p99 ${ms(a.p99)} ms ≥ ${goalMs[scenario.goal]} ms`);
    if (!ratioOk) verdicts.push(`${scenario.name}: ${(ratio * 100).toFixed(0)}% of the floor's throughput`);
    lines.push(
      `| ${scenario.name} | ${ms(a.p50)} | ${ms(a.p99)} | ${rate(a.rps)} | ${ms(a.singleMs)} | ${ms(f.p50)} | ${ms(f.p99)} | ${rate(f.rps)} | ${ratio.toFixed(2)} | ${samePage.get(scenario.name) ? 'yes' : '**no**'} | ${other(a, f)} | ${goal} |`,
    );
  }
  lines.push('', 'Scenarios:', '');
  for (const scenario of scenarios) {
    lines.push(
      `- **${scenario.name}** — ${scenario.description}: \`GET /api/v1/customers?${decodeURIComponent(scenario.search)}\``,
    );
  }
  lines.push(
    '',
    '## Goals',
    '',
    "- list p99 < 50 ms and search p99 < 100 ms at 1M customers; the app at ≥ half the floor's throughput.",
    verdicts.length === 0 ? '- **All goals met.**' : `- **Missed:** ${verdicts.join('; ')}.`,
    '',
    "## The app's SQL per request",
    '',
    'Captured from Kysely while calling the customers service directly (admin unless noted), each statement timed' +
      ' alone (median of 15 runs) and explained. The per-request session lookup is not included.',
    '',
  );
  const describePlan = (plan: ScenarioPlan) => {
    const total = plan.statements.reduce((sum, statement) => sum + statement.medianMs, 0);
    lines.push(`### ${plan.name} (${plan.statements.length} statements, ${ms(total)} ms)`, '');
    for (const statement of plan.statements) {
      lines.push(
        '```sql',
        `-- ${statement.medianMs.toFixed(2)} ms; parameters ${JSON.stringify(statement.parameters).slice(0, 200)}`,
        statement.sql.length > 600 ? `${statement.sql.slice(0, 600)} …` : statement.sql,
        '```',
        ...statement.plan.map((detail) => `    ${detail}`),
        '',
      );
    }
  };
  for (const plan of plans) describePlan(plan);
  lines.push(
    '## Other query shapes (not load-tested)',
    '',
    'The main statement of other lists a user can ask for, timed alone (median of 5 runs) and explained.',
    '',
    '| query | main statement ms | plan |',
    '|---|---:|---|',
  );
  for (const [index, plan] of otherPlans.entries()) {
    const shape = OTHER_SHAPES[index];
    const main = plan.statements[0];
    if (!shape || !main) continue;
    const parts =
      plan.statements.length > 4 ? ` (+ part 2: ${plan.statements[1]?.medianMs.toFixed(2)} ms)` : '';
    lines.push(
      `| ${plan.name}${shape.rep ? ' (as rep)' : ''}: \`?${decodeURIComponent(shape.search)}\` | ${main.medianMs.toFixed(2)}${parts} | ${main.plan.map((line) => line.trim()).join('; ')} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}
