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

const fieldKeyPattern = /^[a-z][a-z0-9_]*$/;

/**
 * A custom field's value inside a JSON text column — the one expression that both the list filters
 * and the fields' expression indexes (custom-field-indexes.ts) are written with, so the planner can
 * match them: the key goes in as a literal (a bound path would not match an index). `key` is a
 * custom field key (`[a-z][a-z0-9_]*`, checked by its schema and here). Numbers compare as numbers
 * on PostgreSQL (`->>` gives text); SQLite's json_extract already gives numbers, text and 0/1.
 */
export function customValue(dialect: DialectName, column: string, key: string, numeric: boolean) {
  if (!fieldKeyPattern.test(key)) throw new Error(`not a custom field key: ${key}`);
  if (dialect === 'postgres') {
    return numeric
      ? sql`((${sql.ref(column)}::jsonb ->> ${sql.lit(key)})::numeric)`
      : sql`(${sql.ref(column)}::jsonb ->> ${sql.lit(key)})`;
  }
  return sql`json_extract(${sql.ref(column)}, ${sql.lit(`$.${key}`)})`;
}

/**
 * PostgreSQL: a multi-select custom field's array (`custom -> 'key'`), the expression its GIN index
 * is built on. The key is a literal for the same reason as in customValue.
 */
export function customArray(column: string, key: string) {
  if (!fieldKeyPattern.test(key)) throw new Error(`not a custom field key: ${key}`);
  return sql`(${sql.ref(column)}::jsonb -> ${sql.lit(key)})`;
}

/** A custom field's value equals `value` (text, number or boolean). */
export function jsonValueEquals(
  dialect: DialectName,
  column: string,
  key: string,
  value: string | number | boolean,
): Expression<SqlBool> {
  const numeric = typeof value === 'number';
  return sql<SqlBool>`${customValue(dialect, column, key, numeric)} = ${storedForm(dialect, value)}`;
}

/** How a JSON value reads back: `->>` gives PostgreSQL text ('true'), json_extract gives SQLite 1/0. */
function storedForm(dialect: DialectName, value: string | number | boolean): string | number {
  if (typeof value === 'number') return value;
  if (dialect === 'postgres') return String(value);
  return typeof value === 'boolean' ? Number(value) : value;
}

/** A numeric custom field's value is at least / at most `value`. */
export function jsonNumberCompare(
  dialect: DialectName,
  column: string,
  key: string,
  operator: '>=' | '<=',
  value: number,
): Expression<SqlBool> {
  return sql<SqlBool>`${customValue(dialect, column, key, true)} ${sql.raw(operator)} ${value}`;
}

/** A JSON array inside the column (a multi-select value) holds `value`. */
export function jsonArrayContains(dialect: DialectName, column: string, key: string, value: string) {
  if (dialect === 'postgres') {
    // `@>` on the same expression as the field's GIN index (customArray), so the index serves it.
    return sql<SqlBool>`${customArray(column, key)} @> cast(${JSON.stringify([value])} as jsonb)`;
  }
  return sql<SqlBool>`exists (select 1 from json_each(${sql.ref(column)}, ${`$.${key}`}) j where j.value = ${value})`;
}
