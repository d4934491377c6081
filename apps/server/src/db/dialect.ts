import { type Expression, type SqlBool, sql } from 'kysely';

export type DialectName = 'sqlite' | 'postgres';

/** Escapes LIKE wildcards in user input (used with `ESCAPE '\'`). */
export const escapeLike = (value: string) => value.replace(/[\\%_]/g, (char) => `\\${char}`);

/**
 * `column` contains `text`, case-insensitively, wildcards in `text` taken literally. SQLite's LIKE
 * already folds ASCII case and needs an explicit ESCAPE; PostgreSQL needs ILIKE.
 */
export function containsText(dialect: DialectName, column: string, text: string): Expression<SqlBool> {
  const operator = sql.raw(dialect === 'postgres' ? 'ilike' : 'like');
  return sql<SqlBool>`${sql.ref(column)} ${operator} ${`%${escapeLike(text)}%`} escape '\\'`;
}
