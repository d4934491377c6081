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

const isUserValue = (value: unknown): value is { userId: string; userName?: string | null } =>
  typeof value === 'object' && value !== null && typeof (value as { userId?: unknown }).userId === 'string';

/** Looks up display names for ids, one query per kind of id (`userId`: ids inside object values). */
export type LabelResolver = (ids: string[]) => Promise<Map<string, string>>;

/**
 * Adds `oldLabel`/`newLabel` to changes of id fields (ownerId → the user's name …), so that a
 * history reads as names; one lookup per field for the whole page, never one per entry.
 */
export async function labelHistory(
  page: { items: HistoryEntry[]; nextCursor: string | null },
  resolvers: Record<string, LabelResolver>,
) {
  for (const [field, resolve] of Object.entries(resolvers)) {
    const ids = new Set<string>();
    for (const entry of page.items) {
      for (const change of entry.changes) {
        if (field === 'userId') {
          for (const value of [change.old, change.new]) if (isUserValue(value)) ids.add(value.userId);
          continue;
        }
        if (change.field !== field) continue;
        if (typeof change.old === 'string') ids.add(change.old);
        if (typeof change.new === 'string') ids.add(change.new);
      }
    }
    if (ids.size === 0) continue;
    const names = await resolve([...ids]);
    for (const entry of page.items) {
      for (const change of entry.changes) {
        // A value that names a user inside it (a team member: { userId, access, expiresAt }) gets the name too.
        if (field === 'userId') {
          for (const value of [change.old, change.new]) {
            if (isUserValue(value)) value.userName = names.get(value.userId) ?? null;
          }
          continue;
        }
        if (change.field !== field) continue;
        const oldLabel = typeof change.old === 'string' ? names.get(change.old) : undefined;
        const newLabel = typeof change.new === 'string' ? names.get(change.new) : undefined;
        if (oldLabel) change.oldLabel = oldLabel;
        if (newLabel) change.newLabel = newLabel;
      }
    }
  }
  return page;
}
