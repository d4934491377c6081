import { type TagCustomers, tagCustomersSchema } from '@kehu/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { writeAuditMany } from '../../platform/audit/audit';
import { staleRecord } from '../../platform/errors/app-error';
import { type Actor, assertCan } from '../../platform/permissions/actor';
import { selectionError } from './customer-moves';
import type { CustomersRepository } from './customers.repository';

/** As many as one customer's form allows. */
const maxTagsPerCustomer = 20;

/**
 * Tags added to and removed from a selection of customers (up to 500) in one go: each customer the
 * actor may change, all or nothing, with a history entry for each customer whose tags change.
 */
export class CustomerTaggingService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => Date,
    private readonly repository: CustomersRepository,
  ) {}

  async tag(actor: Actor, request: TagCustomers): Promise<{ changed: number }> {
    assertCan(actor, 'customers', 'edit');
    const input = tagCustomersSchema.parse(request);
    const add = [...new Set(input.add)];
    const remove = new Set(input.remove);
    return this.db.transaction().execute(async (trx) => {
      const ids = [...new Set(input.customerIds)];
      const rows = new Map(
        (await this.repository.findManyWritable(trx, actor, ids)).map((row) => [row.id, row]),
      );
      const missing = input.customerIds.findIndex((id) => !rows.has(id));
      if (missing >= 0) throw selectionError(missing, 'CUSTOMER_NOT_FOUND');
      const current = await this.repository.tagsOf(trx, ids);
      const changes = ids.flatMap((id) => {
        // Sorted here, as `after` is: the database's collation need not order them the same way.
        const before = [...(current.get(id) ?? [])].sort();
        const after = [...new Set([...before, ...add])].filter((tag) => !remove.has(tag)).sort();
        return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ id, before, after }];
      });
      const tooMany = changes.find((change) => change.after.length > maxTagsPerCustomer);
      if (tooMany) throw selectionError(input.customerIds.indexOf(tooMany.id), 'TOO_MANY_TAGS');
      if (changes.length === 0) return { changed: 0 };

      const at = this.now().toISOString();
      const changedIds = changes.map((change) => change.id);
      // The versions first: a customer changed since it was read refuses the batch (409) before its
      // tags are touched, and on PostgreSQL the rows stay locked until the tags are written.
      const moved = await this.repository.updateMany(
        trx,
        changedIds.map((id) => rows.get(id) as { id: string; version: number }),
        { updated_at: at, updated_by: actor.id },
      );
      if (moved !== changes.length) throw staleRecord();
      await this.repository.removeTags(trx, changedIds, [...remove]);
      await this.repository.addTags(
        trx,
        changes.flatMap((change) =>
          change.after
            .filter((tag) => !change.before.includes(tag))
            .map((tag) => ({ customerId: change.id, tag })),
        ),
      );
      await writeAuditMany(
        trx,
        changes.map((change) => ({
          entityType: 'customer',
          entityId: change.id,
          action: 'update' as const,
          actorId: actor.id,
          at,
          changes: [{ field: 'tags', old: change.before, new: change.after }],
        })),
      );
      return { changed: changes.length };
    });
  }
}
