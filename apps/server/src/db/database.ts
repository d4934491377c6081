import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { DialectName } from './dialect';
import type { Database } from './schema';

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: DialectName;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** `postgres://…` selects PostgreSQL; otherwise SQLite at `sqlitePath`. */
  databaseUrl?: string;
  sqlitePath: string;
}

const toIso = (value: string) => new Date(value).toISOString();

/** PostgreSQL types parsed the way SQLite returns them, so mappers see one shape. */
const postgresTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 1184 || oid === 1114) return toIso; // timestamptz, timestamp
    if (oid === 1082) return (value: string) => value; // date stays YYYY-MM-DD
    if (oid === 20) return (value: string) => Number.parseInt(value, 10); // int8 (counts)
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

export function openDatabase(options: DatabaseOptions): DatabaseHandle {
  if (options.databaseUrl?.startsWith('postgres')) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10, types: postgresTypes });
    // An idle connection that the server ends (restart, failover) must not crash the process:
    // the pool drops it and opens a new one on the next query.
    pool.on('error', (error) => console.error('PostgreSQL connection lost:', error.message));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', close: () => db.destroy() };
  }
  fs.mkdirSync(path.dirname(options.sqlitePath), { recursive: true });
  const sqlite = new SqliteDatabase(options.sqlitePath);
  sqlite.pragma('journal_mode = WAL');
  // better-sqlite3 defaults to NORMAL, which can lose the last commits on power loss (DESIGN.md §6).
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('cache_size = -65536');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}

/**
 * Kysely's SQLite driver prepares every statement on every execution; the same few hundred SQL
 * texts repeat, so prepared statements are kept (bounded, oldest out). Measured +7–12% req/s on a
 * list page (bench/RESULTS.md). Not safe with `.stream()` over the same SQL twice at once: the
 * app streams nowhere yet; a future streaming export must prepare its own statement.
 */
function withStatementCache(sqlite: SqliteDatabase.Database, size = 500): SqliteDatabase.Database {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return new Proxy(sqlite, {
    get(target, key) {
      if (key === 'prepare') {
        return (source: string) => {
          let statement = cache.get(source);
          if (!statement) {
            statement = target.prepare(source);
            if (cache.size >= size) cache.delete(cache.keys().next().value as string);
            cache.set(source, statement);
          }
          return statement;
        };
      }
      const value = Reflect.get(target, key);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
