/**
 * Entry-time duplicate check benchmark: on the labelled database of bench/dup-scan.ts (built when
 * missing), ~2 000 probes through `customers.identity.checkDuplicates(admin, { name, phones, email })`,
 * sequentially, timed one by one; p50/p95/p99/max per probe kind. Writes bench/RESULTS-dup-check.md.
 *
 *   npx tsx bench/dup-check.ts [--count 1000000] [--seed 1] [--probes 2000]
 */
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { generateCustomer, recordState } from '../apps/server/src/demo/customer-generator';
import { argValue, cpuSnapshot, foreignCores } from './bench-util';
import { fmt, machineLines, openApp, percentile, writeResults } from './dq-util';
import { labelledSet, reformatPhone, Stream, typo } from './dup-labelled';
import { dupFileFor, prepareLabelledDatabase } from './dup-scan';
import { BENCH_DIR } from './load';

type ProbeKind =
  | 'typo of an existing name'
  | 'existing phone reformatted'
  | 'new random name'
  | 'short CJK name (2–4 chars)'
  | 'common word';
interface Probe {
  kind: ProbeKind;
  request: { name?: string; phones?: string[]; email?: string | null };
  /** The customer the check should find (seq), when there is one. */
  expect?: number;
}

const COMMON_WORDS = [
  '科技',
  '贸易',
  '有限公司',
  '科技有限公司',
  '网络科技',
  '物流',
  '贸易公司',
  '电子',
  '北京科技',
  '商贸',
];
const SHORT_CHARS = Array.from(
  '安邦宝博昌诚达德东方丰福富光广国海恒宏华辉佳嘉建金锦俊凯康朗利联林龙隆美明南鹏奇启瑞润森盛顺泰天通威文祥鑫信星兴旭亚阳逸益永宇元源远泽振正中众卓张王李刘陈杨黄赵吴周',
);

const count = Number(argValue('--count') ?? 1_000_000);
const seed = Number(argValue('--seed') ?? 1);
const probeCount = Number(argValue('--probes') ?? 2000);
const file = path.resolve(argValue('--file') ?? dupFileFor(count));
const out = path.resolve(argValue('--out') ?? path.join(BENCH_DIR, 'RESULTS-dup-check.md'));
const log = (line: string) => console.log(`[dup-check] ${line}`);

await prepareLabelledDatabase({ file, count, seed, reuse: true, log });
const set = labelledSet(seed, count);

const kinds: ProbeKind[] = [
  'typo of an existing name',
  'existing phone reformatted',
  'new random name',
  'short CJK name (2–4 chars)',
  'common word',
];
const probes: Probe[] = [];
for (let index = 0; index < probeCount; index++) {
  const kind = kinds[index % kinds.length] as ProbeKind;
  const random = new Stream(seed + 21, index);
  const seq = 1 + (recordState(seed + 22, index) % set.originals);
  const original = set.record(seq);
  const unrelated = generateCustomer(seed + 99, index);
  if (kind === 'typo of an existing name')
    probes.push({
      kind,
      request: { name: typo(original.name, random), phones: unrelated.phones.slice(0, 1) },
      expect: seq,
    });
  else if (kind === 'existing phone reformatted') {
    const phone = original.phones[0];
    probes.push(
      phone
        ? { kind, request: { name: unrelated.name, phones: [reformatPhone(phone, random)] }, expect: seq }
        : { kind, request: { name: unrelated.name, phones: unrelated.phones.slice(0, 1) } },
    );
  } else if (kind === 'new random name')
    probes.push({
      kind,
      request: { name: unrelated.name, phones: unrelated.phones.slice(0, 1), email: unrelated.email },
    });
  else if (kind === 'short CJK name (2–4 chars)') {
    const length = 2 + random.int(3);
    probes.push({ kind, request: { name: Array.from({ length }, () => random.pick(SHORT_CHARS)).join('') } });
  } else probes.push({ kind, request: { name: COMMON_WORDS[index % COMMON_WORDS.length] as string } });
}

const db = new SqliteDatabase(file, { readonly: true });
const idOf = db.prepare('select id from customers where seq = ?').pluck();
const { handle, services, admin } = await openApp(file);
// Warm-up: JIT, page cache, prepared statements.
for (const probe of probes.slice(0, 50))
  await services.customers.identity.checkDuplicates(admin, probe.request);

const times = new Map<ProbeKind, number[]>(kinds.map((kind) => [kind, []]));
const found = new Map<ProbeKind, { expected: number; hit: number; matches: number }>(
  kinds.map((kind) => [kind, { expected: 0, hit: 0, matches: 0 }]),
);
const slowest: Array<{ ms: number; probe: Probe }> = [];
const before = cpuSnapshot([process.pid]);
for (const probe of probes) {
  const started = performance.now();
  const result = await services.customers.identity.checkDuplicates(admin, probe.request);
  const ms = performance.now() - started;
  times.get(probe.kind)?.push(ms);
  slowest.push({ ms, probe });
  const tally = found.get(probe.kind) as { expected: number; hit: number; matches: number };
  tally.matches += result.matches.length;
  if (probe.expect !== undefined) {
    tally.expected++;
    const id = idOf.get(probe.expect) as string;
    if (result.matches.some((match) => match.customerId === id)) tally.hit++;
  }
}
const otherCores = foreignCores(before, cpuSnapshot([process.pid]));
await handle.close();
db.close();

const all = [...times.values()].flat().sort((a, b) => a - b);
const row = (label: string, values: number[], tally?: { expected: number; hit: number; matches: number }) => {
  const sorted = [...values].sort((a, b) => a - b);
  const p99 = percentile(sorted, 99);
  return `| ${label} | ${sorted.length} | ${fmt(percentile(sorted, 50), 2)} | ${fmt(percentile(sorted, 95), 2)} | ${fmt(p99, 2)} | ${fmt(sorted.at(-1) ?? Number.NaN, 1)} | ${
    tally ? fmt(tally.matches / sorted.length, 1) : ''
  } | ${tally?.expected ? `${tally.hit}/${tally.expected}` : ''} | ${p99 < 50 ? '✅' : '❌'} |`;
};
const p99 = percentile(all, 99);
log(`p50 ${fmt(percentile(all, 50), 2)} ms, p99 ${fmt(p99, 2)} ms, max ${fmt(all.at(-1) ?? 0, 1)} ms`);
const lines = [
  '# Entry-time duplicate check benchmark',
  '',
  `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC by \`bench/dup-check.ts\` (see bench/README.md).`,
  '',
  ...machineLines(),
  `- Command: \`npx tsx bench/dup-check.ts ${process.argv.slice(2).join(' ')}\``,
  `- Database: the labelled set of \`bench/dup-scan.ts\` (${count.toLocaleString('en')} customers, name keys and identities backfilled), \`${path.relative(process.cwd(), file)}\` (${fmt(fs.statSync(file).size / 1024 ** 3, 2)} GiB).`,
  `- ${probes.length} probes through \`services.customers.identity.checkDuplicates(admin, …)\` in-process, one after the other (after 50 warm-up probes); time per call. Other processes used ${otherCores === undefined ? 'n/a' : `${otherCores.toFixed(2)} cores`} meanwhile.`,
  '',
  '## Results',
  '',
  '| probe kind | probes | p50 ms | p95 ms | p99 ms | max ms | matches / probe | found the customer | p99 < 50 ms |',
  '|---|---:|---:|---:|---:|---:|---:|---:|:-:|',
  ...kinds.map((kind) => row(kind, times.get(kind) ?? [], found.get(kind))),
  row('**all**', all),
  '',
  `Goal p99 < 50 ms: ${p99 < 50 ? '✅ met' : '❌ missed'} (all probes: p99 ${fmt(p99, 2)} ms).`,
  '',
  '### Slowest probes',
  '',
  ...slowest
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 8)
    .map(({ ms, probe }) => `- ${fmt(ms, 1)} ms — ${probe.kind}: \`${JSON.stringify(probe.request)}\``),
  '',
];
writeResults(out, lines.join('\n'));
log(`wrote ${path.relative(process.cwd(), out)}`);
