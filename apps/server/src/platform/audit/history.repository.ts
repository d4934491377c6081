import type { HistoryEntry } from '@kehu/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { decodeCursor, encodeCursor } from '../pagination/cursor';

/** A record's history, newest first; ids are UUIDv7 so they order by time. */
export async function listHistory(
  executor: Kysely<Database>,
  entityType: string,
  entityId: string,
  page: { limit: number; cursor?: string },
): Promise<{ items: HistoryEntry[]; nextCursor: string | null }> {
  let query = executor
    .selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.actor_id')
    .select([
      'a.id',
      'a.entity_type',
      'a.entity_id',
      'a.action',
      'a.actor_id',
      'a.at',
      'a.changes',
      'u.name as actor_name',
    ])
    .where('a.entity_type', '=', entityType)
    .where('a.entity_id', '=', entityId)
    .orderBy('a.id', 'desc')
    .limit(page.limit + 1);
  if (page.cursor) {
    const [lastId] = decodeCursor(page.cursor, 1);
    query = query.where('a.id', '<', String(lastId));
  }
  const rows = await query.execute();
  const more = rows.length > page.limit;
  const items = rows.slice(0, page.limit).map((row) => ({
    id: row.id,
    entityType: row.entity_type,
    entityId: row.entity_id,
    action: row.action as HistoryEntry['action'],
    actorId: row.actor_id,
    actorName: row.actor_name,
    at: row.at,
    changes: JSON.parse(row.changes) as HistoryEntry['changes'],
  }));
  const last = items.at(-1);
  return { items, nextCursor: more && last ? encodeCursor([last.id]) : null };
}
