import type { CustomerType } from '@kehu/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { newId } from '../../platform/ids';

export type TypeChangeReason = 'create' | 'manual' | 'opportunity_won' | 'import' | 'merge';
export type OwnerChangeAction = 'transfer' | 'return' | 'claim' | 'assign' | 'reclaim' | 'merge';

/** The lifecycle (type) and ownership logs of customers: append-only, written in the change's transaction. */
export class CustomerLifecycleRepository {
  async recordTypeChange(
    executor: Kysely<Database>,
    change: {
      customerId: string;
      from: string | null;
      to: CustomerType;
      reason: TypeChangeReason;
      at: string;
      actorId: string | null;
    },
  ) {
    await this.recordTypeChanges(executor, [change]);
  }

  async recordTypeChanges(
    executor: Kysely<Database>,
    changes: Array<{
      customerId: string;
      from: string | null;
      to: CustomerType;
      reason: TypeChangeReason;
      at: string;
      actorId: string | null;
    }>,
  ) {
    for (let start = 0; start < changes.length; start += 500) {
      await executor
        .insertInto('customer_type_changes')
        .values(
          changes.slice(start, start + 500).map((change) => ({
            id: newId(),
            customer_id: change.customerId,
            from_type: change.from,
            to_type: change.to,
            reason: change.reason,
            at: change.at,
            actor_id: change.actorId,
          })),
        )
        .execute();
    }
  }

  async recordOwnerChanges(
    executor: Kysely<Database>,
    changes: Array<{
      customerId: string;
      action: OwnerChangeAction;
      from: string | null;
      to: string | null;
      reason: string | null;
      at: string;
      actorId: string | null;
    }>,
  ) {
    if (changes.length === 0) return;
    await executor
      .insertInto('customer_owner_changes')
      .values(
        changes.map((change) => ({
          id: newId(),
          customer_id: change.customerId,
          action: change.action,
          from_owner_id: change.from,
          to_owner_id: change.to,
          reason: change.reason,
          at: change.at,
          actor_id: change.actorId,
        })),
      )
      .execute();
  }

  typeChanges(executor: Kysely<Database>, customerId: string) {
    return executor
      .selectFrom('customer_type_changes')
      .selectAll()
      .where('customer_id', '=', customerId)
      .orderBy('id', 'desc')
      .limit(200)
      .execute();
  }

  /** How the customer's last change of owner came about (e.g. 'reclaim' when a rule took it). */
  async lastOwnerChangeAction(executor: Kysely<Database>, customerId: string): Promise<string | undefined> {
    const row = await executor
      .selectFrom('customer_owner_changes')
      .select('action')
      .where('customer_id', '=', customerId)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row?.action;
  }

  ownerChanges(executor: Kysely<Database>, customerId: string) {
    return executor
      .selectFrom('customer_owner_changes')
      .selectAll()
      .where('customer_id', '=', customerId)
      .orderBy('id', 'desc')
      .limit(200)
      .execute();
  }
}
