import type { CreateUser, Locale, UpdateUser, User, UserListQuery } from '@kehu/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { hashPassword } from '../../platform/auth/password';
import type { SessionsRepository } from '../../platform/auth/sessions.repository';
import { conflict, invalidField, notFound, ruleViolation } from '../../platform/errors/app-error';
import { newId } from '../../platform/ids';
import { type Actor, assertCan, can } from '../../platform/permissions/actor';
import type { DepartmentsService } from '../departments/departments.service';
import type { RolesService } from '../roles/roles.service';
import { toUser } from './users.mapper';
import { UsersRepository } from './users.repository';

const normaliseEmail = (email: string) => email.trim().toLowerCase();

export class UsersService {
  private readonly repository: UsersRepository;

  constructor(
    private readonly db: Kysely<Database>,
    dialect: 'sqlite' | 'postgres',
    private readonly now: () => Date,
    private readonly roles: RolesService,
    private readonly departments: DepartmentsService,
    private readonly sessions: SessionsRepository,
  ) {
    this.repository = new UsersRepository(dialect);
  }

  async list(actor: Actor, query: UserListQuery) {
    assertCan(actor, 'users', 'view');
    const page = await this.repository.list(this.db, query);
    return { items: page.rows.map(toUser), nextCursor: page.nextCursor };
  }

  async get(actor: Actor, id: string): Promise<User> {
    assertCan(actor, 'users', 'view');
    return toUser(await this.getRow(this.db, id));
  }

  async exists(executor: Kysely<Database>, id: string): Promise<boolean> {
    return (await this.repository.find(executor, id)) !== undefined;
  }

  /**
   * The department of a user who may own customers (customers follow their owner's department), or
   * why they may not: only an active user whose role sees customers owns them.
   */
  async customerOwnerDepartment(
    executor: Kysely<Database>,
    id: string,
  ): Promise<{ departmentId: string | null } | { problem: 'USER_NOT_FOUND' | 'TARGET_CANNOT_VIEW' }> {
    const owner = await this.sessions.actorForUser(executor, id);
    if (!owner) return { problem: 'USER_NOT_FOUND' };
    if (!can(owner, 'customers', 'view')) return { problem: 'TARGET_CANNOT_VIEW' };
    return { departmentId: owner.departmentId };
  }

  /** Display names for a page of records: one query, no N+1. */
  async namesOf(executor: Kysely<Database>, ids: Iterable<string | null>): Promise<Map<string, string>> {
    const unique = [...new Set([...ids].filter((id): id is string => id !== null))];
    const rows = await this.repository.namesOf(executor, unique);
    return new Map(rows.map((row) => [row.id, row.name]));
  }

  async count(): Promise<number> {
    return this.repository.count(this.db);
  }

  async create(actor: Actor, input: CreateUser): Promise<User> {
    assertCan(actor, 'users', 'manage');
    return this.db.transaction().execute(async (trx) => {
      const id = await this.createUnchecked(trx, input);
      return toUser(await this.getRow(trx, id));
    });
  }

  /** Setup, the CLI and the demo seed create users with no acting user. */
  async createUnchecked(executor: Kysely<Database>, input: CreateUser): Promise<string> {
    const email = normaliseEmail(input.email);
    if (await this.repository.emailTaken(executor, email)) throw conflict('EMAIL_TAKEN');
    await this.assertReferences(executor, undefined, input);
    const id = newId();
    const now = this.now().toISOString();
    await this.repository.insert(executor, {
      id,
      email,
      name: input.name,
      password_hash: await hashPassword(input.password),
      role_id: input.roleId,
      department_id: input.departmentId ?? null,
      manager_id: input.managerId ?? null,
      status: 'active',
      locale: input.locale ?? null,
      locked_until: null,
      last_login_at: null,
      created_at: now,
      updated_at: now,
    });
    return id;
  }

  async update(actor: Actor, id: string, input: UpdateUser): Promise<User> {
    assertCan(actor, 'users', 'manage');
    return this.db.transaction().execute(async (trx) => {
      const row = await this.getRow(trx, id);
      await this.assertReferences(trx, id, input);
      const losesAdmin =
        (input.status === 'disabled' ||
          (input.roleId && !(await this.roles.isAdminRole(trx, input.roleId)))) &&
        (await this.roles.isAdminRole(trx, row.role_id));
      if (losesAdmin && (await this.repository.countActiveAdmins(trx, id)) === 0)
        throw ruleViolation('LAST_ADMIN');
      await this.repository.update(trx, id, {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.roleId !== undefined ? { role_id: input.roleId } : {}),
        ...(input.departmentId !== undefined ? { department_id: input.departmentId } : {}),
        ...(input.managerId !== undefined ? { manager_id: input.managerId } : {}),
        ...(input.status !== undefined ? { status: input.status } : {}),
        ...(input.status === 'active' ? { failed_login_count: 0, locked_until: null } : {}),
        updated_at: this.now().toISOString(),
      });
      if (input.status === 'disabled') await this.sessions.deleteForUser(trx, id);
      return toUser(await this.getRow(trx, id));
    });
  }

  /** An administrator sets a new password: the user is signed out everywhere and unlocked. */
  async resetPassword(actor: Actor, id: string, password: string): Promise<void> {
    assertCan(actor, 'users', 'manage');
    await this.getRow(this.db, id);
    const passwordHash = await hashPassword(password);
    await this.db.transaction().execute(async (trx) => {
      await this.repository.update(trx, id, {
        password_hash: passwordHash,
        failed_login_count: 0,
        locked_until: null,
        updated_at: this.now().toISOString(),
      });
      await this.sessions.deleteForUser(trx, id);
    });
  }

  // ---- used by the auth module ----

  findCredentials(email: string) {
    return this.repository.findCredentials(this.db, normaliseEmail(email));
  }

  findPasswordHash(id: string) {
    return this.repository.findPasswordHash(this.db, id);
  }

  async recordLoginFailure(id: string, failedCount: number, lockedUntil: string | null) {
    await this.repository.update(this.db, id, { failed_login_count: failedCount, locked_until: lockedUntil });
  }

  async recordLoginSuccess(executor: Kysely<Database>, id: string) {
    await this.repository.update(executor, id, {
      failed_login_count: 0,
      locked_until: null,
      last_login_at: this.now().toISOString(),
    });
  }

  async setPassword(executor: Kysely<Database>, id: string, password: string) {
    await this.repository.update(executor, id, {
      password_hash: await hashPassword(password),
      updated_at: this.now().toISOString(),
    });
  }

  async updateProfile(id: string, input: { name?: string; locale?: Locale }) {
    await this.repository.update(this.db, id, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.locale !== undefined ? { locale: input.locale } : {}),
      updated_at: this.now().toISOString(),
    });
  }

  private async assertReferences(
    executor: Kysely<Database>,
    id: string | undefined,
    input: { roleId?: string; departmentId?: string | null; managerId?: string | null },
  ) {
    if (input.roleId && !(await this.roles.exists(executor, input.roleId)))
      throw invalidField('roleId', 'ROLE_NOT_FOUND');
    if (input.departmentId && !(await this.departments.exists(executor, input.departmentId))) {
      throw invalidField('departmentId', 'DEPARTMENT_NOT_FOUND');
    }
    if (input.managerId) {
      if (!(await this.repository.find(executor, input.managerId)))
        throw invalidField('managerId', 'USER_NOT_FOUND');
      if (
        id &&
        (input.managerId === id ||
          (await this.repository.managerChain(executor, input.managerId)).includes(id))
      ) {
        throw ruleViolation('MANAGER_CYCLE');
      }
    }
  }

  private async getRow(executor: Kysely<Database>, id: string) {
    const row = await this.repository.find(executor, id);
    if (!row) throw notFound('USER_NOT_FOUND');
    return row;
  }
}
