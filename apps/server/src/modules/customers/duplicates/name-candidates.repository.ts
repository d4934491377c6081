import { type Kysely, sql } from 'kysely';
import type { DialectName } from '../../../db/dialect';
import type { Database } from '../../../db/schema';
import { ftsPhrase, nameGrams } from '../../../platform/search/search-text';

export interface NameCandidate {
  id: string;
  name: string;
  name_key: string | null;
  owner_id: string | null;
  department_id: string | null;
}

/** How many rows one gram may contribute: bounds the work whatever the name. */
const perGramLimit = 500;
/** The rarest grams of a name that are looked up … */
const gramsLooked = 4;
/** … until this many candidates are found (each is scored: ~10 µs). */
const maxCandidates = 800;

/**
 * Customers whose name might be like `key`, for scoring in the service. Blocking, so that a check
 * costs the same at 1M customers: SQLite looks names up by the key's rarest bigrams (the ones
 * with the fewest rows, read up to a limit) — a typo changes at most two bigrams of a name, so a
 * rare one usually survives; PostgreSQL uses its pg_trgm index with a low threshold. Exact key matches always
 * come first, whatever the grams say.
 */
export class NameCandidatesRepository {
  constructor(private readonly dialect: DialectName) {}

  async find(
    executor: Kysely<Database>,
    key: string,
    excludeId: string | undefined,
  ): Promise<NameCandidate[]> {
    const exact = await this.select(executor, excludeId).where('c.name_key', '=', key).limit(20).execute();
    const fuzzy =
      this.dialect === 'postgres'
        ? await this.postgres(executor, key, excludeId)
        : await this.sqlite(executor, key, excludeId);
    const seen = new Set(exact.map((row) => row.id));
    return [...exact, ...fuzzy.filter((row) => !seen.has(row.id))];
  }

  private select(executor: Kysely<Database>, excludeId: string | undefined) {
    let query = executor
      .selectFrom('customers as c')
      .select(['c.id', 'c.name', 'c.name_key', 'c.owner_id', 'c.department_id'])
      .where('c.deleted_at', 'is', null);
    if (excludeId) query = query.where('c.id', '!=', excludeId);
    return query;
  }

  private async sqlite(executor: Kysely<Database>, key: string, excludeId: string | undefined) {
    const bigrams = nameGrams(key)
      .split(' ')
      .filter((gram) => Array.from(gram).length === 2);
    const grams = bigrams.length > 0 ? bigrams : nameGrams(key).split(' ').filter(Boolean);
    if (grams.length === 0) return [];
    // Each gram's first rows tell how rare it is: a rare gram has fewer than the limit. (fts5vocab
    // counts a gram's documents by reading its whole list: 80 ms for 科技 at 1M customers.)
    const found = [];
    for (const gram of new Set(grams)) {
      const rows = await sql<{
        rowid: number;
      }>`select rowid from customer_grams where grams match ${ftsPhrase(gram)} limit ${perGramLimit + 1}`.execute(
        executor,
      );
      if (rows.rows.length > 0) found.push(rows.rows);
    }
    const seqs = new Set<number>();
    // Rare grams when there are any: the first rows of 科技 are arbitrary, not candidates.
    const rare = found.filter((rows) => rows.length <= perGramLimit);
    for (const rows of (rare.length > 0 ? rare : found)
      .sort((a, b) => a.length - b.length)
      .slice(0, gramsLooked)) {
      if (seqs.size >= maxCandidates) break; // the rarest grams have given enough
      for (const row of rows.slice(0, perGramLimit)) seqs.add(-row.rowid);
    }
    if (seqs.size === 0) return [];
    return this.select(executor, excludeId)
      .where('c.seq', 'in', [...seqs])
      .execute();
  }

  private async postgres(executor: Kysely<Database>, key: string, excludeId: string | undefined) {
    // `%` uses the GIN index at the connection's threshold (pg_trgm scores short CJK names with a
    // typo ~0.25): set it on the connection that runs the query.
    const run = async (db: Kysely<Database>) => {
      await sql`select set_limit(0.2)`.execute(db);
      return this.select(db, excludeId)
        .where(sql<boolean>`c.name_key % ${key}`)
        .orderBy(sql`similarity(c.name_key, ${key})`, 'desc')
        .limit(perGramLimit)
        .execute();
    };
    return executor.isTransaction ? run(executor) : executor.connection().execute(run);
  }
}
