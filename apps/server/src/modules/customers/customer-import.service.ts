import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { type Actor, assertCan } from '../../platform/permissions/actor';
import type { SettingsService } from '../settings/settings.service';
import type { UsersService } from '../users/users.service';
import {
  CustomerImportWriter,
  type DuplicatePolicy,
  type ImportCustomer,
  type ImportOutcome,
} from './customer-import.writer';
import type { CustomersRepository } from './customers.repository';
import { CustomerIdentitiesRepository } from './duplicates/customer-identities.repository';

/** What the imports module asks of customers: batches written in its transaction, owners for its messages. */
export class CustomerImportService {
  private readonly writer: CustomerImportWriter;

  constructor(
    private readonly repository: CustomersRepository,
    private readonly settings: SettingsService,
    private readonly users: UsersService,
  ) {
    this.writer = new CustomerImportWriter(repository, new CustomerIdentitiesRepository());
  }

  /**
   * For imports: a batch of checked rows, in the importer's transaction, with the import rule and
   * the user's duplicate policy (see CustomerImportWriter).
   */
  async importBatch(
    executor: Kysely<Database>,
    actor: Actor,
    records: ImportCustomer[],
    policy: DuplicatePolicy,
    at: string,
  ): Promise<ImportOutcome[]> {
    assertCan(actor, 'customers', 'import');
    const settings = await this.settings.dataQuality(executor);
    return this.writer.write(executor, actor, records, policy, settings.duplicateRules.import, at);
  }

  /** For contacts and imports: names and owners of customers, for messages about duplicates. */
  async ownersOf(
    executor: Kysely<Database>,
    ids: string[],
  ): Promise<Map<string, { name: string; ownerName: string | null }>> {
    const rows = await this.repository.namesAndOwners(executor, ids);
    const users = await this.users.namesOf(
      executor,
      rows.map((row) => row.owner_id),
    );
    return new Map(
      rows.map((row) => [
        row.id,
        { name: row.name, ownerName: row.owner_id ? (users.get(row.owner_id) ?? null) : null },
      ]),
    );
  }
}
