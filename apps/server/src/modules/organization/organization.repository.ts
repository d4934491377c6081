import type { Kysely, Selectable } from 'kysely';
import type { Database, OrganizationsTable } from '../../db/schema';

export class OrganizationRepository {
  find(executor: Kysely<Database>) {
    return executor.selectFrom('organizations').selectAll().limit(1).executeTakeFirst();
  }

  async insert(executor: Kysely<Database>, row: Selectable<OrganizationsTable>) {
    await executor.insertInto('organizations').values(row).execute();
  }
}
