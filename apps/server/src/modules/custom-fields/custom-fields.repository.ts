import type { Insertable, Kysely, Selectable } from 'kysely';
import type { CustomFieldDefinitionsTable, Database } from '../../db/schema';

export type CustomFieldRow = Selectable<CustomFieldDefinitionsTable>;

export class CustomFieldsRepository {
  list(executor: Kysely<Database>, entity: string | undefined, includeArchived: boolean) {
    let query = executor.selectFrom('custom_field_definitions').selectAll();
    if (entity) query = query.where('entity', '=', entity);
    if (!includeArchived) query = query.where('archived', '=', 0);
    return query.orderBy('entity').orderBy('sort').orderBy('created_at').execute();
  }

  find(executor: Kysely<Database>, id: string) {
    return executor
      .selectFrom('custom_field_definitions')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
  }

  findByKey(executor: Kysely<Database>, entity: string, key: string) {
    return executor
      .selectFrom('custom_field_definitions')
      .select('id')
      .where('entity', '=', entity)
      .where('key', '=', key)
      .executeTakeFirst();
  }

  async insert(executor: Kysely<Database>, row: Insertable<CustomFieldDefinitionsTable>) {
    await executor.insertInto('custom_field_definitions').values(row).execute();
  }

  async update(executor: Kysely<Database>, id: string, values: Partial<CustomFieldRow>) {
    await executor.updateTable('custom_field_definitions').set(values).where('id', '=', id).execute();
  }
}
