import type { ContactListQuery } from '@kehu/contracts';
import type { Insertable, Kysely, Selectable } from 'kysely';
import { containsText, type DialectName } from '../../db/dialect';
import type { ContactsTable, Database } from '../../db/schema';
import { keysetPage } from '../../platform/pagination/keyset';
import type { Actor } from '../../platform/permissions/actor';
import { scopeWithShares } from '../../platform/permissions/data-scope';

const contactColumns = [
  'k.id',
  'k.customer_id',
  'k.name',
  'k.title',
  'k.mobile',
  'k.phone',
  'k.email',
  'k.wechat',
  'k.birthday',
  'k.notes',
  'k.is_primary',
  'k.custom',
  'k.version',
  'k.created_at',
  'k.created_by',
  'k.updated_at',
  'k.updated_by',
  'k.deleted_at',
] as const;

/**
 * Contacts are seen through their customer: the customer's owner and department decide the scope,
 * so the scope join reads the customers table (a contact has no owner of its own).
 */
export class ContactsRepository {
  constructor(
    private readonly dialect: DialectName,
    private readonly now: () => Date,
  ) {}

  private visible(executor: Kysely<Database>, actor: Actor) {
    return executor
      .selectFrom('contacts as k')
      .innerJoin('customers as c', 'c.id', 'k.customer_id')
      .select(contactColumns)
      .select('c.name as customer_name')
      .where('c.deleted_at', 'is', null)
      .where((eb) =>
        // Team members of the customer see its contacts too.
        scopeWithShares(
          eb,
          actor,
          { owner: 'c.owner_id', department: 'c.department_id' },
          { record: 'c.id', table: 'customer_members', key: 'customer_id', at: this.now().toISOString() },
        ),
      );
  }

  findVisible(executor: Kysely<Database>, actor: Actor, id: string) {
    return this.visible(executor, actor).where('k.id', '=', id).executeTakeFirst();
  }

  async list(executor: Kysely<Database>, actor: Actor, query: ContactListQuery) {
    return keysetPage(
      () => {
        let q = this.visible(executor, actor);
        q =
          query.deleted === 'true'
            ? q.where('k.deleted_at', 'is not', null)
            : q.where('k.deleted_at', 'is', null);
        if (query.customerId) q = q.where('k.customer_id', '=', query.customerId);
        if (query.q) {
          const text = query.q;
          q = q.where((eb) =>
            eb.or(
              ['k.name', 'k.mobile', 'k.phone', 'k.email'].map((column) =>
                containsText(this.dialect, column, text),
              ),
            ),
          );
        }
        return q;
      },
      // A customer's contacts read best by name; the full list shows the latest changes first.
      query.customerId
        ? { column: 'k.name', key: 'name', direction: 'asc', nullable: false, idColumn: 'k.id' }
        : { column: 'k.updated_at', key: 'updated_at', direction: 'desc', nullable: false, idColumn: 'k.id' },
      query,
    );
  }

  async insert(executor: Kysely<Database>, row: Insertable<ContactsTable>) {
    await executor.insertInto('contacts').values(row).execute();
  }

  async insertMany(executor: Kysely<Database>, rows: Array<Insertable<ContactsTable>>) {
    for (let start = 0; start < rows.length; start += 200) {
      await executor
        .insertInto('contacts')
        .values(rows.slice(start, start + 200))
        .execute();
    }
  }

  async update(
    executor: Kysely<Database>,
    id: string,
    expectedVersion: number,
    values: Partial<Selectable<ContactsTable>>,
  ) {
    const result = await executor
      .updateTable('contacts')
      .set({ ...values, version: expectedVersion + 1 })
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** One primary contact per customer: marking one clears the others. */
  /** A merge: every contact of `fromIds` now belongs to `toId`; only the survivor's primary stays primary. */
  async moveToCustomer(
    executor: Kysely<Database>,
    fromIds: string[],
    toId: string,
    at: string,
    actorId: string,
  ) {
    const survivorHasPrimary = await executor
      .selectFrom('contacts')
      .select('id')
      .where('customer_id', '=', toId)
      .where('is_primary', '=', 1)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    const moved = await executor
      .selectFrom('contacts')
      .select('id')
      .where('customer_id', 'in', fromIds)
      .execute();
    await executor
      .updateTable('contacts')
      .set((eb) => ({
        customer_id: toId,
        ...(survivorHasPrimary ? { is_primary: 0 } : {}),
        updated_at: at,
        updated_by: actorId,
        version: eb('version', '+', 1),
      }))
      .where('customer_id', 'in', fromIds)
      .execute();
    return moved.map((row) => row.id);
  }

  async clearPrimary(executor: Kysely<Database>, customerId: string, exceptId: string) {
    await executor
      .updateTable('contacts')
      .set((eb) => ({ is_primary: 0, version: eb('version', '+', 1) }))
      .where('customer_id', '=', customerId)
      .where('id', '!=', exceptId)
      .where('is_primary', '=', 1)
      .execute();
  }
}

export type ContactRow = NonNullable<Awaited<ReturnType<ContactsRepository['findVisible']>>>;
