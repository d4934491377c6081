import type { ChangePasswordRequest, LoginRequest, MeResponse, UpdateProfileRequest } from '@kehu/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { burnPasswordCheck, verifyPassword } from '../../platform/auth/password';
import { newToken, SESSION_TTL_MS, sessionIdOf } from '../../platform/auth/session-token';
import type { SessionsRepository } from '../../platform/auth/sessions.repository';
import { AppError, invalidField } from '../../platform/errors/app-error';
import type { ClientMeta } from '../../platform/http';
import type { Actor } from '../../platform/permissions/actor';
import { defaultTimeZone, type OrganizationService } from '../organization/organization.service';
import type { UsersService } from '../users/users.service';

/** Failed sign-ins before the account locks, and for how long. */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

export class AuthService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => Date,
    private readonly sessions: SessionsRepository,
    private readonly users: UsersService,
    private readonly organization: OrganizationService,
  ) {}

  async login(input: LoginRequest, meta: ClientMeta): Promise<{ token: string; me: MeResponse }> {
    const user = await this.users.findCredentials(input.email);
    if (!user) {
      await burnPasswordCheck(input.password);
      throw new AppError('INVALID_CREDENTIALS', 401);
    }
    const now = this.now();
    if (user.locked_until && Date.parse(user.locked_until) > now.getTime()) {
      throw new AppError('ACCOUNT_LOCKED', 423, { until: user.locked_until });
    }
    if (!(await verifyPassword(user.password_hash, input.password))) {
      const failures = user.failed_login_count + 1;
      if (failures >= MAX_FAILED_LOGINS) {
        const until = new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString();
        await this.users.recordLoginFailure(user.id, 0, until);
        throw new AppError('ACCOUNT_LOCKED', 423, { until });
      }
      await this.users.recordLoginFailure(user.id, failures, null);
      throw new AppError('INVALID_CREDENTIALS', 401);
    }
    if (user.status !== 'active') throw new AppError('ACCOUNT_DISABLED', 403);
    const token = await this.db.transaction().execute(async (trx) => {
      await this.users.recordLoginSuccess(trx, user.id);
      return this.createSession(trx, user.id, meta);
    });
    return { token, me: await this.meForToken(token) };
  }

  /** Opens a session (also used by setup, which signs the new administrator in). */
  async createSession(executor: Kysely<Database>, userId: string, meta: ClientMeta): Promise<string> {
    const token = newToken();
    const now = this.now();
    await this.sessions.create(executor, {
      id: sessionIdOf(token),
      userId,
      csrfToken: newToken(),
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 500) ?? null,
      now: now.toISOString(),
      expiresAt: new Date(now.getTime() + SESSION_TTL_MS).toISOString(),
    });
    return token;
  }

  async meForToken(token: string): Promise<MeResponse> {
    const found = await this.sessions.findActive(this.db, sessionIdOf(token), this.now().toISOString());
    if (!found) throw new AppError('UNAUTHENTICATED', 401);
    return this.me(found.actor, found.csrfToken);
  }

  async me(actor: Actor, csrfToken: string): Promise<MeResponse> {
    const organization = await this.organization.current();
    return {
      user: {
        id: actor.id,
        email: actor.email,
        name: actor.name,
        locale: actor.locale,
        roleId: actor.roleId,
        roleName: actor.roleName,
        departmentId: actor.departmentId,
        departmentName: actor.departmentName,
        dataScope: actor.dataScope,
        permissions: actor.permissions as Record<string, string[]>,
        isAdmin: actor.isAdmin,
      },
      organization: { name: organization?.name ?? '', timeZone: organization?.timeZone ?? defaultTimeZone },
      csrfToken,
    };
  }

  async logout(sessionId: string): Promise<void> {
    await this.sessions.delete(this.db, sessionId);
  }

  async updateProfile(actor: Actor, sessionId: string, input: UpdateProfileRequest): Promise<MeResponse> {
    await this.users.updateProfile(actor.id, input);
    const found = await this.sessions.findActive(this.db, sessionId, this.now().toISOString());
    if (!found) throw new AppError('UNAUTHENTICATED', 401);
    return this.me(found.actor, found.csrfToken);
  }

  /** Other sessions of the user end; this one stays signed in. */
  async changePassword(actor: Actor, sessionId: string, input: ChangePasswordRequest): Promise<void> {
    const currentHash = await this.users.findPasswordHash(actor.id);
    if (!currentHash || !(await verifyPassword(currentHash, input.currentPassword))) {
      throw new AppError('WRONG_CURRENT_PASSWORD', 400, {}, { currentPassword: 'invalid' });
    }
    if (input.newPassword === input.currentPassword) throw invalidField('newPassword', 'invalid');
    await this.db.transaction().execute(async (trx) => {
      await this.users.setPassword(trx, actor.id, input.newPassword);
      await this.sessions.deleteForUser(trx, actor.id, sessionId);
    });
  }
}
