import type { Insertable, Kysely, Selectable } from 'kysely';
import { sql } from 'kysely';
import type { Database, ImportsTable } from '../../db/schema';

export type ImportRow = Selectable<ImportsTable>;

export class ImportsRepository {
  async insert(executor: Kysely<Database>, row: Insertable<ImportsTable>) {
    await executor.insertInto('imports').values(row).execute();
  }

  find(executor: Kysely<Database>, id: string): Promise<ImportRow | undefined> {
    return executor.selectFrom('imports').selectAll().where('id', '=', id).executeTakeFirst();
  }

  listOf(executor: Kysely<Database>, userId: string | null, limit: number) {
    let query = executor.selectFrom('imports').selectAll().orderBy('id', 'desc').limit(limit);
    if (userId) query = query.where('created_by', '=', userId);
    return query.execute();
  }

  /** Uploads never started, made before `before`. */
  draftsBefore(executor: Kysely<Database>, before: string, limit: number) {
    return executor
      .selectFrom('imports')
      .select(['id', 'file_path'])
      .where('status', '=', 'draft')
      .where('created_at', '<', before)
      .limit(limit)
      .execute();
  }

  /** Finished imports whose files are still kept, finished before `before`. */
  finishedWithFilesBefore(executor: Kysely<Database>, before: string, limit: number) {
    return executor
      .selectFrom('imports')
      .select(['id', 'file_path', 'failed_path'])
      .where('status', 'in', ['succeeded', 'failed'])
      .where('finished_at', '<', before)
      .where('files_removed_at', 'is', null)
      .limit(limit)
      .execute();
  }

  async remove(executor: Kysely<Database>, id: string) {
    await executor.deleteFrom('imports').where('id', '=', id).execute();
  }

  async update(executor: Kysely<Database>, id: string, values: Partial<ImportRow>) {
    await executor.updateTable('imports').set(values).where('id', '=', id).execute();
  }

  /** A batch's progress, committed with the batch's rows. */
  async addProgress(
    executor: Kysely<Database>,
    id: string,
    delta: { rows: number; bytes: number; created: number; updated: number; skipped: number; failed: number },
  ) {
    await executor
      .updateTable('imports')
      .set({
        rows_done: sql`rows_done + ${delta.rows}`,
        bytes_done: delta.bytes,
        created_count: sql`created_count + ${delta.created}`,
        updated_count: sql`updated_count + ${delta.updated}`,
        skipped_count: sql`skipped_count + ${delta.skipped}`,
        failed_count: sql`failed_count + ${delta.failed}`,
      })
      .where('id', '=', id)
      .execute();
  }
}
