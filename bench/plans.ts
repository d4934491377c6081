/**
 * The SQL the app really runs for a list request, statement by statement: captured from Kysely's
 * log while calling the customers service directly, then timed and explained (EXPLAIN QUERY PLAN)
 * with better-sqlite3 on the same file.
 */

import { customerListQuerySchema } from '@kehu/contracts';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from '../apps/server/src/db/schema';
import { createServices } from '../apps/server/src/modules/services';

export interface StatementPlan {
  sql: string;
  parameters: readonly unknown[];
  /** Median of several runs, in milliseconds. */
  medianMs: number;
  plan: string[];
}

export interface ScenarioPlan {
  name: string;
  statements: StatementPlan[];
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

/** `search` is the query string of the request, e.g. `limit=50&q=科技`; `userEmail` acts. */
export async function explainScenarios(
  file: string,
  scenarios: Array<{ name: string; search: string; userEmail: string }>,
  runs = 15,
): Promise<ScenarioPlan[]> {
  const sqlite = new SqliteDatabase(file, { readonly: true });
  sqlite.pragma('cache_size = -65536');
  let captured: Array<{ sql: string; parameters: readonly unknown[] }> = [];
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: sqlite }),
    log: (event) => {
      if (event.level === 'query') {
        captured.push({ sql: event.query.sql, parameters: event.query.parameters });
      }
    },
  });
  const services = createServices({ db, dialect: 'sqlite', close: () => db.destroy() }, () => new Date());
  const results: ScenarioPlan[] = [];
  try {
    for (const scenario of scenarios) {
      const user = sqlite.prepare('select id from users where email = ?').get(scenario.userEmail) as
        | { id: string }
        | undefined;
      const actor = user ? await services.sessions.actorForUser(db, user.id) : undefined;
      if (!actor) throw new Error(`no user ${scenario.userEmail}`);
      const query = customerListQuerySchema.parse(Object.fromEntries(new URLSearchParams(scenario.search)));
      captured = [];
      await services.customers.list(actor, query);
      const statements = captured.map(({ sql, parameters }) => {
        const statement = sqlite.prepare(sql);
        const args = parameters as unknown[];
        const times: number[] = [];
        for (let run = 0; run < runs; run++) {
          const started = performance.now();
          statement.all(...args);
          times.push(performance.now() - started);
        }
        const rows = sqlite.prepare(`explain query plan ${sql}`).all(...args) as Array<{
          id: number;
          parent: number;
          detail: string;
        }>;
        const depth = new Map<number, number>([[0, 0]]);
        const plan = rows.map((row) => {
          const level = (depth.get(row.parent) ?? 0) + 1;
          depth.set(row.id, level);
          return `${'  '.repeat(level - 1)}${row.detail}`;
        });
        return { sql, parameters, medianMs: median(times), plan };
      });
      results.push({ name: scenario.name, statements });
    }
  } finally {
    await db.destroy();
  }
  return results;
}
