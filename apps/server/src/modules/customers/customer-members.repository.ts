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
}
