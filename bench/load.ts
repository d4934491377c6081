/**
 * Bulk-loads a fresh SQLite database for the benchmark: the app's own migrations and setup service
 * for the organisation and its users, then N generated customers (with contacts, tags and the FTS5
 * search rows) written with better-sqlite3 prepared statements, ~10k customers per transaction.
 *
 *   npx tsx bench/load.ts [--count 1000000] [--seed 1] [--file bench/data/bench-1m.db] [--indexes-first]
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import SqliteDatabase from 'better-sqlite3';
import { openDatabase } from '../apps/server/src/db/database';
import { migrateToLatest } from '../apps/server/src/db/migrate';
import {
  DEFAULT_UNTIL,
  type GeneratedCustomer,
  generateCustomers,
  recordState,
} from '../apps/server/src/demo/customer-generator';
import { createServices } from '../apps/server/src/modules/services';
import { newId } from '../apps/server/src/platform/ids';
import { nameGrams, searchDocument } from '../apps/server/src/platform/search/search-text';
import { argValue, formatBytes, hasFlag } from './bench-util';

export const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
export const DATA_DIR = path.join(BENCH_DIR, 'data');
export const BENCH_ADMIN = { email: 'admin@bench.kehu.local', password: 'bench-admin-password' };
export const BENCH_REP_PASSWORD = 'bench-rep-password';

/** Regions and reps: customers are spread over 4 departments × (1 manager + 5 reps). */
const REGIONS = ['华东大区', '华南大区', '华北大区', '西南大区'];
const REPS_PER_REGION = 5;

export interface LoadOptions {
  file: string;
  count: number;
  seed: number;
  /** Customers per transaction. */
  batchSize?: number;
  /** Keep the secondary indexes during the load instead of rebuilding them after. */
  indexesFirst?: boolean;
  /** Share of customers in the recycle bin. */
  deletedShare?: number;
  /** The customers to write instead of `generateCustomers({ seed, count })` (bench/dup-scan.ts). */
  records?: () => Iterable<GeneratedCustomer>;
  log?: (line: string) => void;
}

export interface LoadResult {
  file: string;
  seed: number;
  customers: number;
  contacts: number;
  tags: number;
  /** All rows written: customers, contacts, tags and both FTS5 tables. */
  rows: number;
  insertSeconds: number;
  indexSeconds: number;
  totalSeconds: number;
  customersPerSecond: number;
  rowsPerSecond: number;
  indexesFirst: boolean;
  fileBytes: number;
  admin: { email: string; password: string };
  reps: Array<{ id: string; email: string; departmentId: string }>;
  loadedAt: string;
}

export const sidecarOf = (file: string) => file.replace(/\.db$/, '.json');

/** The app's own first-run setup, departments and users (argon2-hashed passwords and all). */
export async function setupOrganisation(file: string) {
  const handle = openDatabase({ sqlitePath: file });
  try {
    await migrateToLatest(handle);
    const services = createServices(handle, () => new Date());
    const organisation = await handle.db.transaction().execute(async (trx) => {
      const { adminUserId, roleIds, rootDepartmentId } = await services.setup.createOrganization(trx, {
        organizationName: '客户基准测试有限公司',
        adminName: '基准管理员',
        adminEmail: BENCH_ADMIN.email,
        adminPassword: BENCH_ADMIN.password,
        locale: 'zh-CN',
      });
      const reps: LoadResult['reps'] = [];
      for (const [regionIndex, region] of REGIONS.entries()) {
        const departmentId = await services.departments.createUnchecked(trx, {
          name: region,
          parentId: rootDepartmentId,
        });
        const managerEmail = `manager${regionIndex + 1}@bench.kehu.local`;
        const managerId = await services.users.createUnchecked(trx, {
          email: managerEmail,
          name: `${region}经理`,
          password: BENCH_REP_PASSWORD,
          roleId: roleIds.manager,
          departmentId,
        });
        reps.push({ id: managerId, email: managerEmail, departmentId });
        for (let rep = 1; rep <= REPS_PER_REGION; rep++) {
          const email = `rep${regionIndex + 1}${rep}@bench.kehu.local`;
          const id = await services.users.createUnchecked(trx, {
            email,
            name: `${region}销售${rep}`,
            password: BENCH_REP_PASSWORD,
            roleId: roleIds.rep,
            departmentId,
            managerId,
          });
          reps.push({ id, email, departmentId });
        }
      }
      return { adminUserId, reps };
    });
    // A filterable custom field, as an administrator defines it (its expression index included).
    const admin = await services.sessions.actorForUser(handle.db, organisation.adminUserId);
    if (!admin) throw new Error('no bench admin');
    await services.customFields.create(admin, {
      entity: 'customer',
      key: BENCH_TIER_FIELD,
      label: '客户等级',
      type: 'select',
      options: [
        { value: 'vip', label: 'VIP' },
        { value: 'key', label: '重点' },
        { value: 'normal', label: '普通' },
      ],
      filterable: true,
    });
    await services.customFieldIndexes.reconcile();
    return organisation;
  } finally {
    await handle.close();
  }
}

/** `create index` statements of the big tables' secondary indexes, as the migration made them. */
function secondaryIndexes(db: SqliteDatabase.Database): Array<{ name: string; sql: string }> {
  return db
    .prepare(
      `select name, sql from sqlite_master
        where type = 'index' and sql is not null and tbl_name in ('customers', 'contacts', 'customer_tags')
        order by name`,
    )
    .all() as Array<{ name: string; sql: string }>;
}

const unitInterval = (seed: number, index: number) => recordState(seed, index) / 4_294_967_296;

/** A select custom field on every customer: ~0.1 % VIP (a rare filter value), ~5 % key accounts. */
export const BENCH_TIER_FIELD = 'tier';
const tierOf = (seed: number, index: number) => {
  const u = unitInterval(seed + 9, index);
  return u < 0.001 ? 'vip' : u < 0.05 ? 'key' : 'normal';
};

export async function loadBenchDatabase(options: LoadOptions): Promise<LoadResult> {
  const log = options.log ?? (() => {});
  const batchSize = options.batchSize ?? 10_000;
  const deletedShare = options.deletedShare ?? 0.01;
  const started = performance.now();
  fs.mkdirSync(path.dirname(options.file), { recursive: true });
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(options.file + suffix, { force: true });

  const { reps } = await setupOrganisation(options.file);
  log(`organisation, ${REGIONS.length} departments and ${reps.length} managers/reps created`);

  const db = new SqliteDatabase(options.file);
  // A fresh file that nobody reads yet: no journal, no fsync, big cache; WAL is restored at the end.
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('foreign_keys = OFF');
  db.pragma('cache_size = -1048576');
  db.pragma('temp_store = MEMORY');

  const indexes = secondaryIndexes(db);
  if (!options.indexesFirst) {
    for (const index of indexes) db.exec(`drop index ${index.name}`);
    log(`dropped ${indexes.length} secondary indexes: ${indexes.map((index) => index.name).join(', ')}`);
  }

  const insertCustomer = db.prepare(
    `insert into customers (seq, id, kind, name, type, level, industry, source, province, city, district,
       address, phones, email, website, notes, owner_id, department_id, last_follow_up_at, custom, version,
       created_at, created_by, updated_at, updated_by, deleted_at, deleted_by)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?, 1, ?, ?, ?, ?, ?, ?)`,
  );
  const insertTag = db.prepare('insert into customer_tags (customer_id, tag) values (?, ?)');
  const insertContact = db.prepare(
    `insert into contacts (id, customer_id, name, title, mobile, phone, email, wechat, birthday, notes,
       is_primary, custom, version, created_at, created_by, updated_at, updated_by, deleted_at, deleted_by)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?, '{}', 1, ?, ?, ?, ?, null, null)`,
  );
  const insertSearch = db.prepare('insert into customer_search (rowid, text) values (?, ?)');
  const insertGrams = db.prepare('insert into customer_grams (rowid, grams) values (?, ?)');
  // The generator's window ends at DEFAULT_UNTIL; edits happen before it too (reproducible loads).
  const untilMs = Date.parse(DEFAULT_UNTIL);

  let contacts = 0;
  let tags = 0;
  const writeBatch = db.transaction((batch: Array<{ seq: number; record: GeneratedCustomer }>) => {
    for (const { seq, record } of batch) {
      const index = seq - 1;
      const id = newId();
      const owner = reps[recordState(options.seed + 1, index) % reps.length] as LoadResult['reps'][number];
      // What the service writes on create (emails lower-cased, phones as JSON), then later edits and
      // deletions: updated_at somewhere between creation and now.
      const createdMs = Date.parse(record.createdAt);
      const edited = unitInterval(options.seed + 2, index) < 0.6;
      const updatedAt = edited
        ? new Date(
            createdMs + Math.floor(unitInterval(options.seed + 3, index) * (untilMs - createdMs)),
          ).toISOString()
        : record.createdAt;
      const deleted = unitInterval(options.seed + 4, index) < deletedShare;
      const email = record.email?.toLowerCase() ?? null;
      insertCustomer.run(
        seq,
        id,
        record.kind,
        record.name,
        record.type,
        record.level,
        record.industry || null,
        record.source || null,
        record.province || null,
        record.city || null,
        record.district || null,
        record.address || null,
        JSON.stringify(record.phones),
        email,
        record.website,
        record.notes || null,
        owner.id,
        owner.departmentId,
        JSON.stringify({ [BENCH_TIER_FIELD]: tierOf(options.seed, index) }),
        record.createdAt,
        owner.id,
        updatedAt,
        owner.id,
        deleted ? updatedAt : null,
        deleted ? owner.id : null,
      );
      for (const tag of new Set(record.tags)) {
        insertTag.run(id, tag);
        tags++;
      }
      for (const contact of record.contacts) {
        insertContact.run(
          newId(),
          id,
          contact.name,
          contact.title || null,
          contact.mobile || null,
          contact.phone || null,
          contact.email?.toLowerCase() ?? null,
          contact.wechat || null,
          contact.birthday,
          contact.isPrimary ? 1 : 0,
          record.createdAt,
          owner.id,
          record.createdAt,
          owner.id,
        );
        contacts++;
      }
      // As the app writes them: FTS rowid = -seq (newest first reads the doclists ascending).
      insertSearch.run(-seq, searchDocument({ name: record.name, email, phones: record.phones }));
      insertGrams.run(-seq, nameGrams(record.name));
    }
  });

  const insertStarted = performance.now();
  let batch: Array<{ seq: number; record: GeneratedCustomer }> = [];
  let seq = 0;
  let lastLog = insertStarted;
  for (const record of options.records?.() ??
    generateCustomers({ seed: options.seed, count: options.count })) {
    seq++;
    batch.push({ seq, record });
    if (batch.length === batchSize) {
      writeBatch(batch);
      batch = [];
      if (performance.now() - lastLog > 10_000) {
        lastLog = performance.now();
        const seconds = (lastLog - insertStarted) / 1000;
        log(`${seq.toLocaleString('en')} customers, ${Math.round(seq / seconds).toLocaleString('en')}/s`);
      }
    }
  }
  if (batch.length > 0) writeBatch(batch);
  const insertSeconds = (performance.now() - insertStarted) / 1000;
  log(`inserted ${seq.toLocaleString('en')} customers in ${insertSeconds.toFixed(1)} s`);

  const indexStarted = performance.now();
  if (!options.indexesFirst) {
    for (const index of indexes) db.exec(index.sql);
    log(`recreated ${indexes.length} indexes in ${((performance.now() - indexStarted) / 1000).toFixed(1)} s`);
  }
  // A bulk load leaves each FTS index in many segments; merging them once makes every search
  // cheaper (the app's import will do the same after a large import).
  const optimizeStarted = performance.now();
  db.exec(`insert into customer_search(customer_search) values ('optimize')`);
  db.exec(`insert into customer_grams(customer_grams) values ('optimize')`);
  log(`optimised the FTS indexes in ${((performance.now() - optimizeStarted) / 1000).toFixed(1)} s`);
  const indexSeconds = (performance.now() - indexStarted) / 1000;

  db.pragma('journal_mode = WAL');
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();

  const totalSeconds = (performance.now() - started) / 1000;
  const rows = seq * 3 + contacts + tags;
  const result: LoadResult = {
    file: options.file,
    seed: options.seed,
    customers: seq,
    contacts,
    tags,
    rows,
    insertSeconds,
    indexSeconds,
    totalSeconds,
    customersPerSecond: seq / (insertSeconds + indexSeconds),
    rowsPerSecond: rows / (insertSeconds + indexSeconds),
    indexesFirst: options.indexesFirst ?? false,
    fileBytes: fs.statSync(options.file).size,
    admin: BENCH_ADMIN,
    reps,
    loadedAt: new Date().toISOString(),
  };
  fs.writeFileSync(sidecarOf(options.file), `${JSON.stringify(result, null, 2)}\n`);
  return result;
}

export const defaultFileFor = (count: number) =>
  path.join(
    DATA_DIR,
    `bench-${count % 1_000_000 === 0 ? `${count / 1_000_000}m` : count % 1000 === 0 ? `${count / 1000}k` : count}.db`,
  );

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const count = Number(argValue('--count') ?? 1_000_000);
  const seed = Number(argValue('--seed') ?? 1);
  const file = path.resolve(argValue('--file') ?? defaultFileFor(count));
  const result = await loadBenchDatabase({
    file,
    count,
    seed,
    batchSize: Number(argValue('--batch') ?? 10_000),
    indexesFirst: hasFlag('--indexes-first'),
    log: (line) => console.log(`[load] ${line}`),
  });
  console.log(
    `[load] ${result.customers.toLocaleString('en')} customers, ${result.contacts.toLocaleString('en')} contacts, ` +
      `${result.tags.toLocaleString('en')} tags → ${path.relative(process.cwd(), file)} (${formatBytes(result.fileBytes)})`,
  );
  console.log(
    `[load] ${Math.round(result.customersPerSecond).toLocaleString('en')} customers/s, ` +
      `${Math.round(result.rowsPerSecond).toLocaleString('en')} rows/s ` +
      `(insert ${result.insertSeconds.toFixed(1)} s + indexes ${result.indexSeconds.toFixed(1)} s; ` +
      `${result.indexesFirst ? 'indexes kept during the load' : 'indexes rebuilt after the load'})`,
  );
}
