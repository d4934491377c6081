import type { Kysely, Selectable } from 'kysely';
import type { Database, DepartmentsTable } from '../../db/schema';

export type DepartmentRow = Selectable<DepartmentsTable> & { user_count: number };

export class DepartmentsRepository {
  private base(executor: Kysely<Database>) {
    return executor
      .selectFrom('departments as d')
      .selectAll('d')
      .select((eb) =>
        eb
          .selectFrom('users as u')
          .whereRef('u.department_id', '=', 'd.id')
          .select(eb.fn.countAll<number>().as('n'))
          .as('user_count'),
      );
  }

  async list(executor: Kysely<Database>): Promise<DepartmentRow[]> {
    return (await this.base(executor).orderBy('d.sort').orderBy('d.name').execute()) as DepartmentRow[];
  }

  async find(executor: Kysely<Database>, id: string): Promise<DepartmentRow | undefined> {
    return (await this.base(executor).where('d.id', '=', id).executeTakeFirst()) as DepartmentRow | undefined;
  }

  async insert(executor: Kysely<Database>, row: Selectable<DepartmentsTable>): Promise<void> {
    await executor.insertInto('departments').values(row).execute();
  }

  async update(executor: Kysely<Database>, id: string, values: Partial<Selectable<DepartmentsTable>>) {
    await executor.updateTable('departments').set(values).where('id', '=', id).execute();
  }

  /** Moving a department rewrites the path prefix of its whole subtree in one statement. */
  async movePaths(executor: Kysely<Database>, oldPrefix: string, newPrefix: string, updatedAt: string) {
    const rows = await executor
      .selectFrom('departments')
      .select(['id', 'path'])
      .where('path', 'like', `${oldPrefix}%`)
      .execute();
    for (const row of rows) {
      await executor
        .updateTable('departments')
        .set({ path: newPrefix + row.path.slice(oldPrefix.length), updated_at: updatedAt })
        .where('id', '=', row.id)
        .execute();
    }
  }

  async namesOf(executor: Kysely<Database>, ids: string[]) {
    if (ids.length === 0) return [];
    return executor.selectFrom('departments').select(['id', 'name']).where('id', 'in', ids).execute();
  }

  /** Every department's materialised path (departments are few: hundreds at most). */
  allPaths(executor: Kysely<Database>) {
    return executor.selectFrom('departments').select(['id', 'path']).execute();
  }

  async countChildren(executor: Kysely<Database>, id: string): Promise<number> {
    const row = await executor
      .selectFrom('departments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('parent_id', '=', id)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async delete(executor: Kysely<Database>, id: string) {
    await executor.deleteFrom('departments').where('id', '=', id).execute();
  }
}
