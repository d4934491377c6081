import type { DataScope, Locale, Permissions } from '@kehu/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Actor } from '../permissions/actor';

export interface SessionWithActor {
  sessionId: string;
  csrfToken: string;
  lastSeenAt: string;
  actor: Actor;
}

type ActorRow = {
  id: string;
  email: string;
  name: string;
  locale: string | null;
  department_id: string | null;
  department_name: string | null;
  department_path: string | null;
  role_id: string;
  role_name: string;
  is_admin: number;
  data_scope: string;
  permissions: string;
};

const toActor = (row: ActorRow): Actor => ({
  id: row.id,
  email: row.email,
  name: row.name,
  locale: (row.locale as Locale | null) ?? null,
  roleId: row.role_id,
  roleName: row.role_name,
  isAdmin: row.is_admin === 1,
  dataScope: row.data_scope as DataScope,
  permissions: JSON.parse(row.permissions) as Permissions,
  departmentId: row.department_id,
  departmentName: row.department_name,
  departmentPath: row.department_path,
});

/** Sessions and the acting user behind them: one indexed query per request. */
export class SessionsRepository {
  async create(
    executor: Kysely<Database>,
    session: {
      id: string;
      userId: string;
      csrfToken: string;
      ip: string | null;
      userAgent: string | null;
      now: string;
      expiresAt: string;
    },
  ): Promise<void> {
    await executor
      .insertInto('sessions')
      .values({
        id: session.id,
        user_id: session.userId,
        csrf_token: session.csrfToken,
        ip: session.ip,
        user_agent: session.userAgent,
        created_at: session.now,
        last_seen_at: session.now,
        expires_at: session.expiresAt,
      })
      .execute();
  }

  private actorQuery(executor: Kysely<Database>) {
    return executor
      .selectFrom('users as u')
      .innerJoin('roles as r', 'r.id', 'u.role_id')
      .leftJoin('departments as d', 'd.id', 'u.department_id')
      .select([
        'u.id',
        'u.email',
        'u.name',
        'u.locale',
        'u.department_id',
        'd.name as department_name',
        'd.path as department_path',
        'r.id as role_id',
        'r.name as role_name',
        'r.is_admin',
        'r.data_scope',
        'r.permissions',
      ])
      .where('u.status', '=', 'active');
  }

  async findActive(
    executor: Kysely<Database>,
    sessionId: string,
    now: string,
  ): Promise<SessionWithActor | undefined> {
    const row = await this.actorQuery(executor)
      .innerJoin('sessions as s', 's.user_id', 'u.id')
      .select(['s.id as session_id', 's.csrf_token', 's.last_seen_at'])
      .where('s.id', '=', sessionId)
      .where('s.expires_at', '>', now)
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      sessionId: row.session_id,
      csrfToken: row.csrf_token,
      lastSeenAt: row.last_seen_at,
      actor: toActor(row),
    };
  }

  /** The actor for an active user without a session (the CLI and the demo seed act as a user). */
  async actorForUser(executor: Kysely<Database>, userId: string): Promise<Actor | undefined> {
    const row = await this.actorQuery(executor).where('u.id', '=', userId).executeTakeFirst();
    return row ? toActor(row) : undefined;
  }

  async touch(executor: Kysely<Database>, sessionId: string, now: string): Promise<void> {
    await executor.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', sessionId).execute();
  }

  async delete(executor: Kysely<Database>, sessionId: string): Promise<void> {
    await executor.deleteFrom('sessions').where('id', '=', sessionId).execute();
  }

  /** Signs a user out everywhere (password reset, disabling), optionally keeping one session. */
  async deleteForUser(executor: Kysely<Database>, userId: string, keepSessionId?: string): Promise<void> {
    let query = executor.deleteFrom('sessions').where('user_id', '=', userId);
    if (keepSessionId) query = query.where('id', '!=', keepSessionId);
    await query.execute();
  }

  async deleteExpired(executor: Kysely<Database>, now: string): Promise<void> {
    await executor.deleteFrom('sessions').where('expires_at', '<=', now).execute();
  }
}
