import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';

/** Normalised phones and emails of a customer (contact_id null) or of one of its contacts. */
export interface Identities {
  phones: string[];
  emails: string[];
}

export type IdentityRow = {
  customer_id: string;
  contact_id: string | null;
  kind: 'phone' | 'email';
  value: string;
};

/** The rows of one customer's (or contact's) identities, each value once. */
export function identityRows(
  customerId: string,
  contactId: string | null,
  identities: Identities,
): IdentityRow[] {
  return [
    ...[...new Set(identities.phones)].map((value) => ({ kind: 'phone' as const, value })),
    ...[...new Set(identities.emails)].map((value) => ({ kind: 'email' as const, value })),
  ].map(({ kind, value }) => ({ customer_id: customerId, contact_id: contactId, kind, value }));
}

export class CustomerIdentitiesRepository {
  /** Replaces the identities of the customer itself, or of one contact when `contactId` is given. */
  async replace(
    executor: Kysely<Database>,
    customerId: string,
    contactId: string | null,
    identities: Identities,
  ): Promise<void> {
    let remove = executor.deleteFrom('customer_identities').where('customer_id', '=', customerId);
    remove =
      contactId === null
        ? remove.where('contact_id', 'is', null)
        : remove.where('contact_id', '=', contactId);
    await remove.execute();
    const rows = identityRows(customerId, contactId, identities);
    if (rows.length > 0) await executor.insertInto('customer_identities').values(rows).execute();
  }

  /** Removes every identity of these customers and of their contacts (the backfill writes them anew). */
  async removeAllOf(executor: Kysely<Database>, customerIds: string[]) {
    if (customerIds.length === 0) return;
    await executor.deleteFrom('customer_identities').where('customer_id', 'in', customerIds).execute();
  }

  /** The phones and email of these customers' live contacts (the backfill indexes them). */
  contactsOf(executor: Kysely<Database>, customerIds: string[]) {
    if (customerIds.length === 0) return Promise.resolve([]);
    return executor
      .selectFrom('contacts')
      .select(['id', 'customer_id', 'mobile', 'phone', 'email'])
      .where('customer_id', 'in', customerIds)
      .where('deleted_at', 'is', null)
      .execute();
  }

  /** When a contact moves to another customer, its identities go with it. */
  async moveContact(executor: Kysely<Database>, contactId: string, customerId: string): Promise<void> {
    await executor
      .updateTable('customer_identities')
      .set({ customer_id: customerId })
      .where('contact_id', '=', contactId)
      .execute();
  }

  /** Many identities at once (imports): which live customers hold each value. */
  async holdersOf(
    executor: Kysely<Database>,
    identities: Identities,
  ): Promise<Array<{ customer_id: string; kind: 'phone' | 'email'; value: string }>> {
    const rows: Array<{ customer_id: string; kind: 'phone' | 'email'; value: string }> = [];
    for (const [kind, values] of [
      ['phone', [...new Set(identities.phones)]],
      ['email', [...new Set(identities.emails)]],
    ] as const) {
      for (let start = 0; start < values.length; start += 500) {
        rows.push(
          ...(await executor
            .selectFrom('customer_identities as i')
            .innerJoin('customers as c', 'c.id', 'i.customer_id')
            .leftJoin('contacts as k', 'k.id', 'i.contact_id')
            .select(['i.customer_id', 'i.kind', 'i.value'])
            .where('i.kind', '=', kind)
            .where('i.value', 'in', values.slice(start, start + 500))
            .where('c.deleted_at', 'is', null)
            .where('k.deleted_at', 'is', null)
            .execute()),
        );
      }
    }
    return rows;
  }

  /** Identities of many customers or contacts at once (imports). */
  async insertMany(executor: Kysely<Database>, rows: IdentityRow[]) {
    for (let start = 0; start < rows.length; start += 500) {
      await executor
        .insertInto('customer_identities')
        .values(rows.slice(start, start + 500))
        .execute();
    }
  }

  /** Live customers holding any of these phones or emails (theirs or their live contacts'). */
  async customersHolding(
    executor: Kysely<Database>,
    identities: Identities,
    excludeId: string | undefined,
  ): Promise<Array<{ customer_id: string; kind: 'phone' | 'email' }>> {
    if (identities.phones.length === 0 && identities.emails.length === 0) return [];
    let query = executor
      .selectFrom('customer_identities as i')
      .innerJoin('customers as c', 'c.id', 'i.customer_id')
      .leftJoin('contacts as k', 'k.id', 'i.contact_id')
      .select(['i.customer_id', 'i.kind'])
      .distinct()
      .where((eb) =>
        eb.or([
          ...(identities.phones.length > 0
            ? [eb.and([eb('i.kind', '=', 'phone'), eb('i.value', 'in', identities.phones)])]
            : []),
          ...(identities.emails.length > 0
            ? [eb.and([eb('i.kind', '=', 'email'), eb('i.value', 'in', identities.emails)])]
            : []),
        ]),
      )
      .where('c.deleted_at', 'is', null)
      .where('k.deleted_at', 'is', null)
      .limit(50);
    if (excludeId) query = query.where('i.customer_id', '!=', excludeId);
    return query.execute();
  }
}
