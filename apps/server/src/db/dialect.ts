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

/**
 * A value inside a JSON text column (custom fields), compared as text, number or boolean. `key` is
 * a custom field key (`[a-z][a-z0-9_]*`, checked by its schema), bound as a parameter either way.
 */
export function jsonValueEquals(
  dialect: DialectName,
  column: string,
  key: string,
  value: string | number | boolean,
): Expression<SqlBool> {
  if (dialect === 'postgres') {
    return sql<SqlBool>`(${sql.ref(column)}::jsonb ->> ${key}) = ${String(value)}`;
  }
  const stored = typeof value === 'boolean' ? (value ? 1 : 0) : value;
  return sql<SqlBool>`json_extract(${sql.ref(column)}, ${`$.${key}`}) = ${stored}`;
}

export function jsonNumberCompare(
  dialect: DialectName,
  column: string,
  key: string,
  operator: '>=' | '<=',
  value: number,
): Expression<SqlBool> {
  const op = sql.raw(operator);
  if (dialect === 'postgres') {
    return sql<SqlBool>`(${sql.ref(column)}::jsonb ->> ${key})::numeric ${op} ${value}`;
  }
  return sql<SqlBool>`json_extract(${sql.ref(column)}, ${`$.${key}`}) ${op} ${value}`;
}

/** A JSON array inside the column (a multi-select value) holds `value`. */
export function jsonArrayContains(dialect: DialectName, column: string, key: string, value: string) {
  if (dialect === 'postgres') {
    return sql<SqlBool>`jsonb_exists(${sql.ref(column)}::jsonb -> ${key}, ${value})`;
  }
  return sql<SqlBool>`exists (select 1 from json_each(${sql.ref(column)}, ${`$.${key}`}) j where j.value = ${value})`;
}
