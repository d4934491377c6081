import type { Kysely, Selectable, Updateable } from 'kysely';
import type { Database, OrganizationsTable } from '../../db/schema';

export class OrganizationRepository {
  find(executor: Kysely<Database>) {
    return executor.selectFrom('organizations').selectAll().limit(1).executeTakeFirst();
  }

  async insert(executor: Kysely<Database>, row: Selectable<OrganizationsTable>) {
    await executor.insertInto('organizations').values(row).execute();
  }

  async update(executor: Kysely<Database>, id: string, values: Updateable<OrganizationsTable>) {
    await executor.updateTable('organizations').set(values).where('id', '=', id).execute();
  }
}
