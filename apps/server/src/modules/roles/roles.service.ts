import {
  allPermissions,
  type CreateRole,
  type DataScope,
  type Locale,
  type Permissions,
  type Role,
  type UpdateRole,
} from '@kehu/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { AppError, conflict, notFound } from '../../platform/errors/app-error';
import { newId } from '../../platform/ids';
import { type Actor, assertCan } from '../../platform/permissions/actor';
import { toRole } from './roles.mapper';
import { RolesRepository } from './roles.repository';

/** The roles a new organisation starts with; admins edit or add more. */
export const defaultRoles = (
  locale: Locale,
): Array<{
  key: 'admin' | 'manager' | 'rep';
  name: string;
  description: string;
  dataScope: DataScope;
  permissions: Permissions;
  isAdmin: boolean;
}> => [
  {
    key: 'admin',
    name: locale === 'zh-CN' ? '管理员' : 'Administrator',
    description: locale === 'zh-CN' ? '全部功能与全部数据' : 'Everything, everywhere',
    dataScope: 'all',
    permissions: allPermissions(),
    isAdmin: true,
  },
  {
    key: 'manager',
    name: locale === 'zh-CN' ? '销售经理' : 'Sales manager',
    description:
      locale === 'zh-CN'
        ? '本部门及下级部门的销售数据'
        : 'Sales work of the department and the departments below it',
    dataScope: 'department_and_below',
    permissions: {
      customers: ['view', 'create', 'edit', 'delete', 'export', 'transfer', 'import'],
      contacts: ['view', 'create', 'edit', 'delete', 'export'],
      pools: ['view', 'claim', 'manage'],
      users: ['view'],
      departments: ['view'],
      audit: ['view'],
    },
    isAdmin: false,
  },
  {
    key: 'rep',
    name: locale === 'zh-CN' ? '销售代表' : 'Sales rep',
    description: locale === 'zh-CN' ? '本人的客户与联系人' : 'Own customers and contacts',
    dataScope: 'own',
    permissions: {
      customers: ['view', 'create', 'edit'],
      contacts: ['view', 'create', 'edit'],
      pools: ['view', 'claim'],
      users: ['view'],
      departments: ['view'],
    },
    isAdmin: false,
  },
];

export class RolesService {
  private readonly repository = new RolesRepository();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => Date,
  ) {}

  async list(actor: Actor): Promise<Role[]> {
    assertCan(actor, 'roles', 'view');
    return (await this.repository.list(this.db)).map(toRole);
  }

  async get(actor: Actor, id: string): Promise<Role> {
    assertCan(actor, 'roles', 'view');
    return toRole(await this.getRow(this.db, id));
  }

  async exists(executor: Kysely<Database>, id: string): Promise<boolean> {
    return (await this.repository.find(executor, id)) !== undefined;
  }

  /** A role by its default key (admin, manager, rep), its name, or its id — for the CLI. */
  async resolveByKeyOrName(executor: Kysely<Database>, keyOrName: string): Promise<string> {
    const rows = await this.repository.list(executor);
    const byKey: Record<string, (row: (typeof rows)[number]) => boolean> = {
      admin: (row) => row.is_admin === 1,
      manager: (row) => row.data_scope === 'department_and_below' && row.is_admin === 0,
      rep: (row) => row.data_scope === 'own' && row.is_admin === 0,
    };
    const match =
      rows.find((row) => row.id === keyOrName || row.name === keyOrName) ??
      rows.find(byKey[keyOrName] ?? (() => false));
    if (!match) throw notFound('ROLE_NOT_FOUND');
    return match.id;
  }

  async isAdminRole(executor: Kysely<Database>, id: string): Promise<boolean> {
    return (await this.repository.find(executor, id))?.is_admin === 1;
  }

  /** Used by setup: creates the default roles and returns their ids by key. */
  async createDefaults(
    executor: Kysely<Database>,
    locale: Locale,
  ): Promise<Record<'admin' | 'manager' | 'rep', string>> {
    const now = this.now().toISOString();
    const ids = {} as Record<'admin' | 'manager' | 'rep', string>;
    for (const role of defaultRoles(locale)) {
      ids[role.key] = newId();
      await this.repository.insert(executor, {
        id: ids[role.key],
        name: role.name,
        description: role.description,
        data_scope: role.dataScope,
        permissions: JSON.stringify(role.permissions),
        is_admin: role.isAdmin ? 1 : 0,
        is_system: role.isAdmin ? 1 : 0,
        created_at: now,
        updated_at: now,
      });
    }
    return ids;
  }

  async create(actor: Actor, input: CreateRole): Promise<Role> {
    assertCan(actor, 'roles', 'manage');
    return this.db.transaction().execute(async (trx) => {
      if (await this.repository.findByName(trx, input.name)) throw conflict('ROLE_NAME_TAKEN');
      const now = this.now().toISOString();
      const id = newId();
      await this.repository.insert(trx, {
        id,
        name: input.name,
        description: input.description ?? null,
        data_scope: input.dataScope,
        permissions: JSON.stringify(input.permissions),
        is_admin: 0,
        is_system: 0,
        created_at: now,
        updated_at: now,
      });
      return toRole(await this.getRow(trx, id));
    });
  }

  async update(actor: Actor, id: string, input: UpdateRole): Promise<Role> {
    assertCan(actor, 'roles', 'manage');
    return this.db.transaction().execute(async (trx) => {
      const row = await this.getRow(trx, id);
      if (row.is_system === 1) throw new AppError('ROLE_IS_SYSTEM', 422);
      if (input.name && input.name !== row.name && (await this.repository.findByName(trx, input.name))) {
        throw conflict('ROLE_NAME_TAKEN');
      }
      await this.repository.update(trx, id, {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.dataScope !== undefined ? { data_scope: input.dataScope } : {}),
        ...(input.permissions !== undefined ? { permissions: JSON.stringify(input.permissions) } : {}),
        updated_at: this.now().toISOString(),
      });
      return toRole(await this.getRow(trx, id));
    });
  }

  async delete(actor: Actor, id: string): Promise<void> {
    assertCan(actor, 'roles', 'manage');
    await this.db.transaction().execute(async (trx) => {
      const row = await this.getRow(trx, id);
      if (row.is_system === 1) throw new AppError('ROLE_IS_SYSTEM', 422);
      if (Number(row.user_count) > 0) throw conflict('ROLE_IN_USE');
      await this.repository.delete(trx, id);
    });
  }

  private async getRow(executor: Kysely<Database>, id: string) {
    const row = await this.repository.find(executor, id);
    if (!row) throw notFound('ROLE_NOT_FOUND');
    return row;
  }
}
