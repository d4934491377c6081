import { type TransferCustomers, transferCustomersSchema } from '@kehu/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { type Actor, assertCan } from '../../platform/permissions/actor';
import { moveCustomers, selectionError } from './customer-moves';
import type { CustomerOwnership } from './customer-ownership';
import { type CustomerRow, type CustomersRepository, leavePool } from './customers.repository';

/**
 * Other modules' open work on a customer (follow-ups, opportunities, tickets) that moves with it to
 * the new owner; each module registers one when it exists.
 */
export type OpenWorkTransfer = (
  executor: Kysely<Database>,
  change: {
    customerIds: string[];
    fromOwnerIds: Map<string, string | null>;
    toUserId: string;
    actor: Actor;
    at: string;
  },
) => Promise<void>;

/** Handover (移交) of one or many customers to another user: all or nothing, logged per customer. */
export class CustomerTransferService {
  private readonly openWork: OpenWorkTransfer[] = [];

  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => Date,
    private readonly repository: CustomersRepository,
    private readonly ownership: CustomerOwnership,
  ) {}

  registerOpenWork(transfer: OpenWorkTransfer) {
    this.openWork.push(transfer);
  }

  async transfer(actor: Actor, request: TransferCustomers): Promise<{ transferred: number }> {
    assertCan(actor, 'customers', 'transfer');
    const input = transferCustomersSchema.parse(request);
    return this.db.transaction().execute(async (trx) => {
      const target = {
        id: input.toUserId,
        departmentId: await this.ownership.receiverDepartment(trx, input.toUserId, 'toUserId'),
      };
      const at = this.now().toISOString();
      const ids = [...new Set(input.customerIds)];
      // One read and one write for the whole selection (up to 500), not a round of queries each.
      const rows = new Map(
        (await this.repository.findManyWritable(trx, actor, ids)).map((row) => [row.id, row]),
      );
      const missing = input.customerIds.findIndex((id) => !rows.has(id));
      if (missing >= 0) {
        throw selectionError(missing, 'CUSTOMER_NOT_FOUND');
      }
      const moving = ids.map((id) => rows.get(id) as CustomerRow).filter((row) => row.owner_id !== target.id);
      const fromOwners = new Map(moving.map((row) => [row.id, row.owner_id]));
      await moveCustomers(trx, this.repository, {
        rows: moving,
        values: {
          owner_id: target.id,
          department_id: target.departmentId,
          owner_since: at,
          locked: 0,
          // A pooled customer handed to someone leaves its pool (owned and pooled at once is neither).
          ...leavePool,
        },
        action: 'transfer',
        reason: input.reason,
        actorId: actor.id,
        at,
        from: (row) => row.owner_id,
        to: target.id,
        changes: (row) => [
          { field: 'ownerId', old: row.owner_id, new: target.id },
          ...(row.department_id !== target.departmentId
            ? [{ field: 'departmentId', old: row.department_id, new: target.departmentId }]
            : []),
        ],
      });
      const movedIds = [...fromOwners.keys()];
      if (input.includeOpenWork && movedIds.length > 0) {
        for (const transfer of this.openWork) {
          await transfer(trx, {
            customerIds: movedIds,
            fromOwnerIds: fromOwners,
            toUserId: target.id,
            actor,
            at,
          });
        }
      }
      return { transferred: movedIds.length };
    });
  }
}
