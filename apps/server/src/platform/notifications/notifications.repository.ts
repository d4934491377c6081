import type { Insertable, Kysely } from 'kysely';
import type { Database, NotificationsTable } from '../../db/schema';

export class NotificationsRepository {
  /** Inserts, or does nothing when the user already has one with the same dedupe key. */
  async insert(executor: Kysely<Database>, rows: Array<Insertable<NotificationsTable>>) {
    for (let start = 0; start < rows.length; start += 300) {
      await executor
        .insertInto('notifications')
        .values(rows.slice(start, start + 300))
        .onConflict((oc) =>
          oc.columns(['user_id', 'dedupe_key']).where('dedupe_key', 'is not', null).doNothing(),
        )
        .execute();
    }
  }

  list(executor: Kysely<Database>, userId: string, beforeId: string | undefined, limit: number) {
    let query = executor
      .selectFrom('notifications')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('id', 'desc')
      .limit(limit);
    if (beforeId) query = query.where('id', '<', beforeId);
    return query.execute();
  }

  async unread(executor: Kysely<Database>, userId: string): Promise<number> {
    const row = await executor
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async markRead(executor: Kysely<Database>, userId: string, ids: string[] | 'all', at: string) {
    let query = executor
      .updateTable('notifications')
      .set({ read_at: at })
      .where('user_id', '=', userId)
      .where('read_at', 'is', null);
    if (ids !== 'all') query = query.where('id', 'in', ids.length > 0 ? ids : ['']);
    await query.execute();
  }
}
