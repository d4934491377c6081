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

/** A table granting named users access to records they are not in scope for (team members, 协作人). */
export interface ShareTable {
  /** The shared record's id column in the outer query, e.g. `c.id`. */
  record: string;
  table: string;
  /** The column of `table` holding the record id. */
  key: string;
  /** Now, as ISO text: shares past `expires_at` no longer count. */
  at: string;
  /** Only shares with this access (e.g. `write`), or any when absent. */
  access?: string;
}

/** The data scope, widened by the records shared with the actor (`user_id`, `access`, `expires_at`). */
export function scopeWithShares<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  actor: Actor,
  columns: { owner: string; department: string; unindexed?: boolean },
  share: ShareTable,
): Expression<SqlBool> {
  const scope = dataScopeFilter(eb, actor, columns);
  if (actor.isAdmin || actor.dataScope === 'all') return scope;
  return eb.or([scope, sharedWith(actor, share)]);
}

export function sharedWith(actor: Actor, share: ShareTable): Expression<SqlBool> {
  const access = share.access ? sql` and s.access = ${share.access}` : sql``;
  return sql<SqlBool>`${sql.ref(share.record)} in (select s.${sql.ref(share.key)} from ${sql.table(share.table)} s where s.user_id = ${actor.id} and (s.expires_at is null or s.expires_at > ${share.at})${access})`;
}
