import type { CreateDepartment, Department, UpdateDepartment } from '@kehu/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { conflict, invalidField, notFound, ruleViolation } from '../../platform/errors/app-error';
import { newId } from '../../platform/ids';
import { type Actor, assertCan } from '../../platform/permissions/actor';
import { type DepartmentRow, DepartmentsRepository } from './departments.repository';

const toDepartment = (row: DepartmentRow): Department => ({
  id: row.id,
  name: row.name,
  parentId: row.parent_id,
  sort: row.sort,
  userCount: Number(row.user_count),
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export class DepartmentsService {
  private readonly repository = new DepartmentsRepository();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => Date,
  ) {}

  async list(actor: Actor): Promise<Department[]> {
    assertCan(actor, 'departments', 'view');
    return (await this.repository.list(this.db)).map(toDepartment);
  }

  /** The organisation's root department (made at setup). */
  async rootId(executor: Kysely<Database>): Promise<string> {
    const root = (await this.repository.list(executor)).find((row) => row.parent_id === null);
    if (!root) throw notFound('DEPARTMENT_NOT_FOUND');
    return root.id;
  }

  async exists(executor: Kysely<Database>, id: string): Promise<boolean> {
    return (await this.repository.find(executor, id)) !== undefined;
  }

  async namesOf(executor: Kysely<Database>, ids: Iterable<string | null>): Promise<Map<string, string>> {
    const unique = [...new Set([...ids].filter((id): id is string => id !== null))];
    const rows = await this.repository.namesOf(executor, unique);
    return new Map(rows.map((row) => [row.id, row.name]));
  }

  /** For rules by department (public pools): the path of each department among `ids`, or all when omitted. */
  async pathsOf(executor: Kysely<Database>, ids?: string[]): Promise<Map<string, string>> {
    const rows = await this.repository.allPaths(executor);
    return new Map(rows.filter((row) => !ids || ids.includes(row.id)).map((row) => [row.id, row.path]));
  }

  /** Used by setup and by the demo seed (which has no acting user yet). */
  async createUnchecked(executor: Kysely<Database>, input: CreateDepartment): Promise<string> {
    const id = newId();
    const parent = input.parentId ? await this.repository.find(executor, input.parentId) : undefined;
    if (input.parentId && !parent) throw invalidField('parentId', 'DEPARTMENT_NOT_FOUND');
    const now = this.now().toISOString();
    await this.repository.insert(executor, {
      id,
      name: input.name,
      parent_id: parent?.id ?? null,
      path: `${parent?.path ?? '/'}${id}/`,
      sort: input.sort ?? 0,
      created_at: now,
      updated_at: now,
    });
    return id;
  }

  async create(actor: Actor, input: CreateDepartment): Promise<Department> {
    assertCan(actor, 'departments', 'manage');
    return this.db.transaction().execute(async (trx) => {
      const id = await this.createUnchecked(trx, input);
      return toDepartment(await this.getRow(trx, id));
    });
  }

  async update(actor: Actor, id: string, input: UpdateDepartment): Promise<Department> {
    assertCan(actor, 'departments', 'manage');
    return this.db.transaction().execute(async (trx) => {
      const row = await this.getRow(trx, id);
      const now = this.now().toISOString();
      if (input.parentId !== undefined && input.parentId !== row.parent_id) {
        const parent = input.parentId ? await this.repository.find(trx, input.parentId) : undefined;
        if (input.parentId && !parent) throw invalidField('parentId', 'DEPARTMENT_NOT_FOUND');
        if (parent?.path.startsWith(row.path)) throw ruleViolation('DEPARTMENT_CYCLE');
        await this.repository.movePaths(trx, row.path, `${parent?.path ?? '/'}${id}/`, now);
        await this.repository.update(trx, id, { parent_id: parent?.id ?? null });
      }
      await this.repository.update(trx, id, {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.sort !== undefined ? { sort: input.sort } : {}),
        updated_at: now,
      });
      return toDepartment(await this.getRow(trx, id));
    });
  }

  async delete(actor: Actor, id: string): Promise<void> {
    assertCan(actor, 'departments', 'manage');
    await this.db.transaction().execute(async (trx) => {
      const row = await this.getRow(trx, id);
      if (Number(row.user_count) > 0 || (await this.repository.countChildren(trx, id)) > 0) {
        throw conflict('DEPARTMENT_NOT_EMPTY');
      }
      await this.repository.delete(trx, id);
    });
  }

  private async getRow(executor: Kysely<Database>, id: string) {
    const row = await this.repository.find(executor, id);
    if (!row) throw notFound('DEPARTMENT_NOT_FOUND');
    return row;
  }
}
