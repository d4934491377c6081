import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Actor } from './actor';

/**
 * The data-scope predicate for a record with an owner and a department, applied inside the SQL
 * (never by filtering after fetching). Columns are passed as references such as `c.owner_id`.
 */
export function dataScopeFilter<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  actor: Actor,
  columns: { owner: string; department: string; unindexed?: boolean },
): Expression<SqlBool> {
  // SQLite: `+column` keeps that column's index out of the plan, so that a sort index can drive.
  const plus = sql.raw(columns.unindexed ? '+' : '');
  const owner = sql`${plus}${sql.ref(columns.owner)}`;
  const department = sql`${plus}${sql.ref(columns.department)}`;
  const own = sql<SqlBool>`${owner} = ${actor.id}`;
  if (actor.isAdmin) return sql<SqlBool>`1 = 1`;
  switch (actor.dataScope) {
    case 'all':
      return sql<SqlBool>`1 = 1`;
    case 'own':
      return own;
    case 'own_and_subordinates':
      return sql<SqlBool>`${owner} in (
        with recursive subordinates(id) as (
          select ${actor.id}
          union
          select u.id from users u join subordinates s on u.manager_id = s.id
        )
        select id from subordinates)`;
    case 'department':
      if (!actor.departmentId) return own;
      return eb.or([own, sql<SqlBool>`${department} = ${actor.departmentId}`]);
    case 'department_and_below':
      if (!actor.departmentPath) return own;
      return eb.or([
        own,
        sql<SqlBool>`${department} in (select d.id from departments d where d.path like ${`${actor.departmentPath}%`})`,
      ]);
  }
}
