import { assignSchema, claimSchema, dateIn, returnToPoolSchema, startOfDayIn } from '@kehu/contracts';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../../db/schema';
import { writeAudit } from '../../../platform/audit/audit';
import type { SessionsRepository } from '../../../platform/auth/sessions.repository';
import {
  AppError,
  invalidField,
  notFound,
  ruleViolation,
  staleRecord,
} from '../../../platform/errors/app-error';
import type { Notifier } from '../../../platform/notifications/notifier';
import { type Actor, assertCan, can } from '../../../platform/permissions/actor';
import type { DepartmentsService } from '../../departments/departments.service';
import type { OrganizationService } from '../../organization/organization.service';
import { CustomerLifecycleRepository, type OwnerChangeAction } from '../customer-lifecycle.repository';
import { moveCustomers, selectionError } from '../customer-moves';
import { type CustomersRepository, leavePool } from '../customers.repository';
import { mayAssignFrom, mayUsePool, type PoolDefinition, poolForDepartment } from './pool-access';
import type { PoolsService } from './pools.service';

const dayMs = 86_400_000;

/** What moving a customer into a pool needs to know of it. */
type PoolEntrant = { id: string; version: number; owner_id: string | null; department_id: string | null };

/**
 * Moves between owners and pools: a rep returns customers to a pool (with a reason), claims from one
 * (daily quota, cooldown for the previous owner, ownership cap), a pool administrator assigns;
 * owners lock customers against reclaim (lock cap). Each move logs its reason and history.
 */
export class PoolMovesService {
  private readonly lifecycle = new CustomerLifecycleRepository();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => Date,
    private readonly pools: PoolsService,
    private readonly customers: CustomersRepository,
    private readonly sessions: SessionsRepository,
    private readonly departments: DepartmentsService,
    private readonly notifier: Notifier,
    private readonly organization: Pick<OrganizationService, 'timeZone'>,
  ) {}

  /** A rep hands customers back to a pool: they lose the owner, the pool gains them. */
  async returnToPool(actor: Actor, request: z.input<typeof returnToPoolSchema>): Promise<{ moved: number }> {
    assertCan(actor, 'customers', 'edit');
    const input = returnToPoolSchema.parse(request);
    return this.db.transaction().execute(async (trx) => {
      const pool = await this.pools.getDefinition(trx, input.poolId).catch(() => {
        throw invalidField('poolId', 'POOL_NOT_FOUND');
      });
      if (!mayUsePool(actor, pool)) throw invalidField('poolId', 'POOL_NOT_FOUND');
      const at = this.now().toISOString();
      const ids = [...new Set(input.customerIds)];
      const rows = new Map(
        (await this.customers.findManyWritable(trx, actor, ids)).map((row) => [row.id, row]),
      );
      input.customerIds.forEach((id, index) => {
        const row = rows.get(id);
        if (!row || row.pool_id) {
          throw selectionError(index, 'CUSTOMER_NOT_FOUND');
        }
        // Giving up a customer is its owner's decision (or a manager's): a team member who may edit
        // it must not push it into a pool and claim it back as their own.
        if (row.owner_id !== actor.id && !can(actor, 'customers', 'transfer')) {
          throw selectionError(index, 'NOT_THE_OWNER');
        }
      });
      await this.toPoolMany(
        trx,
        ids.map((id) => rows.get(id) as PoolEntrant),
        pool,
        'return',
        input.reason,
        actor.id,
        at,
      );
      return { moved: ids.length };
    });
  }

  /** For the reclaim job and web forms: one customer into a pool, logged. */
  async toPool(
    executor: Kysely<Database>,
    row: PoolEntrant,
    pool: PoolDefinition,
    action: OwnerChangeAction,
    reason: string,
    actorId: string | null,
    at: string,
    /** Who the pool's cooldown applies to; a new web-form lead had no owner before (its form's creator is not one). */
    previousOwnerId: string | null = row.owner_id,
  ) {
    await this.toPoolMany(executor, [row], pool, action, reason, actorId, at, previousOwnerId);
  }

  /**
   * Customers into a pool with the same reason: an update per previous owner (the pool's cooldown
   * remembers who gave each up), one log and one history batch.
   */
  async toPoolMany(
    executor: Kysely<Database>,
    rows: readonly PoolEntrant[],
    pool: PoolDefinition,
    action: OwnerChangeAction,
    reason: string,
    actorId: string | null,
    at: string,
    previousOwnerId?: string | null,
  ) {
    const previousOf = (row: PoolEntrant) => (previousOwnerId === undefined ? row.owner_id : previousOwnerId);
    const byPrevious = new Map<string | null, PoolEntrant[]>();
    for (const row of rows)
      byPrevious.set(previousOf(row), [...(byPrevious.get(previousOf(row)) ?? []), row]);
    for (const [previous, group] of byPrevious) {
      await moveCustomers(executor, this.customers, {
        rows: group,
        values: {
          owner_id: null,
          department_id: null,
          pool_id: pool.id,
          pooled_at: at,
          pool_reason: reason,
          previous_owner_id: previous,
          owner_since: null,
          locked: 0,
        },
        action,
        reason,
        actorId,
        at,
        from: () => previous,
        to: null,
        changes: (row) => [
          { field: 'ownerId', old: row.owner_id, new: null },
          { field: 'departmentId', old: row.department_id, new: null },
          { field: 'poolId', old: null, new: pool.name },
        ],
      });
    }
  }

  /** A rep takes customers from a pool, within the pool's quota, cooldown and cap. */
  async claim(actor: Actor, request: z.input<typeof claimSchema>): Promise<{ moved: number }> {
    assertCan(actor, 'pools', 'claim');
    const input = claimSchema.parse(request);
    // Read before the transaction: on SQLite it holds the one connection.
    const timeZone = await this.organization.timeZone();
    return this.db.transaction().execute(async (trx) => {
      const ids = [...new Set(input.customerIds)];
      const at = this.now();
      const rows = await this.pooledRows(trx, ids);
      const pools = new Map<string, PoolDefinition>();
      for (const [index, row] of rows.entries()) {
        const pool = pools.get(row.pool_id) ?? (await this.pools.getDefinition(trx, row.pool_id));
        pools.set(pool.id, pool);
        if (!mayUsePool(actor, pool)) throw selectionError(index, 'CUSTOMER_NOT_FOUND');
        const cooldown = pool.rules.reclaimCooldownDays;
        if (cooldown && row.previous_owner_id === actor.id && row.pooled_at) {
          const until = new Date(Date.parse(row.pooled_at) + cooldown * dayMs);
          if (until > at) {
            // The rep did not give it up when a reclaim rule took it: say so.
            const reclaimed = (await this.lifecycle.lastOwnerChangeAction(trx, row.id)) === 'reclaim';
            throw ruleViolation(reclaimed ? 'CLAIM_COOLDOWN_RECLAIMED' : 'CLAIM_COOLDOWN', {
              name: row.name,
              until: dateIn(timeZone, until),
            });
          }
        }
      }
      for (const pool of pools.values()) {
        const quota = pool.rules.dailyClaimQuota;
        if (quota) {
          // Today where the organisation works: a Beijing rep's quota renews at midnight, not 08:00.
          const today = startOfDayIn(timeZone, at).toISOString();
          const claimed = await this.pools.repository.claimsSince(trx, actor.id, today);
          const left = Math.max(0, quota - claimed);
          if (ids.length > left)
            throw left === 0
              ? ruleViolation('CLAIM_QUOTA', { quota })
              : ruleViolation('CLAIM_QUOTA_LEFT', { quota, left, asked: ids.length });
        }
      }
      await this.assertUnderCap(trx, actor.id, ids.length, [...pools.values()]);
      const isoAt = at.toISOString();
      await this.fromPool(trx, rows, actor.id, actor.departmentId, 'claim', null, actor.id, isoAt);
      return { moved: rows.length };
    });
  }

  /** A pool administrator gives pooled customers to a user (the user's cap still holds). */
  async assign(
    actor: Actor,
    poolId: string,
    request: z.input<typeof assignSchema>,
  ): Promise<{ moved: number }> {
    const input = assignSchema.parse(request);
    return this.db.transaction().execute(async (trx) => {
      const pool = await this.pools.getDefinition(trx, poolId);
      if (!mayUsePool(actor, pool)) throw notFound('POOL_NOT_FOUND');
      if (!mayAssignFrom(actor, pool)) throw new AppError('FORBIDDEN', 403);
      const target = await this.sessions.actorForUser(trx, input.toUserId);
      if (!target) throw invalidField('toUserId', 'USER_NOT_FOUND');
      if (!can(target, 'customers', 'view')) throw invalidField('toUserId', 'TARGET_CANNOT_VIEW');
      const ids = [...new Set(input.customerIds)];
      const rows = await this.pooledRows(trx, ids);
      rows.forEach((row, index) => {
        if (row.pool_id !== poolId) throw selectionError(index, 'CUSTOMER_NOT_FOUND');
      });
      await this.assertUnderCap(trx, target.id, ids.length, [pool]);
      const at = this.now().toISOString();
      await this.fromPool(
        trx,
        rows,
        target.id,
        target.departmentId,
        'assign',
        input.reason ?? null,
        actor.id,
        at,
      );
      await this.notifier.notify(trx, [
        {
          userId: target.id,
          kind: 'pool.assigned',
          payload: { count: rows.length, pool: pool.name, by: actor.name },
          link: '/customers',
        },
      ]);
      return { moved: rows.length };
    });
  }

  /** Locked customers are exempt from reclaim, within the pool's lock cap for their owner. */
  async setLocked(actor: Actor, customerId: string, locked: boolean) {
    assertCan(actor, 'customers', 'edit');
    return this.db.transaction().execute(async (trx) => {
      const row = await this.customers.findVisible(trx, actor, customerId);
      if (!row || row.deleted_at || row.pool_id) throw notFound('CUSTOMER_NOT_FOUND');
      if (!(await this.customers.isWritable(trx, actor, customerId)))
        throw new AppError('CUSTOMER_READ_ONLY', 403);
      if ((row.locked === 1) === locked) return;
      if (locked && row.owner_id) {
        const path = row.department_id
          ? ((await this.departments.pathsOf(trx, [row.department_id])).get(row.department_id) ?? null)
          : null;
        const cap = poolForDepartment(await this.pools.definitions(trx), path)?.rules.lockCap;
        if (
          cap !== null &&
          cap !== undefined &&
          (await this.pools.repository.lockedCount(trx, row.owner_id)) >= cap
        ) {
          throw ruleViolation('LOCK_CAP', { cap });
        }
      }
      const at = this.now().toISOString();
      if (
        !(await this.customers.update(trx, customerId, row.version, {
          locked: locked ? 1 : 0,
          updated_at: at,
          updated_by: actor.id,
        }))
      ) {
        throw staleRecord();
      }
      await writeAudit(trx, {
        entityType: 'customer',
        entityId: customerId,
        action: 'update',
        actorId: actor.id,
        at,
        changes: [{ field: 'locked', old: row.locked === 1, new: locked }],
      });
    });
  }

  private async pooledRows(executor: Kysely<Database>, ids: string[]) {
    const found = new Map((await this.pools.repository.inPools(executor, ids)).map((row) => [row.id, row]));
    return ids.map((id, index) => {
      const row = found.get(id);
      if (!row || row.deleted_at || !row.pool_id) {
        throw selectionError(index, 'NOT_IN_POOL');
      }
      return row as typeof row & { pool_id: string };
    });
  }

  private async assertUnderCap(
    executor: Kysely<Database>,
    userId: string,
    adding: number,
    pools: PoolDefinition[],
  ) {
    for (const pool of pools) {
      const cap = pool.rules.ownershipCap;
      if (!cap) continue;
      const owned = await this.pools.repository.ownedCount(executor, userId, pool.rules.capExcludesWon);
      if (owned + adding > cap) throw ruleViolation('OWNERSHIP_CAP', { cap, owned });
    }
  }

  /** Pooled customers to one owner: one update, one log and one history batch for all of them. */
  private async fromPool(
    executor: Kysely<Database>,
    rows: ReadonlyArray<{ id: string; version: number; pool_id: string }>,
    ownerId: string,
    departmentId: string | null,
    action: OwnerChangeAction,
    reason: string | null,
    actorId: string,
    at: string,
  ) {
    await moveCustomers(executor, this.customers, {
      rows,
      values: { owner_id: ownerId, department_id: departmentId, ...leavePool, owner_since: at, locked: 0 },
      action,
      reason,
      actorId,
      at,
      from: () => null,
      to: ownerId,
      changes: () => [
        { field: 'ownerId', old: null, new: ownerId },
        { field: 'departmentId', old: null, new: departmentId },
      ],
    });
  }
}
