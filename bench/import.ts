/**
 * Import benchmark: a generated CSV of N customers (Chinese headers, written streaming) through the
 * app's import path — `imports.upload` → `start` → `jobs.drain()` (job `customers.import`: the file read
 * and convertRow in a worker thread; duplicate check and batches through CustomerImportService and
 * ContactsService on the main thread) — on a fresh
 * SQLite file, against the floor: a raw better-sqlite3 bulk insert of the same rows into a fresh copy
 * of the same schema. Writes bench/RESULTS-import.md.
 *
 *   npx tsx bench/import.ts [--count 1000000] [--seed 1] [--profile] [--skip-floor] [--keep]
 *
 * `--profile` wraps the import's functions from the outside (the services' batch
 * methods, every SQLite statement) and reports where the time goes; it adds some overhead, so the
 * headline rows/s is measured without it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import SqliteDatabase from 'better-sqlite3';
import { parse } from 'csv-parse';
import { type GeneratedCustomer, generateCustomers } from '../apps/server/src/demo/customer-generator';
import { newId } from '../apps/server/src/platform/ids';
import { argValue, formatBytes, hasFlag } from './bench-util';
import { fmt, machineLines, openApp, RssSampler, removeDatabase, seconds, writeResults } from './dq-util';
import { BENCH_DIR, DATA_DIR, setupOrganisation } from './load';

const HEADERS = [
  '客户名称',
  '客户类型',
  '客户级别',
  '行业',
  '客户来源',
  '省份',
  '城市',
  '区县',
  '地址',
  '电话',
  '电话2',
  '邮箱',
  '网址',
  '标签',
  '备注',
  '联系人',
  '职位',
  '手机',
  '联系人邮箱',
];
const TYPE_WORDS: Record<GeneratedCustomer['type'], string> = {
  intent: '意向客户',
  potential: '潜在客户',
  deal: '成交客户',
  inactive: '停用客户',
};

const csvCell = (value: string | null | undefined) => {
  const text = value ?? '';
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

export function csvCells(record: GeneratedCustomer): string[] {
  const contact = record.contacts.find((candidate) => candidate.isPrimary) ?? record.contacts[0];
  return [
    record.name,
    TYPE_WORDS[record.type],
    record.level ?? '',
    record.industry,
    record.source,
    record.province,
    record.city,
    record.district,
    record.address,
    record.phones[0] ?? '',
    record.phones[1] ?? '',
    record.email ?? '',
    record.website ?? '',
    record.tags.join('、'),
    record.notes ?? '',
    contact?.name ?? '',
    contact?.title ?? '',
    contact?.mobile ?? '',
    contact?.email ?? '',
  ];
}

/** Writes the CSV streaming (UTF-8 with BOM, as Excel saves it), respecting back-pressure. */
export async function writeCsv(file: string, records: Iterable<GeneratedCustomer>): Promise<number> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const out = fs.createWriteStream(file);
  let rows = 0;
  let buffer = `\ufeff${HEADERS.join(',')}\r\n`;
  for (const record of records) {
    buffer += `${csvCells(record).map(csvCell).join(',')}\r\n`;
    rows++;
    if (buffer.length > 256 * 1024) {
      if (!out.write(buffer)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      buffer = '';
    }
  }
  out.end(buffer);
  await new Promise<void>((resolve) => out.once('finish', () => resolve()));
  return rows;
}

// --- profile: timing wrappers applied from the outside ---------------------------------------------

const timings = new Map<string, { ms: number; calls: number }>();
const addTime = (label: string, ms: number) => {
  const entry = timings.get(label) ?? { ms: 0, calls: 0 };
  entry.ms += ms;
  entry.calls += 1;
  timings.set(label, entry);
};

function wrapAsync(target: object, method: string, label: string) {
  const object = target as Record<string, (...args: unknown[]) => Promise<unknown>>;
  const original = object[method];
  if (typeof original !== 'function') throw new Error(`no method ${method} (${label})`);
  object[method] = async function (this: unknown, ...args: unknown[]) {
    const started = performance.now();
    try {
      return await original.apply(this, args);
    } finally {
      addTime(label, performance.now() - started);
    }
  };
}

/** Every better-sqlite3 statement execution (all SQL of the process), timed. */
function wrapSqlite() {
  const probe = new SqliteDatabase(':memory:');
  const prototype = Object.getPrototypeOf(probe.prepare('select 1')) as Record<
    string,
    (...args: unknown[]) => unknown
  >;
  probe.close();
  for (const method of ['run', 'all', 'get', 'iterate']) {
    const original = prototype[method] as (...args: unknown[]) => unknown;
    prototype[method] = function (this: { source?: string }, ...args: unknown[]) {
      const started = performance.now();
      try {
        return original.apply(this, args);
      } finally {
        const source = (this.source ?? '').trimStart().toLowerCase();
        const verb = source.startsWith('insert into')
          ? `insert ${source.slice(12).split(/[\s(]/)[0]?.replaceAll('"', '')}`
          : source.startsWith('select')
            ? `select … from ${source.match(/from "?(\w+)/)?.[1] ?? '?'}`
            : (source.split(/\s/)[0] ?? '?');
        addTime(`SQL ${verb}`, performance.now() - started);
      }
    };
  }
}

// --- the app's import --------------------------------------------------------------------------------

interface ImportRun {
  uploadSeconds: number;
  startSeconds: number;
  drainSeconds: number;
  totalSeconds: number;
  rowsPerSecond: number;
  peakRss: number;
  counts: { created: number; updated: number; skipped: number; failed: number };
  status: string;
  error: string | null;
  dbBytes: number;
  tableRows: Record<string, number>;
}

async function appImport(options: {
  csv: string;
  db: string;
  dataDir: string;
  count: number;
  profile: boolean;
}) {
  removeDatabase(options.db);
  fs.rmSync(options.dataDir, { recursive: true, force: true });
  await setupOrganisation(options.db);
  const { handle, services, admin } = await openApp(options.db, {
    dataDir: options.dataDir,
    importMaxBytes: 4 * 1024 ** 3,
  });
  if (options.profile) {
    // The file is read and converted in the import's worker thread, beside this one: not timed here.
    const imports = services.imports as unknown as Record<string, unknown>;
    const customerImports = imports.customers as Record<string, unknown>;
    wrapAsync(customerImports, 'importBatch', 'CustomerImportService.importBatch');
    wrapAsync(customerImports, 'ownersOf', 'CustomerImportService.ownersOf');
    const writer = customerImports.writer as Record<string, unknown>;
    const writerRepository = writer.repository as object;
    const writerIdentities = writer.identities as object;
    wrapAsync(writer, 'insertCreated', 'writer.insertCreated');
    wrapAsync(writerIdentities, 'holdersOf', 'identities.holdersOf (duplicate lookup)');
    wrapAsync(writerIdentities, 'insertMany', 'identities.insertMany');
    wrapAsync(writerRepository, 'withNameKeys', 'repository.withNameKeys (duplicate lookup)');
    wrapAsync(writerRepository, 'insertMany', 'repository.insertMany (customers, tags, FTS)');
    wrapAsync(writer.lifecycle as object, 'recordTypeChanges', 'lifecycle.recordTypeChanges');
    wrapAsync(services.contacts, 'importContacts', 'ContactsService.importContacts');
    wrapSqlite();
  }
  const sampler = new RssSampler().start();
  const started = performance.now();
  const uploaded = await services.imports.upload(admin, {
    filename: path.basename(options.csv),
    stream: fs.createReadStream(options.csv),
  });
  const uploadSeconds = seconds(started);
  const startStarted = performance.now();
  const mapping = uploaded.mapping;
  const unmapped = uploaded.headers.filter((_, index) => mapping[index] === null);
  if (unmapped.length > 0) console.log(`[import] unmapped headers: ${unmapped.join(', ')}`);
  await services.imports.start(admin, uploaded.id, { mapping, duplicatePolicy: 'skip' });
  const startSeconds = seconds(startStarted);
  const drainStarted = performance.now();
  const progress = setInterval(() => {
    const row = handle.db
      .selectFrom('imports')
      .select(['rows_done'])
      .where('id', '=', uploaded.id)
      .executeTakeFirst();
    void row.then((value) =>
      console.log(
        `[import] ${value?.rows_done.toLocaleString('en')} rows, ${fmt((value?.rows_done ?? 0) / seconds(drainStarted), 0)}/s, rss ${formatBytes(process.memoryUsage().rss)}`,
      ),
    );
  }, 15_000);
  try {
    await services.jobs.drain();
  } finally {
    clearInterval(progress);
  }
  const drainSeconds = seconds(drainStarted);
  const totalSeconds = seconds(started);
  const peakRss = sampler.stop();
  const result = await services.imports.get(admin, uploaded.id);
  const tableRows: Record<string, number> = {};
  for (const table of ['customers', 'contacts', 'customer_tags', 'customer_identities', 'audit_log']) {
    try {
      const row = await handle.db
        .selectFrom(table as 'customers')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      tableRows[table] = Number(row.n);
    } catch {
      // a table this schema does not have
    }
  }
  await handle.close();
  const run: ImportRun = {
    uploadSeconds,
    startSeconds,
    drainSeconds,
    totalSeconds,
    rowsPerSecond: options.count / totalSeconds,
    peakRss,
    counts: result.counts,
    status: result.status,
    error: result.error,
    dbBytes: fs.statSync(options.db).size,
    tableRows,
  };
  return run;
}

// --- the floor -----------------------------------------------------------------------------------

interface FloorRun {
  seconds: number;
  rowsPerSecond: number;
  parseOnlySeconds: number;
}

/**
 * The same CSV read with the same parser, the rows inserted as they are with prepared statements,
 * 10k per transaction, into a fresh copy of the app's schema (indexes in place, as for the app):
 * customers + first contact + tags. No normalisation, duplicate check, FTS, identities or audit.
 */
async function floorImport(options: { csv: string; db: string }): Promise<FloorRun> {
  removeDatabase(options.db);
  const { adminUserId } = await setupOrganisation(options.db);
  const db = new SqliteDatabase(options.db);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('cache_size = -65536');
  const insertCustomer = db.prepare(
    `insert into customers (id, kind, name, type, level, industry, source, province, city, district, address,
       phones, email, website, notes, owner_id, custom, version, created_at, created_by, updated_at, updated_by)
     values (?, 'company', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '{}', 1, ?, ?, ?, ?)`,
  );
  const insertContact = db.prepare(
    `insert into contacts (id, customer_id, name, title, mobile, email, is_primary, custom, version,
       created_at, created_by, updated_at, updated_by)
     values (?, ?, ?, ?, ?, ?, 1, '{}', 1, ?, ?, ?, ?)`,
  );
  const insertTag = db.prepare('insert or ignore into customer_tags (customer_id, tag) values (?, ?)');
  const at = new Date().toISOString();
  const write = db.transaction((rows: string[][]) => {
    for (const cells of rows) {
      const id = newId();
      const [name, type, level, industry, source, province, city, district, address, phone, phone2, email] =
        cells;
      insertCustomer.run(
        id,
        name,
        type,
        level || null,
        industry || null,
        source || null,
        province || null,
        city || null,
        district || null,
        address || null,
        JSON.stringify([phone, phone2].filter(Boolean)),
        email || null,
        cells[12] || null,
        cells[14] || null,
        adminUserId,
        at,
        adminUserId,
        at,
        adminUserId,
      );
      for (const tag of (cells[13] ?? '').split('、')) if (tag) insertTag.run(id, tag);
      if (cells[15])
        insertContact.run(
          newId(),
          id,
          cells[15],
          cells[16] || null,
          cells[17] || null,
          cells[18] || null,
          at,
          adminUserId,
          at,
          adminUserId,
        );
    }
  });
  const parser = () =>
    fs
      .createReadStream(options.csv, { highWaterMark: 256 * 1024 })
      .pipe(parse({ bom: true, relax_column_count: true, from_line: 2 })) as AsyncIterable<string[]>;

  const parseStarted = performance.now();
  for await (const _ of parser()) {
    // only parse
  }
  const parseOnlySeconds = seconds(parseStarted);

  const started = performance.now();
  let batch: string[][] = [];
  let rows = 0;
  for await (const cells of parser()) {
    batch.push(cells);
    rows++;
    if (batch.length === 10_000) {
      write(batch);
      batch = [];
    }
  }
  if (batch.length > 0) write(batch);
  const total = seconds(started);
  db.close();
  return { seconds: total, rowsPerSecond: rows / total, parseOnlySeconds };
}

// --- main ----------------------------------------------------------------------------------------

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const count = Number(argValue('--count') ?? 1_000_000);
  const seed = Number(argValue('--seed') ?? 1);
  const profile = hasFlag('--profile');
  const label = count % 1_000_000 === 0 ? `${count / 1_000_000}m` : `${Math.round(count / 1000)}k`;
  const csv = path.join(DATA_DIR, `import-${label}.csv`);
  const appDb = path.join(DATA_DIR, `import-${label}-app.db`);
  const floorDb = path.join(DATA_DIR, `import-${label}-floor.db`);
  const dataDir = path.join(DATA_DIR, `import-${label}-files`);
  const out = path.resolve(
    argValue('--out') ?? path.join(BENCH_DIR, profile ? 'RESULTS-import-profile.md' : 'RESULTS-import.md'),
  );
  const log = (line: string) => console.log(`[import] ${line}`);

  let csvSeconds = 0;
  if (!fs.existsSync(csv) || hasFlag('--new-csv')) {
    const started = performance.now();
    await writeCsv(`${csv}.tmp`, generateCustomers({ seed, count }));
    fs.renameSync(`${csv}.tmp`, csv);
    csvSeconds = seconds(started);
    log(`wrote ${path.relative(process.cwd(), csv)} in ${csvSeconds.toFixed(1)} s`);
  }
  const csvBytes = fs.statSync(csv).size;
  log(
    `${count.toLocaleString('en')} rows, ${formatBytes(csvBytes)}; app import${profile ? ' (profiled)' : ''}…`,
  );
  const app = await appImport({ csv, db: appDb, dataDir, count, profile });
  log(
    `app: ${fmt(app.rowsPerSecond, 0)} rows/s (${app.totalSeconds.toFixed(1)} s), peak RSS ${formatBytes(app.peakRss)}, ` +
      `${JSON.stringify(app.counts)} ${app.status}${app.error ? ` ${app.error}` : ''}`,
  );
  const floor = hasFlag('--skip-floor') ? undefined : await floorImport({ csv, db: floorDb });
  if (floor) log(`floor: ${fmt(floor.rowsPerSecond, 0)} rows/s (${floor.seconds.toFixed(1)} s)`);

  const goal = 50_000;
  const lines = [
    '# Import benchmark',
    '',
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC by \`bench/import.ts\` (see bench/README.md).`,
    '',
    ...machineLines(),
    `- Command: \`npx tsx bench/import.ts ${process.argv.slice(2).join(' ')}\``,
    `- CSV: ${count.toLocaleString('en')} generated customers (seed ${seed}), ${HEADERS.length} columns with Chinese headers, ${formatBytes(csvBytes)}, UTF-8 with BOM`,
    '- App: `imports.upload` (read stream) → `start` (suggested mapping, duplicate policy `skip`) → `jobs.drain()`,' +
      ' on a fresh SQLite file (WAL, synchronous=FULL, as `openDatabase` opens it).',
    '- Floor: the same CSV through the same parser (csv-parse), rows inserted unchanged into a fresh copy of the schema' +
      ' with better-sqlite3 prepared statements, 10k per transaction (customers, first contact, tags; no normalisation,' +
      ' duplicate check, FTS, identities or audit).',
    '',
    '## Results',
    '',
    '| measure | value |',
    '|---|---:|',
    `| upload (store the file) | ${app.uploadSeconds.toFixed(1)} s |`,
    `| start | ${(app.startSeconds * 1000).toFixed(0)} ms |`,
    `| job (drain) | ${app.drainSeconds.toFixed(1)} s |`,
    `| **app: rows/s (upload + start + job)** | **${fmt(app.rowsPerSecond, 0)}** |`,
    `| app peak RSS (sampled every 200 ms) | ${formatBytes(app.peakRss)} |`,
    `| created / updated / skipped / failed | ${app.counts.created.toLocaleString('en')} / ${app.counts.updated} / ${app.counts.skipped.toLocaleString('en')} / ${app.counts.failed.toLocaleString('en')} |`,
    `| import status | ${app.status}${app.error ? ` (${app.error})` : ''} |`,
    `| rows written | ${Object.entries(app.tableRows)
      .map(([table, rows]) => `${table} ${rows.toLocaleString('en')}`)
      .join(', ')} |`,
    `| database file | ${formatBytes(app.dbBytes)} |`,
    ...(floor
      ? [
          `| floor: rows/s (parse + insert) | ${fmt(floor.rowsPerSecond, 0)} (${floor.seconds.toFixed(1)} s; parsing alone ${floor.parseOnlySeconds.toFixed(1)} s) |`,
          `| **app / floor** | **${(app.rowsPerSecond / floor.rowsPerSecond).toFixed(3)}** (floor ${(floor.rowsPerSecond / app.rowsPerSecond).toFixed(1)}× faster) |`,
        ]
      : []),
    `| goal ≥ ${goal.toLocaleString('en')} rows/s | ${app.rowsPerSecond >= goal ? '✅ met' : '❌ missed'} |`,
    `| goal: a ${count.toLocaleString('en')}-row file does not run out of memory | ${app.status === 'succeeded' ? `✅ (peak ${formatBytes(app.peakRss)})` : '❌'} |`,
    '',
  ];
  if (profile) {
    const total = app.totalSeconds * 1000;
    lines.push(
      '## Where the time goes (`--profile`)',
      '',
      `Inclusive times of wrapped functions (nested: the SQL rows are inside the service rows), of ${(total / 1000).toFixed(1)} s total with the wrappers on.`,
      '',
      '| function | total s | share | calls |',
      '|---|---:|---:|---:|',
      ...[...timings.entries()]
        .sort((a, b) => b[1].ms - a[1].ms)
        .map(
          ([name, entry]) =>
            `| ${name} | ${(entry.ms / 1000).toFixed(2)} | ${((entry.ms / total) * 100).toFixed(1)}% | ${entry.calls.toLocaleString('en')} |`,
        ),
      '',
    );
  }
  writeResults(out, lines.join('\n'));
  log(`wrote ${path.relative(process.cwd(), out)}`);
  if (!hasFlag('--keep')) {
    removeDatabase(floorDb);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
