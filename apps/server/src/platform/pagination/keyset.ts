import { type Expression, type SelectQueryBuilder, type SqlBool, sql } from 'kysely';
import { type CursorValue, decodeCursor, encodeCursor } from './cursor';

export interface KeysetSort {
  /** Qualified column of the sort key, e.g. `c.updated_at`. */
  column: string;
  /** Name of that column in the selected rows, e.g. `updated_at`. */
  key: string;
  direction: 'asc' | 'desc';
  /** Nullable keys sort NULLs last in both directions. */
  nullable: boolean;
  /** Qualified unique tie-breaker, e.g. `c.id`; selected as `id`. */
  idColumn: string;
}

interface Part {
  where: Expression<SqlBool>;
  orderBy: Array<[string, 'asc' | 'desc']>;
}

/**
 * Keyset pages as index-friendly parts. On SQLite a row-value comparison `(col, id) > (?, ?)` seeks
 * only on `col`, so each part is a plain range that the (col, id) index serves, concatenated with
 * one after the other (9× faster at 1M rows than the row value, DESIGN.md §6); NULL keys form a last
 * part of their own.
 */
function keysetParts(sort: KeysetSort, after: [CursorValue, string] | undefined): Part[] {
  const col = sql.ref(sort.column);
  const id = sql.ref(sort.idColumn);
  const cmp = sql.raw(sort.direction === 'asc' ? '>' : '<');
  const valueOrder: Array<[string, 'asc' | 'desc']> = [
    [sort.column, sort.direction],
    [sort.idColumn, sort.direction],
  ];
  const nullOrder: Array<[string, 'asc' | 'desc']> = [[sort.idColumn, sort.direction]];
  const nullPart = (where: Expression<SqlBool>): Part => ({ where, orderBy: nullOrder });

  if (!after) {
    if (!sort.nullable) return [{ where: sql<SqlBool>`1 = 1`, orderBy: valueOrder }];
    return [
      { where: sql<SqlBool>`${col} is not null`, orderBy: valueOrder },
      nullPart(sql<SqlBool>`${col} is null`),
    ];
  }
  const [value, lastId] = after;
  if (value === null) return [nullPart(sql<SqlBool>`${col} is null and ${id} ${cmp} ${lastId}`)];
  const parts: Part[] = [
    { where: sql<SqlBool>`${col} = ${value} and ${id} ${cmp} ${lastId}`, orderBy: nullOrder },
    { where: sql<SqlBool>`${col} ${cmp} ${value}`, orderBy: valueOrder },
  ];
  if (sort.nullable) parts.push(nullPart(sql<SqlBool>`${col} is null`));
  return parts;
}

export interface KeysetPage<Row> {
  rows: Row[];
  nextCursor: string | null;
}

/**
 * Runs one keyset page. `base` must return a fresh query with every filter applied and the page's
 * columns selected (including the sort key and `id`).
 */
export async function keysetPage<DB, TB extends keyof DB, O extends Record<string, unknown>>(
  base: () => SelectQueryBuilder<DB, TB, O>,
  sort: KeysetSort,
  page: { limit: number; cursor?: string },
): Promise<KeysetPage<O>> {
  const after = page.cursor ? (decodeCursor(page.cursor, 2) as [CursorValue, string]) : undefined;
  const parts = keysetParts(sort, after);
  const take = page.limit + 1;
  const partQuery = (part: Part) => {
    let query = base().where(() => part.where);
    for (const [column, direction] of part.orderBy) query = query.orderBy(sql.ref(column), direction);
    return query.limit(take);
  };

  // Parts run one by one until the page is full: each is a single index range scan, and the
  // order of the concatenation is ours (no reliance on how a planner orders UNION ALL branches).
  const rows: O[] = [];
  for (const part of parts) {
    if (rows.length >= take) break;
    rows.push(
      ...(await partQuery(part)
        .limit(take - rows.length)
        .execute()),
    );
  }

  const more = rows.length > page.limit;
  const pageRows = rows.slice(0, page.limit);
  const last = pageRows.at(-1) as Record<string, unknown> | undefined;
  const nextCursor =
    more && last ? encodeCursor([(last[sort.key] as CursorValue) ?? null, String(last.id)]) : null;
  return { rows: pageRows, nextCursor };
}
