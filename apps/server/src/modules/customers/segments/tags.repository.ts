import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';

export class TagsRepository {
  list(executor: Kysely<Database>) {
    return executor.selectFrom('tag_definitions').selectAll().orderBy('name').execute();
  }

  find(executor: Kysely<Database>, name: string) {
    return executor.selectFrom('tag_definitions').selectAll().where('name', '=', name).executeTakeFirst();
  }

  async upsert(
    executor: Kysely<Database>,
    row: { name: string; color: string; description: string | null; by: string; at: string },
  ) {
    await executor
      .insertInto('tag_definitions')
      .values({
        name: row.name,
        color: row.color,
        description: row.description,
        created_by: row.by,
        created_at: row.at,
        updated_at: row.at,
      })
      .onConflict((oc) =>
        oc.column('name').doUpdateSet({ color: row.color, description: row.description, updated_at: row.at }),
      )
      .execute();
  }

  async removeDefinition(executor: Kysely<Database>, name: string) {
    await executor.deleteFrom('tag_definitions').where('name', '=', name).execute();
  }

  /** Every customer tagged `from` is tagged `to` instead (one row each, even if it had both). */
  async renameOnCustomers(executor: Kysely<Database>, from: string, to: string): Promise<number> {
    await executor
      .deleteFrom('customer_tags')
      .where('tag', '=', from)
      .where('customer_id', 'in', (eb) =>
        eb.selectFrom('customer_tags').select('customer_id').where('tag', '=', to),
      )
      .execute();
    const result = await executor
      .updateTable('customer_tags')
      .set({ tag: to })
      .where('tag', '=', from)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  async removeFromCustomers(executor: Kysely<Database>, name: string): Promise<number> {
    const result = await executor.deleteFrom('customer_tags').where('tag', '=', name).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
