/**
 * Duplicate-scan benchmark: a labelled set (90 % generated originals + 10 % injected variants, see
 * dup-labelled.ts) bulk-loaded with bench/load.ts, name keys and identities filled by the app's
 * `backfillCustomerKeys`, then the app's scan (`customerDuplicates.startScan` + `jobs.drain()`),
 * timed with its peak RSS, and its groups scored pairwise against the labels.
 * Writes bench/RESULTS-dup-scan.md; the database is kept for bench/dup-check.ts.
 *
 *   npx tsx bench/dup-scan.ts [--count 1000000] [--seed 1] [--reuse]
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import SqliteDatabase from 'better-sqlite3';
import { backfillCustomerKeys } from '../apps/server/src/modules/customers/customer-backfill';
import {
  addressKey,
  type FoundGroup,
  groupDuplicates,
  type ScanRecord,
} from '../apps/server/src/modules/customers/duplicates/duplicate-grouping';
import type { DuplicateGroupsRepository } from '../apps/server/src/modules/customers/duplicates/duplicate-groups.repository';
import { argValue, formatBytes, hasFlag } from './bench-util';
import { fmt, machineLines, openApp, RssSampler, seconds, writeResults } from './dq-util';
import { labelledSet, VARIANT_KINDS, type VariantKind } from './dup-labelled';
import { BENCH_DIR, DATA_DIR, loadBenchDatabase } from './load';

export const dupFileFor = (count: number) =>
  path.join(
    DATA_DIR,
    `dup-${count % 1_000_000 === 0 ? `${count / 1_000_000}m` : `${Math.round(count / 1000)}k`}.db`,
  );
export const dupSidecarOf = (file: string) => file.replace(/\.db$/, '.prepared.json');

export interface PreparedSet {
  count: number;
  seed: number;
  loadSeconds: number;
  backfillSeconds: number;
  backfilled: number;
  phoneFallbacks: number;
}

/** Loads the labelled set and backfills name keys and identities, unless a prepared file exists. */
export async function prepareLabelledDatabase(options: {
  file: string;
  count: number;
  seed: number;
  reuse: boolean;
  log: (line: string) => void;
}): Promise<PreparedSet> {
  const sidecar = dupSidecarOf(options.file);
  if (options.reuse && fs.existsSync(options.file) && fs.existsSync(sidecar)) {
    const prepared = JSON.parse(fs.readFileSync(sidecar, 'utf8')) as PreparedSet;
    if (prepared.count === options.count && prepared.seed === options.seed) {
      options.log(`reusing ${path.relative(process.cwd(), options.file)}`);
      return prepared;
    }
  }
  fs.rmSync(sidecar, { force: true });
  const set = labelledSet(options.seed, options.count);
  const loaded = await loadBenchDatabase({
    file: options.file,
    count: options.count,
    seed: options.seed,
    deletedShare: 0,
    records: () => set.records(),
    log: (line) => options.log(`load: ${line}`),
  });
  options.log(
    `loaded ${loaded.customers.toLocaleString('en')} customers in ${loaded.totalSeconds.toFixed(1)} s`,
  );
  const { handle, services } = await openApp(options.file);
  const started = performance.now();
  const backfilled = await backfillCustomerKeys(handle.db, services.customers.repository, services.settings);
  const backfillSeconds = seconds(started);
  await handle.close();
  options.log(
    `backfilled ${backfilled.toLocaleString('en')} name keys and identities in ${backfillSeconds.toFixed(1)} s`,
  );
  const prepared: PreparedSet = {
    count: options.count,
    seed: options.seed,
    loadSeconds: loaded.totalSeconds,
    backfillSeconds,
    backfilled,
    phoneFallbacks: set.phoneFallbacks(),
  };
  fs.writeFileSync(sidecar, `${JSON.stringify(prepared, null, 2)}\n`);
  return prepared;
}

const pairs = (n: number) => (n * (n - 1)) / 2;

interface Member {
  seq: number;
  label: number;
  key: string;
  phones: string[];
}

/**
 * For each original (by label), a representative of the originals it is joined to by a shared name
 * key, phone or email, transitively (union-find over the stored keys and identities).
 */
export function entitiesOfOriginals(db: SqliteDatabase.Database, originals: number): Int32Array {
  const parent = new Int32Array(originals).map((_, index) => index);
  const find = (index: number): number => {
    let root = index;
    while (parent[root] !== root) root = parent[root] as number;
    while (parent[index] !== root) {
      const next = parent[index] as number;
      parent[index] = root;
      index = next;
    }
    return root;
  };
  const firstOf = new Map<string, number>();
  const join = (value: string, label: number) => {
    const first = firstOf.get(value);
    if (first === undefined) firstOf.set(value, label);
    else parent[find(label)] = find(first);
  };
  for (const row of db
    .prepare('select seq, name_key from customers where seq <= ? and name_key is not null')
    .iterate(originals) as Iterable<{ seq: number; name_key: string }>) {
    join(`name:${row.name_key}`, row.seq - 1);
  }
  for (const row of db
    .prepare(
      `select c.seq, i.kind, i.value from customer_identities i join customers c on c.id = i.customer_id
        where c.seq <= ?`,
    )
    .iterate(originals) as Iterable<{ seq: number; kind: string; value: string }>) {
    join(`${row.kind}:${row.value}`, row.seq - 1);
  }
  return parent.map((_, index) => find(index));
}

/** Pairwise scores of the scan's groups against the labels. */
function score(
  groups: Map<string, Member[]>,
  set: ReturnType<typeof labelledSet>,
  exactLimit: number,
  entityOf: Int32Array,
): {
  predicted: number;
  correct: number;
  genuine: number;
  wrong: number;
  approximateGroups: number;
  largest: number;
  sizes: Map<string, number>;
  foundByKind: Map<VariantKind, number>;
  wrongExamples: Array<[string, string]>;
  small: { predicted: number; correct: number; genuine: number };
} {
  let predicted = 0;
  let correct = 0;
  let genuine = 0;
  let approximateGroups = 0;
  let largest = 0;
  const small = { predicted: 0, correct: 0, genuine: 0 };
  const sizes = new Map<string, number>();
  const foundByKind = new Map<VariantKind, number>(VARIANT_KINDS.map((kind) => [kind, 0]));
  const foundVariants = new Set<number>();
  const wrongExamples: Array<[string, string]> = [];
  const bucket = (size: number) =>
    size <= 2 ? '2' : size <= 5 ? '3–5' : size <= 20 ? '6–20' : size <= 100 ? '21–100' : '> 100';
  for (const members of groups.values()) {
    const k = members.length;
    largest = Math.max(largest, k);
    sizes.set(bucket(k), (sizes.get(bucket(k)) ?? 0) + 1);
    predicted += pairs(k);
    const before = { correct, genuine };
    const byLabel = new Map<number, Member[]>();
    for (const member of members) byLabel.set(member.label, [...(byLabel.get(member.label) ?? []), member]);
    for (const same of byLabel.values()) {
      correct += pairs(same.length);
      // A variant is found when its original is in its group.
      const original = same.find((member) => member.seq <= set.originals);
      if (!original) continue;
      for (const member of same) {
        const kind = set.kindOf(member.seq);
        // A variant found in two groups (by phone and by name) counts once.
        if (kind && !foundVariants.has(member.seq)) {
          foundVariants.add(member.seq);
          foundByKind.set(kind, (foundByKind.get(kind) ?? 0) + 1);
        }
      }
    }
    if (k <= exactLimit) {
      for (let i = 0; i < k; i++) {
        const a = members[i] as Member;
        for (let j = i + 1; j < k; j++) {
          const b = members[j] as Member;
          if (a.label === b.label) continue;
          if (
            a.key === b.key ||
            a.phones.some((phone) => b.phones.includes(phone)) ||
            entityOf[a.label] === entityOf[b.label]
          )
            genuine++;
          else if (wrongExamples.length < 12 && (wrongExamples.length < 4 || k <= 3))
            wrongExamples.push([set.record(a.seq).name, set.record(b.seq).name]);
        }
      }
    } else {
      // Too large to enumerate: pairs sharing a name key or a first phone (overlap not subtracted).
      approximateGroups++;
      const count = (keyOf: (member: Member) => string | undefined) => {
        const byKey = new Map<string, number>();
        const byKeyLabel = new Map<string, number>();
        for (const member of members) {
          const key = keyOf(member);
          if (key === undefined) continue;
          byKey.set(key, (byKey.get(key) ?? 0) + 1);
          byKeyLabel.set(
            `${key}\u0000${member.label}`,
            (byKeyLabel.get(`${key}\u0000${member.label}`) ?? 0) + 1,
          );
        }
        let total = 0;
        for (const n of byKey.values()) total += pairs(n);
        for (const n of byKeyLabel.values()) total -= pairs(n);
        return total;
      };
      genuine += Math.min(
        pairs(k) - [...byLabel.values()].reduce((sum, same) => sum + pairs(same.length), 0),
        count((member) => member.key) + count((member) => member.phones[0]),
      );
    }
    if (k <= 100) {
      small.predicted += pairs(k);
      small.correct += correct - before.correct;
      small.genuine += genuine - before.genuine;
    }
  }
  return {
    predicted,
    correct,
    genuine,
    wrong: predicted - correct - genuine,
    approximateGroups,
    largest,
    sizes,
    foundByKind,
    wrongExamples,
    small,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const count = Number(argValue('--count') ?? 1_000_000);
  const seed = Number(argValue('--seed') ?? 1);
  const file = path.resolve(argValue('--file') ?? dupFileFor(count));
  const out = path.resolve(argValue('--out') ?? path.join(BENCH_DIR, 'RESULTS-dup-scan.md'));
  const log = (line: string) => console.log(`[dup-scan] ${line}`);
  const prepared = await prepareLabelledDatabase({ file, count, seed, reuse: hasFlag('--reuse'), log });
  const set = labelledSet(seed, count);

  const { handle, services, admin } = await openApp(file);
  const rssBefore = process.memoryUsage().rss;
  const sampler = new RssSampler().start();
  const started = performance.now();
  const scan = await services.customerDuplicates.startScan(admin);
  await services.jobs.drain();
  const scanSeconds = seconds(started);
  let peakRss = sampler.stop();
  const finished = await services.customerDuplicates.latestScan(admin);
  // When the job fails to store its groups, the same steps are run here (chunked read, shared
  // identities, groupDuplicates) and their groups scored: the quality is still measured.
  let computed:
    | {
        groups: FoundGroup[];
        readSeconds: number;
        identitySeconds: number;
        groupSeconds: number;
        peakRss: number;
      }
    | undefined;
  if (finished?.status !== 'succeeded') {
    log(`the scan job failed: ${finished?.error}; running its steps from the bench`);
    const repository = (services.customerDuplicates as unknown as { groups: DuplicateGroupsRepository })
      .groups;
    const stepSampler = new RssSampler().start();
    let step = performance.now();
    const records: ScanRecord[] = [];
    let afterSeq = 0;
    for (;;) {
      const chunk = await repository.scanChunk(handle.db, afterSeq, 10_000);
      if (chunk.length === 0) break;
      for (const row of chunk) {
        records.push({
          id: row.id,
          key: row.name_key ?? '',
          address: addressKey(row.address),
          city: row.city ?? '',
        });
      }
      afterSeq = Number(chunk.at(-1)?.seq);
    }
    const readSeconds = seconds(step);
    step = performance.now();
    const identityGroups = await repository.sharedIdentities(handle.db);
    const identitySeconds = seconds(step);
    step = performance.now();
    const found = groupDuplicates(records, identityGroups, 0.85, () => false);
    const groupSeconds = seconds(step);
    computed = { groups: found, readSeconds, identitySeconds, groupSeconds, peakRss: stepSampler.stop() };
    log(
      `steps: read ${readSeconds.toFixed(1)} s, shared identities ${identitySeconds.toFixed(1)} s, groupDuplicates ${groupSeconds.toFixed(1)} s; ${found.length} groups`,
    );
  }
  await handle.close();
  log(
    `scan ${scan.id}: ${finished?.status}, ${finished?.groupsFound.toLocaleString('en')} groups of ${finished?.customersScanned.toLocaleString('en')} customers in ${scanSeconds.toFixed(1)} s, peak RSS ${formatBytes(peakRss)}`,
  );

  // Groups and what is needed to judge their pairs: seq (→ label), name key, normalised phones.
  const db = new SqliteDatabase(file, { readonly: true });
  const identitiesOf = `(select group_concat(i.kind || ':' || i.value, ' ') from customer_identities i
                where i.customer_id = c.id) as phones`;
  let rows: Array<{ group_id: string; seq: number; name_key: string; phones: string | null }>;
  if (computed) {
    const member = db.prepare(`select c.seq, c.name_key, ${identitiesOf} from customers c where c.id = ?`);
    rows = computed.groups.flatMap((group, index) =>
      group.ids.map((id) => ({
        group_id: String(index),
        ...(member.get(id) as { seq: number; name_key: string; phones: string | null }),
      })),
    );
  } else {
    rows = db
      .prepare(
        `select m.group_id, c.seq, c.name_key, ${identitiesOf}
           from duplicate_group_members m
           join duplicate_groups g on g.id = m.group_id and g.status = 'open'
           join customers c on c.id = m.customer_id`,
      )
      .all() as typeof rows;
  }
  const groups = new Map<string, Member[]>();
  for (const row of rows) {
    const members = groups.get(row.group_id) ?? [];
    members.push({
      seq: row.seq,
      label: set.labelOf(row.seq),
      key: row.name_key,
      phones: row.phones ? row.phones.split(' ') : [],
    });
    groups.set(row.group_id, members);
  }
  // Accidental duplicates among the originals themselves (the generator repeats names and phones).
  const sameKeyPairs = db
    .prepare(
      `select coalesce(sum(n * (n - 1) / 2), 0) as pairs, count(*) as keys from
           (select count(*) as n from customers where seq <= ? group by name_key having n > 1)`,
    )
    .get(set.originals) as { pairs: number; keys: number };
  const samePhonePairs = db
    .prepare(
      `select coalesce(sum(n * (n - 1) / 2), 0) as pairs, count(*) as phones from
           (select count(distinct i.customer_id) as n from customer_identities i join customers c on c.id = i.customer_id
             where c.seq <= ? and i.kind = 'phone' group by i.value having n > 1)`,
    )
    .get(set.originals) as { pairs: number; phones: number };
  // Originals that share a name key, phone or email are one entity to the labels: a variant of one
  // of them is as much a copy of the others (the generator repeats names such as Sapphire Trading).
  const entityOf = entitiesOfOriginals(db, set.originals);
  db.close();

  // Injected pairs: every two copies of one original (the original and its variants).
  const copies = new Map<number, number>();
  const variantsByKind = new Map<VariantKind, number>(VARIANT_KINDS.map((kind) => [kind, 0]));
  for (let seq = set.originals + 1; seq <= count; seq++) {
    const label = set.labelOf(seq);
    copies.set(label, (copies.get(label) ?? 1) + 1);
    const kind = set.kindOf(seq) as VariantKind;
    variantsByKind.set(kind, (variantsByKind.get(kind) ?? 0) + 1);
  }
  let injected = 0;
  for (const n of copies.values()) injected += pairs(n);

  const result = score(groups, set, 5000, entityOf);
  if (computed) peakRss = Math.max(peakRss, computed.peakRss);
  const precision = result.correct / (result.correct + result.wrong);
  const rawPrecision = result.correct / result.predicted;
  const recall = result.correct / injected;
  const totalSeconds = computed
    ? computed.readSeconds + computed.identitySeconds + computed.groupSeconds
    : scanSeconds;
  const goals = {
    time: totalSeconds < 60 && !computed,
    memory: peakRss < 2 * 1024 ** 3,
    precision: precision >= 0.95,
    recall: recall >= 0.9,
  };
  const mark = (ok: boolean) => (ok ? '✅ met' : '❌ missed');
  log(
    `precision ${precision.toFixed(3)} (raw ${rawPrecision.toFixed(3)}), recall ${recall.toFixed(3)}; predicted ${result.predicted.toLocaleString('en')} pairs, correct ${result.correct.toLocaleString('en')}, genuine ${result.genuine.toLocaleString('en')}, wrong ${result.wrong.toLocaleString('en')}`,
  );

  const lines = [
    '# Duplicate-scan benchmark',
    '',
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC by \`bench/dup-scan.ts\` (see bench/README.md).`,
    '',
    ...machineLines(),
    `- Command: \`npx tsx bench/dup-scan.ts ${process.argv.slice(2).join(' ')}\``,
    `- Labelled set (seed ${seed}): ${set.originals.toLocaleString('en')} generated originals + ${set.variants.toLocaleString('en')} injected variants of random originals` +
      ` (${VARIANT_KINDS.map((kind) => `${variantsByKind.get(kind)?.toLocaleString('en')} ${kind}`).join(', ')}; see \`bench/dup-labelled.ts\`).` +
      ` Phones left unformatted (no other format normalises the same): ${prepared.phoneFallbacks}.`,
    `- Loaded with \`bench/load.ts\` in ${prepared.loadSeconds.toFixed(0)} s, then \`backfillCustomerKeys\` (name keys + customer identities, as the app does at start-up) in ${prepared.backfillSeconds.toFixed(0)} s` +
      ` (${fmt(prepared.backfilled / prepared.backfillSeconds, 0)} customers/s). The identities include the contacts' phones and emails, as the scan's evidence does.`,
    '- Scan: `customerDuplicates.startScan(admin)` + `jobs.drain()`, RSS sampled every 200 ms (whole process; ' +
      `${formatBytes(rssBefore)} before the scan).`,
    '',
    '## Results',
    '',
    '| measure | value | goal |',
    '|---|---:|---|',
    `| scan job | ${finished?.status}${finished?.error ? ` — **${finished.error}**` : ''} | |`,
    `| scan time | ${scanSeconds.toFixed(1)} s${computed ? ` until it failed; its steps run from the bench: read ${computed.readSeconds.toFixed(1)} s + shared identities ${computed.identitySeconds.toFixed(1)} s + groupDuplicates ${computed.groupSeconds.toFixed(1)} s = ${totalSeconds.toFixed(1)} s (without storing the groups)` : ''} | < 60 s ${mark(goals.time)} |`,
    `| peak RSS | ${formatBytes(peakRss)} | < 2 GB ${mark(goals.memory)} |`,
    `| precision (pairwise; pairs of different originals that share — or whose originals share — a name key, phone or email not counted) | ${precision.toFixed(3)} | ≥ 0.95 ${mark(goals.precision)} |`,
    `| recall (pairwise, over the injected pairs) | ${recall.toFixed(3)} | ≥ 0.90 ${mark(goals.recall)} |`,
    `| precision of the groups of ≤ 100 members only (diagnostic) | ${(result.small.correct / (result.small.predicted - result.small.genuine)).toFixed(3)} | |`,
    `| raw precision (those genuine pairs counted as wrong) | ${rawPrecision.toFixed(3)} | |`,
    `| groups found | ${finished?.groupsFound.toLocaleString('en')} (sizes: ${[...result.sizes.entries()].map(([size, n]) => `${size}: ${n.toLocaleString('en')}`).join(', ')}; largest ${result.largest.toLocaleString('en')}) | |`,
    `| predicted pairs | ${result.predicted.toLocaleString('en')} = ${result.correct.toLocaleString('en')} correct + ${result.genuine.toLocaleString('en')} genuine (different originals that share, or whose originals share, a key, phone or email) + ${result.wrong.toLocaleString('en')} wrong${result.approximateGroups ? ` (${result.approximateGroups} groups > 5000 members counted approximately)` : ''} | |`,
    `| injected pairs | ${injected.toLocaleString('en')} | |`,
    `| accidental duplicates among the originals | ${sameKeyPairs.pairs.toLocaleString('en')} pairs share a name key (${sameKeyPairs.keys.toLocaleString('en')} keys), ${samePhonePairs.pairs.toLocaleString('en')} pairs share a phone (${samePhonePairs.phones.toLocaleString('en')} phones) | |`,
    '',
    '### Recall per variant kind (variant in the same group as its original)',
    '',
    '| kind | variants | found | recall |',
    '|---|---:|---:|---:|',
    ...VARIANT_KINDS.map((kind) => {
      const total = variantsByKind.get(kind) ?? 0;
      const found = result.foundByKind.get(kind) ?? 0;
      return `| ${kind} | ${total.toLocaleString('en')} | ${found.toLocaleString('en')} | ${(found / total).toFixed(3)} |`;
    }),
    '',
    '### Examples of wrong pairs',
    '',
    ...result.wrongExamples.map(([a, b]) => `- ${a} ↔ ${b}`),
    '',
  ];
  writeResults(out, lines.join('\n'));
  log(`wrote ${path.relative(process.cwd(), out)}`);
}
