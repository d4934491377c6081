import { type CreatePool, createPoolSchema, type Pool, type UpdatePool } from '@kehu/contracts';
import type { Kysely } from 'kysely';
import type { DialectName } from '../../../db/dialect';
import type { Database } from '../../../db/schema';
import { diffFields, writeAudit } from '../../../platform/audit/audit';
import { AppError, notFound, ruleViolation } from '../../../platform/errors/app-error';
import { newId } from '../../../platform/ids';
import { type Actor, assertCan } from '../../../platform/permissions/actor';
import type { DepartmentsService } from '../../departments/departments.service';
import type { UsersService } from '../../users/users.service';
import { mayAssignFrom, mayUsePool, type PoolDefinition, toPoolDefinition } from './pool-access';
import { PoolsRepository } from './pools.repository';

const audited = ['name', 'description', 'departmentIds', 'adminIds', 'rules', 'sort'] as const;

/** Public pools (公海): their definitions, for the users who may use them. */
export class PoolsService {
  readonly repository: PoolsRepository;

  constructor(
    private readonly db: Kysely<Database>,
    dialect: DialectName,
    private readonly now: () => Date,
    private readonly departments: DepartmentsService,
    private readonly users: UsersService,
  ) {
    this.repository = new PoolsRepository(dialect);
  }

  async definitions(executor: Kysely<Database> = this.db): Promise<PoolDefinition[]> {
    return (await this.repository.list(executor)).map(toPoolDefinition);
  }

  async getDefinition(executor: Kysely<Database>, id: string): Promise<PoolDefinition> {
    const row = await this.repository.find(executor, id);
    if (!row) throw notFound('POOL_NOT_FOUND');
    return toPoolDefinition(row);
  }

  /** The pools the actor may use, with their sizes. */
  async list(actor: Actor): Promise<Pool[]> {
    assertCan(actor, 'pools', 'view');
    const [pools, sizes] = await Promise.all([this.definitions(), this.repository.sizes(this.db)]);
    return pools.filter((pool) => mayUsePool(actor, pool)).map((pool) => this.toPool(actor, pool, sizes));
  }

  /** Departments and administrators that exist: a pool for nobody could never be used. */
  private async assertReferences(
    executor: Kysely<Database>,
    input: { departmentIds?: string[] | undefined; adminIds?: string[] | undefined },
  ) {
    const problems: Record<string, string> = {};
    for (const [index, departmentId] of (input.departmentIds ?? []).entries()) {
      if (!(await this.departments.exists(executor, departmentId)))
        problems[`departmentIds.${index}`] = 'DEPARTMENT_NOT_FOUND';
    }
    for (const [index, userId] of (input.adminIds ?? []).entries()) {
      if (!(await this.users.exists(executor, userId))) problems[`adminIds.${index}`] = 'USER_NOT_FOUND';
    }
    if (Object.keys(problems).length > 0) throw new AppError('VALIDATION_FAILED', 400, {}, problems);
  }

  async create(actor: Actor, request: CreatePool): Promise<Pool> {
    assertCan(actor, 'pools', 'manage');
    const input = createPoolSchema.parse(request);
    const id = newId();
    const at = this.now().toISOString();
    await this.db.transaction().execute(async (trx) => {
      await this.assertReferences(trx, input);
      await this.repository.insert(trx, {
        id,
        name: input.name,
        description: input.description ?? null,
        department_ids: JSON.stringify(input.departmentIds),
        admin_ids: JSON.stringify(input.adminIds),
        rules: JSON.stringify(input.rules),
        sort: input.sort,
        created_at: at,
        updated_at: at,
      });
      const created = await this.getDefinition(trx, id);
      await writeAudit(trx, {
        entityType: 'pool',
        entityId: id,
        action: 'create',
        actorId: actor.id,
        at,
        changes: diffFields(undefined, created, audited),
      });
    });
    return this.toPool(actor, await this.getDefinition(this.db, id), new Map());
  }

  async update(actor: Actor, id: string, input: UpdatePool): Promise<Pool> {
    assertCan(actor, 'pools', 'manage');
    const at = this.now().toISOString();
    await this.db.transaction().execute(async (trx) => {
      const before = await this.getDefinition(trx, id);
      await this.assertReferences(trx, input);
      await this.repository.update(trx, id, {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.departmentIds !== undefined ? { department_ids: JSON.stringify(input.departmentIds) } : {}),
        ...(input.adminIds !== undefined ? { admin_ids: JSON.stringify(input.adminIds) } : {}),
        ...(input.rules !== undefined ? { rules: JSON.stringify(input.rules) } : {}),
        ...(input.sort !== undefined ? { sort: input.sort } : {}),
        updated_at: at,
      });
      const after = await this.getDefinition(trx, id);
      await writeAudit(trx, {
        entityType: 'pool',
        entityId: id,
        action: 'update',
        actorId: actor.id,
        at,
        changes: diffFields(before, after, audited),
      });
    });
    return this.toPool(actor, await this.getDefinition(this.db, id), await this.repository.sizes(this.db));
  }

  async delete(actor: Actor, id: string): Promise<void> {
    assertCan(actor, 'pools', 'manage');
    await this.db.transaction().execute(async (trx) => {
      await this.getDefinition(trx, id);
      if ((await this.repository.sizes(trx)).get(id)) throw ruleViolation('POOL_NOT_EMPTY');
      await this.repository.remove(trx, id);
      await writeAudit(trx, {
        entityType: 'pool',
        entityId: id,
        action: 'delete',
        actorId: actor.id,
        at: this.now().toISOString(),
        changes: [],
      });
    });
  }

  private toPool(actor: Actor, pool: PoolDefinition, sizes: Map<string, number>): Pool {
    return { ...pool, size: sizes.get(pool.id) ?? 0, canAssign: mayAssignFrom(actor, pool) };
  }
}
