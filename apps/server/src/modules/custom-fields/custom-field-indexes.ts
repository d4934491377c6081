import type { CustomField, CustomFieldType } from '@kehu/contracts';
import type { Kysely } from 'kysely';
import type { DialectName } from '../../db/dialect';
import type { Database } from '../../db/schema';
import type { JobRunner } from '../../platform/jobs/job-runner';
import { CustomFieldIndexesRepository } from './custom-field-indexes.repository';
import { toCustomField } from './custom-fields.mapper';
import { CustomFieldsRepository } from './custom-fields.repository';

export const CUSTOM_FIELD_INDEXES_JOB = 'customFields.indexes';

const prefix = 'customers_cf_';
/**
 * Values an index cannot serve: long text (not filtered), and on SQLite arrays (multi-select,
 * filtered by membership; PostgreSQL indexes them with GIN).
 */
const unindexedTypes = (dialect: DialectName): readonly CustomFieldType[] =>
  dialect === 'postgres' ? ['longText'] : ['multiSelect', 'longText'];
const numericTypes: readonly CustomFieldType[] = ['number', 'money'];

export const indexNameOf = (key: string) => `${prefix}${key}_idx`;

/**
 * One expression index per filterable customer field, so that a list filtered on a custom value
 * reads only the matching rows instead of every customer's JSON (at 1M customers a rare value
 * otherwise scans the table). Like the built-in filter indexes it ends with (updated_at, id), the
 * list's default order; a multi-select field gets a GIN index on PostgreSQL instead. Indexes are built by a background job (seconds on a large table, and
 * CONCURRENTLY on PostgreSQL so writes go on); the job makes the indexes match the definitions,
 * so it can run any number of times.
 */
export class CustomFieldIndexes {
  private readonly definitions = new CustomFieldsRepository();
  private readonly indexes: CustomFieldIndexesRepository;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: DialectName,
    private readonly jobs: JobRunner,
  ) {
    this.indexes = new CustomFieldIndexesRepository(dialect);
  }

  /** Queues the job that brings the indexes in line (after a field became filterable or stopped being). */
  async queue(executor: Kysely<Database>) {
    await this.jobs.enqueue(executor, CUSTOM_FIELD_INDEXES_JOB, {});
  }

  /** At start-up: queues the job when the indexes differ from the definitions (older installs). */
  async queueIfNeeded() {
    const { create, drop } = await this.differences();
    if (create.length > 0 || drop.length > 0) await this.queue(this.db);
  }

  /** The job: creates the missing indexes and drops those of fields no longer filterable. */
  async reconcile(): Promise<{ created: string[]; dropped: string[] }> {
    const { create, drop } = await this.differences();
    for (const name of drop) await this.indexes.drop(this.db, name);
    for (const field of create) {
      if (field.type === 'multiSelect') {
        await this.indexes.createArray(this.db, indexNameOf(field.key), field.key);
      } else {
        await this.indexes.create(
          this.db,
          indexNameOf(field.key),
          field.key,
          numericTypes.includes(field.type),
        );
      }
    }
    return { created: create.map((field) => indexNameOf(field.key)), dropped: drop };
  }

  private async differences(): Promise<{ create: CustomField[]; drop: string[] }> {
    const wanted = new Map(
      (await this.definitions.list(this.db, 'customer', true))
        .map(toCustomField)
        .filter(
          (field) =>
            field.filterable && !field.archived && !unindexedTypes(this.dialect).includes(field.type),
        )
        .map((field) => [indexNameOf(field.key), field]),
    );
    const existing = await this.indexes.existing(this.db, prefix);
    // An index PostgreSQL left invalid (a CONCURRENTLY build that failed) is dropped and built again.
    const drop = existing
      .filter((index) => !index.valid || !wanted.has(index.name))
      .map((index) => index.name);
    const kept = new Set(existing.filter((index) => index.valid).map((index) => index.name));
    const create = [...wanted].filter(([name]) => !kept.has(name)).map(([, field]) => field);
    return { create, drop };
  }
}
