export type DialectName = 'sqlite' | 'postgres';

/** Case-insensitive LIKE: SQLite's LIKE already folds ASCII case; PostgreSQL needs ILIKE. */
export const likeOperator = (dialect: DialectName) => (dialect === 'postgres' ? 'ilike' : 'like');

/** Escapes LIKE wildcards in user input (used with `ESCAPE '\'`). */
export const escapeLike = (value: string) => value.replace(/[\\%_]/g, (char) => `\\${char}`);
