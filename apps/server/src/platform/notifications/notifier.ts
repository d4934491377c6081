import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { newId } from '../ids';
import { decodeCursor, encodeCursor } from '../pagination/cursor';
import { NotificationsRepository } from './notifications.repository';

export interface Notice {
  userId: string;
  /** e.g. `pool.reclaimWarning`; the web app translates `kind` with `payload` as parameters. */
  kind: string;
  payload: Record<string, unknown>;
  link?: string | null;
  /** The same event notifies a user once. */
  dedupeKey?: string | null;
}

/** In-app notifications: written in the caller's transaction (the event and its notice commit together), read by their user. */
export class Notifier {
  private readonly repository = new NotificationsRepository();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => Date,
  ) {}

  async notify(executor: Kysely<Database>, notices: Notice[]): Promise<void> {
    if (notices.length === 0) return;
    const at = this.now().toISOString();
    await this.repository.insert(
      executor,
      notices.map((notice) => ({
        id: newId(),
        user_id: notice.userId,
        kind: notice.kind,
        payload: JSON.stringify(notice.payload),
        link: notice.link ?? null,
        dedupe_key: notice.dedupeKey ?? null,
        read_at: null,
        created_at: at,
      })),
    );
  }

  /** A user's own notifications, newest first, with the unread count. */
  async list(userId: string, page: { limit: number; cursor?: string }) {
    const before = page.cursor ? String(decodeCursor(page.cursor, 1)[0]) : undefined;
    const rows = await this.repository.list(this.db, userId, before, page.limit + 1);
    const items = rows.slice(0, page.limit);
    const last = items.at(-1);
    return {
      items: items.map((row) => ({
        id: row.id,
        kind: row.kind,
        payload: JSON.parse(row.payload) as Record<string, unknown>,
        link: row.link,
        readAt: row.read_at,
        createdAt: row.created_at,
      })),
      nextCursor: rows.length > page.limit && last ? encodeCursor([last.id]) : null,
      unread: await this.repository.unread(this.db, userId),
    };
  }

  async markRead(userId: string, ids: string[] | 'all') {
    await this.repository.markRead(this.db, userId, ids, this.now().toISOString());
  }
}
