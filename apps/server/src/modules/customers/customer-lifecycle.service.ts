import {
  type CustomerLifecycle,
  type CustomerType,
  customerTypes,
  type TypeCounts,
  type TypeCountsQuery,
} from '@kehu/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { writeAudit } from '../../platform/audit/audit';
import { notFound } from '../../platform/errors/app-error';
import { type Actor, assertCan } from '../../platform/permissions/actor';
import type { UsersService } from '../users/users.service';
import { CustomerLifecycleRepository } from './customer-lifecycle.repository';
import type { CustomerListRepository } from './customer-list.repository';
import type { CustomerQuery, CustomersRepository } from './customers.repository';
import type { CustomersService } from './customers.service';

const countCap = 10_000;

/** Lifecycle types (意向 → 潜在 → 成交 → 停用): their log, counts per type, and the won-deal hook. */
export class CustomerLifecycleService {
  private readonly log = new CustomerLifecycleRepository();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => Date,
    private readonly customers: CustomersRepository,
    private readonly lists: CustomerListRepository,
    private readonly users: UsersService,
    private readonly withCustomFilters: CustomersService['withCustomFilters'],
  ) {}

  async lifecycle(actor: Actor, customerId: string): Promise<CustomerLifecycle> {
    assertCan(actor, 'customers', 'view');
    if (!(await this.customers.findVisible(this.db, actor, customerId))) throw notFound('CUSTOMER_NOT_FOUND');
    const [types, owners] = await Promise.all([
      this.log.typeChanges(this.db, customerId),
      this.log.ownerChanges(this.db, customerId),
    ]);
    const names = await this.users.namesOf(this.db, [
      ...types.map((row) => row.actor_id),
      ...owners.flatMap((row) => [row.actor_id, row.from_owner_id, row.to_owner_id]),
    ]);
    const name = (id: string | null) => (id ? (names.get(id) ?? null) : null);
    return {
      typeChanges: types.map((row) => ({
        id: row.id,
        fromType: row.from_type as CustomerType | null,
        toType: row.to_type as CustomerType,
        reason: row.reason as CustomerLifecycle['typeChanges'][number]['reason'],
        at: row.at,
        actorId: row.actor_id,
        actorName: name(row.actor_id),
      })),
      ownerChanges: owners.map((row) => ({
        id: row.id,
        action: row.action as CustomerLifecycle['ownerChanges'][number]['action'],
        fromOwnerId: row.from_owner_id,
        fromOwnerName: name(row.from_owner_id),
        toOwnerId: row.to_owner_id,
        toOwnerName: name(row.to_owner_id),
        reason: row.reason,
        at: row.at,
        actorId: row.actor_id,
        actorName: name(row.actor_id),
      })),
    };
  }

  /** Counts per type under the list's other filters, each capped (shown as "10000+"). */
  async typeCounts(actor: Actor, request: TypeCountsQuery): Promise<TypeCounts> {
    assertCan(actor, 'customers', 'view');
    const query = await this.withCustomFilters(request);
    const entries = await Promise.all(
      customerTypes.map(async (type) => {
        const listQuery = { ...query, type, sort: '-updatedAt', limit: 1 } as CustomerQuery;
        return [type, await this.lists.cappedCount(this.db, actor, listQuery, countCap)] as const;
      }),
    );
    return { counts: Object.fromEntries(entries) as TypeCounts['counts'], cap: countCap };
  }

  /**
   * The sales module calls this when an opportunity is won: the customer becomes 成交 (deal) unless
   * it already is. Runs in the caller's transaction; no permission check of its own (the caller's
   * win was checked).
   */
  async markWon(executor: Kysely<Database>, customerId: string, actorId: string | null): Promise<boolean> {
    const row = await this.customers.findById(executor, customerId);
    if (!row || row.deleted_at || row.type === 'deal') return false;
    const at = this.now().toISOString();
    const updated = await this.customers.update(executor, customerId, row.version, {
      type: 'deal',
      type_changed_at: at,
      updated_at: at,
      updated_by: actorId,
    });
    if (!updated) return false;
    await this.log.recordTypeChange(executor, {
      customerId,
      from: row.type,
      to: 'deal',
      reason: 'opportunity_won',
      at,
      actorId,
    });
    await writeAudit(executor, {
      entityType: 'customer',
      entityId: customerId,
      action: 'update',
      actorId,
      at,
      changes: [{ field: 'type', old: row.type, new: 'deal' }],
    });
    return true;
  }
}
