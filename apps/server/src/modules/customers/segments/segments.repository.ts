import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, SegmentsTable } from '../../../db/schema';

export type SegmentRow = Selectable<SegmentsTable>;

export class SegmentsRepository {
  /** The actor's own segments and those shared with their department. */
  listFor(executor: Kysely<Database>, userId: string, departmentId: string | null) {
    return executor
      .selectFrom('segments')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb('owner_id', '=', userId),
          ...(departmentId
            ? [eb.and([eb('visibility', '=', 'department'), eb('department_id', '=', departmentId)])]
            : []),
        ]),
      )
      .orderBy('name')
      .execute();
  }

  find(executor: Kysely<Database>, id: string) {
    return executor.selectFrom('segments').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async insert(executor: Kysely<Database>, row: Insertable<SegmentsTable>) {
    await executor.insertInto('segments').values(row).execute();
  }

  async update(executor: Kysely<Database>, id: string, values: Partial<SegmentRow>) {
    await executor.updateTable('segments').set(values).where('id', '=', id).execute();
  }

  async remove(executor: Kysely<Database>, id: string) {
    await executor.deleteFrom('segments').where('id', '=', id).execute();
  }
}
