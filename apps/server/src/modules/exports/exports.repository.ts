import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, ExportsTable } from '../../db/schema';

export type ExportRow = Selectable<ExportsTable>;

export class ExportsRepository {
  async insert(executor: Kysely<Database>, row: Insertable<ExportsTable>) {
    await executor.insertInto('exports').values(row).execute();
  }

  find(executor: Kysely<Database>, id: string): Promise<ExportRow | undefined> {
    return executor.selectFrom('exports').selectAll().where('id', '=', id).executeTakeFirst();
  }

  listOf(executor: Kysely<Database>, userId: string, limit: number) {
    return executor
      .selectFrom('exports')
      .selectAll()
      .where('created_by', '=', userId)
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
  }

  /** Finished exports whose file is still kept, finished before `before` (oldest first). */
  readyBefore(executor: Kysely<Database>, before: string, limit: number) {
    return executor
      .selectFrom('exports')
      .select(['id', 'file_path'])
      .where('status', '=', 'succeeded')
      .where('finished_at', '<', before)
      .orderBy('finished_at')
      .limit(limit)
      .execute();
  }

  async update(executor: Kysely<Database>, id: string, values: Partial<ExportRow>) {
    await executor.updateTable('exports').set(values).where('id', '=', id).execute();
  }
}
