import type { Kysely, Selectable } from 'kysely';
import type { CustomerMembersTable, Database } from '../../db/schema';

export class CustomerMembersRepository {
  list(executor: Kysely<Database>, customerId: string): Promise<Selectable<CustomerMembersTable>[]> {
    return executor
      .selectFrom('customer_members')
      .selectAll()
      .where('customer_id', '=', customerId)
      .orderBy('added_at')
      .execute();
  }

  find(executor: Kysely<Database>, customerId: string, userId: string) {
    return executor
      .selectFrom('customer_members')
      .selectAll()
      .where('customer_id', '=', customerId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
  }

  async put(executor: Kysely<Database>, row: Selectable<CustomerMembersTable>) {
    await executor
      .insertInto('customer_members')
      .values(row)
      .onConflict((oc) =>
        oc
          .columns(['customer_id', 'user_id'])
          .doUpdateSet({ access: row.access, expires_at: row.expires_at }),
      )
      .execute();
  }

  async remove(executor: Kysely<Database>, customerId: string, userId: string): Promise<boolean> {
    const result = await executor
      .deleteFrom('customer_members')
      .where('customer_id', '=', customerId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** A merge: members of the merged customers join the survivor's team (existing members and the owner stay as they are). */
  async mergeInto(executor: Kysely<Database>, fromIds: string[], toId: string, ownerId: string | null) {
    const existing = new Set((await this.list(executor, toId)).map((row) => row.user_id));
    const incoming = await executor
      .selectFrom('customer_members')
      .selectAll()
      .where('customer_id', 'in', fromIds)
      .execute();
    for (const row of incoming) {
      if (existing.has(row.user_id) || row.user_id === ownerId) continue;
      existing.add(row.user_id);
      await this.put(executor, { ...row, customer_id: toId });
    }
  }
}
