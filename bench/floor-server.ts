/**
 * Child process: the floor. A bare Fastify route with better-sqlite3 prepared statements answering
 * the same `GET /api/v1/customers` queries with the same page (rows, tags, owner and department
 * names, next cursor) — no auth, no zod, no Kysely. The app's throughput is compared with this.
 */
import type { AddressInfo } from 'node:net';
import SqliteDatabase from 'better-sqlite3';
import Fastify from 'fastify';
import { ftsPhrase, planSearch } from '../apps/server/src/platform/search/search-text';

const file = process.env.BENCH_DB;
if (!file) throw new Error('BENCH_DB is not set');

const db = new SqliteDatabase(file);
db.pragma('journal_mode = WAL');
db.pragma('busy_timeout = 5000');
db.pragma('cache_size = -65536');

const COLUMNS = `c.seq, c.id, c.kind, c.name, c.type, c.level, c.industry, c.source, c.province, c.city,
  c.district, c.address, c.phones, c.email, c.website, c.notes, c.owner_id, c.department_id,
  c.last_follow_up_at, c.version, c.created_at, c.created_by, c.updated_at, c.updated_by, c.deleted_at,
  o.name as owner_name, d.name as department_name, cb.name as created_by_name, ub.name as updated_by_name,
  (select json_group_array(tag) from (select t.tag from customer_tags t where t.customer_id = c.id order by t.tag)) as tags`;
const JOINS = `left join users o on o.id = c.owner_id
  left join departments d on d.id = c.department_id
  left join users cb on cb.id = c.created_by
  left join users ub on ub.id = c.updated_by`;

interface Row {
  seq: number;
  id: string;
  kind: string;
  name: string;
  type: string;
  level: string | null;
  industry: string | null;
  source: string | null;
  province: string | null;
  city: string | null;
  district: string | null;
  address: string | null;
  phones: string;
  email: string | null;
  website: string | null;
  notes: string | null;
  owner_id: string | null;
  department_id: string | null;
  last_follow_up_at: string | null;
  version: number;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
  deleted_at: string | null;
  owner_name: string | null;
  department_name: string | null;
  created_by_name: string | null;
  updated_by_name: string | null;
  tags: string;
}

const toDto = (row: Row) => ({
  id: row.id,
  kind: row.kind,
  name: row.name,
  type: row.type,
  level: row.level,
  industry: row.industry,
  source: row.source,
  province: row.province,
  city: row.city,
  district: row.district,
  address: row.address,
  phones: JSON.parse(row.phones) as string[],
  email: row.email,
  website: row.website,
  tags: JSON.parse(row.tags) as string[],
  notes: row.notes,
  ownerId: row.owner_id,
  ownerName: row.owner_name,
  departmentId: row.department_id,
  departmentName: row.department_name,
  lastFollowUpAt: row.last_follow_up_at,
  createdAt: row.created_at,
  createdBy: row.created_by,
  createdByName: row.created_by_name,
  updatedAt: row.updated_at,
  updatedBy: row.updated_by,
  updatedByName: row.updated_by_name,
  deletedAt: row.deleted_at,
  version: row.version,
});

const statements = new Map<string, SqliteDatabase.Statement>();
const prepared = (sql: string) => {
  let statement = statements.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    statements.set(sql, statement);
  }
  return statement;
};

const sorts: Record<string, { column: string; key: 'updated_at' | 'created_at' | 'name' }> = {
  updatedAt: { column: 'c.updated_at', key: 'updated_at' },
  createdAt: { column: 'c.created_at', key: 'created_at' },
  name: { column: 'c.name', key: 'name' },
};

const cursorOf = (values: unknown[]) => Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
const decode = (cursor: string) => JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];

interface Query {
  q?: string;
  type?: string;
  ownerId?: string;
  sort?: string;
  limit?: string;
  cursor?: string;
  /** Custom field equality filters as JSON, e.g. {"tier":"vip"}. */
  custom?: string;
}

/** Keyset page: `col = ? and id < ?` then `col < ?`, each one index range (DESIGN.md §6). */
function list(query: Query, limit: number) {
  const sortName = query.sort ?? '-updatedAt';
  const descending = sortName.startsWith('-');
  const sort = sorts[sortName.replace(/^-/, '')] ?? sorts.updatedAt;
  if (!sort) throw new Error('no sort');
  const cmp = descending ? '<' : '>';
  const direction = descending ? 'desc' : 'asc';
  const filters = ['c.deleted_at is null'];
  const parameters: unknown[] = [];
  if (query.type) {
    filters.push('c.type = ?');
    parameters.push(query.type);
  }
  if (query.ownerId) {
    filters.push('c.owner_id = ?');
    parameters.push(query.ownerId);
  }
  for (const [key, value] of Object.entries(JSON.parse(query.custom ?? '{}') as Record<string, string>)) {
    if (!/^[a-z][a-z0-9_]*$/.test(key)) throw new Error('bad custom key');
    filters.push(`json_extract(c.custom, '$.${key}') = ?`);
    parameters.push(value);
  }
  const run = (where: string, values: unknown[], orderBy: string, take: number) =>
    prepared(
      `select ${COLUMNS} from customers c ${JOINS}
        where ${[...filters, where].join(' and ')} order by ${orderBy} limit ?`,
    ).all(...parameters, ...values, take) as Row[];

  const take = limit + 1;
  let rows: Row[];
  if (!query.cursor) {
    rows = run('1 = 1', [], `${sort.column} ${direction}, c.id ${direction}`, take);
  } else {
    const [value, lastId] = decode(query.cursor);
    rows = run(`${sort.column} = ? and c.id ${cmp} ?`, [value, lastId], `c.id ${direction}`, take);
    if (rows.length < take) {
      rows.push(
        ...run(
          `${sort.column} ${cmp} ?`,
          [value],
          `${sort.column} ${direction}, c.id ${direction}`,
          take - rows.length,
        ),
      );
    }
  }
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(toDto),
    nextCursor: rows.length > limit && last ? cursorOf([last[sort.key], last.id]) : null,
  };
}

/** Search: the FTS5 table drives the loop newest first, as in the app. */
function search(query: Query, limit: number) {
  const plan = planSearch(query.q);
  if (plan.kind === 'none') return list(query, limit);
  if (plan.kind === 'email') return emailLookup(plan.email, query, limit);
  if (plan.kind !== 'gram' && plan.kind !== 'substring') return { items: [], nextCursor: null };
  const [table, column, phrase] =
    plan.kind === 'gram'
      ? ['customer_grams', 'grams', ftsPhrase(plan.gram)]
      : ['customer_search', 'text', ftsPhrase(plan.text)];
  const filters = [`f.${column} match ?`, 'c.seq = -f.rowid', 'c.deleted_at is null'];
  const parameters: unknown[] = [phrase];
  if (query.ownerId) {
    filters.push('c.owner_id = ?');
    parameters.push(query.ownerId);
  }
  if (query.cursor) {
    filters.push('f.rowid > ?');
    parameters.push(-Number(decode(query.cursor)[0]));
  }
  const rows = prepared(
    `select ${COLUMNS} from ${table} f cross join customers c ${JOINS}
      where ${filters.join(' and ')} order by f.rowid asc limit ?`,
  ).all(...parameters, limit + 1) as Row[];
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { items: page.map(toDto), nextCursor: rows.length > limit && last ? cursorOf([last.seq]) : null };
}

/** A whole email address: the email index, newest first (as the app does). */
function emailLookup(email: string, query: Query, limit: number) {
  const filters = ['c.email = ?', 'c.deleted_at is null'];
  const parameters: unknown[] = [email];
  if (query.ownerId) {
    filters.push('c.owner_id = ?');
    parameters.push(query.ownerId);
  }
  if (query.cursor) {
    filters.push('c.seq < ?');
    parameters.push(Number(decode(query.cursor)[0]));
  }
  const rows = prepared(
    `select ${COLUMNS} from customers c ${JOINS} where ${filters.join(' and ')} order by c.seq desc limit ?`,
  ).all(...parameters, limit + 1) as Row[];
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { items: page.map(toDto), nextCursor: rows.length > limit && last ? cursorOf([last.seq]) : null };
}

const app = Fastify();
app.get('/api/v1/customers', async (request) => {
  const query = request.query as Query;
  const limit = Math.min(Math.max(Number(query.limit ?? 50) || 50, 1), 200);
  return query.q ? search(query, limit) : list(query, limit);
});
app.addHook('onClose', () => db.close());

await app.listen({ host: '127.0.0.1', port: 0 });
process.send?.({ port: (app.server.address() as AddressInfo).port });
process.on('message', (message) => {
  if (message === 'stop') void app.close().then(() => process.exit(0));
});
