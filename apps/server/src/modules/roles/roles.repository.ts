import type { Kysely, Selectable } from 'kysely';
import type { Database, RolesTable } from '../../db/schema';

export type RoleRow = Selectable<RolesTable> & { user_count: number };

export class RolesRepository {
  private base(executor: Kysely<Database>) {
    return executor
      .selectFrom('roles as r')
      .selectAll('r')
      .select((eb) =>
        eb
          .selectFrom('users as u')
          .whereRef('u.role_id', '=', 'r.id')
          .select(eb.fn.countAll<number>().as('n'))
          .as('user_count'),
      );
  }

  async list(executor: Kysely<Database>): Promise<RoleRow[]> {
    return (await this.base(executor).orderBy('r.is_admin', 'desc').orderBy('r.name').execute()) as RoleRow[];
  }

  async find(executor: Kysely<Database>, id: string): Promise<RoleRow | undefined> {
    return (await this.base(executor).where('r.id', '=', id).executeTakeFirst()) as RoleRow | undefined;
  }

  async findByName(executor: Kysely<Database>, name: string): Promise<{ id: string } | undefined> {
    return executor.selectFrom('roles').select('id').where('name', '=', name).executeTakeFirst();
  }

  async insert(executor: Kysely<Database>, row: Selectable<RolesTable>): Promise<void> {
    await executor.insertInto('roles').values(row).execute();
  }

  async update(
    executor: Kysely<Database>,
    id: string,
    values: Partial<Selectable<RolesTable>>,
  ): Promise<void> {
    await executor.updateTable('roles').set(values).where('id', '=', id).execute();
  }

  async delete(executor: Kysely<Database>, id: string): Promise<void> {
    await executor.deleteFrom('roles').where('id', '=', id).execute();
  }
}
