import { type Kysely, type Selectable, sql } from 'kysely';
import type { Database, JobsTable } from '../../db/schema';

export type JobRow = Selectable<JobsTable>;

export class JobsRepository {
  async insert(executor: Kysely<Database>, row: Omit<JobRow, 'attempts'>) {
    await executor.insertInto('jobs').values(row).execute();
  }

  /** Takes the oldest due job for this process, or nothing when another took it first. */
  async claimNext(executor: Kysely<Database>, types: string[], at: string): Promise<JobRow | undefined> {
    if (types.length === 0) return undefined;
    const next = await executor
      .selectFrom('jobs')
      .select('id')
      .where('status', '=', 'queued')
      .where('run_after', '<=', at)
      .where('type', 'in', types)
      .orderBy('run_after')
      .orderBy('id')
      .limit(1)
      .executeTakeFirst();
    if (!next) return undefined;
    const claimed = await executor
      .updateTable('jobs')
      .set({ status: 'running', started_at: at, heartbeat_at: at, attempts: sql`attempts + 1` })
      .where('id', '=', next.id)
      .where('status', '=', 'queued')
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) return undefined;
    return executor.selectFrom('jobs').selectAll().where('id', '=', next.id).executeTakeFirst();
  }

  async heartbeat(executor: Kysely<Database>, id: string, at: string) {
    await executor.updateTable('jobs').set({ heartbeat_at: at }).where('id', '=', id).execute();
  }

  async finish(
    executor: Kysely<Database>,
    id: string,
    status: 'succeeded' | 'failed',
    at: string,
    error: string | null,
  ) {
    await executor.updateTable('jobs').set({ status, finished_at: at, error }).where('id', '=', id).execute();
  }

  /** Jobs whose process died mid-run (no heartbeat since `before`) go back to the queue. */
  async requeueStale(executor: Kysely<Database>, before: string): Promise<number> {
    const result = await executor
      .updateTable('jobs')
      .set({ status: 'queued' })
      .where('status', '=', 'running')
      .where('heartbeat_at', '<', before)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  async hasQueued(executor: Kysely<Database>, type: string): Promise<boolean> {
    const row = await executor
      .selectFrom('jobs')
      .select('id')
      .where('type', '=', type)
      .where('status', 'in', ['queued', 'running'])
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Sets when the queued jobs of a type run (a started one is left alone). */
  async moveQueued(executor: Kysely<Database>, type: string, runAfter: string) {
    await executor
      .updateTable('jobs')
      .set({ run_after: runAfter })
      .where('type', '=', type)
      .where('status', '=', 'queued')
      .execute();
  }

  find(executor: Kysely<Database>, id: string) {
    return executor.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
  }
}
