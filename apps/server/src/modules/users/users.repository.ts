import type { UserListQuery } from '@kehu/contracts';
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { DialectName } from '../../db/dialect';
import { containsText } from '../../db/dialect';
import type { Database, UsersTable } from '../../db/schema';
import { keysetPage } from '../../platform/pagination/keyset';

const userColumns = [
  'u.id',
  'u.email',
  'u.name',
  'u.status',
  'u.locale',
  'u.role_id',
  'u.department_id',
  'u.manager_id',
  'u.last_login_at',
  'u.created_at',
  'u.updated_at',
] as const;

export class UsersRepository {
  constructor(private readonly dialect: DialectName) {}

  private base(executor: Kysely<Database>) {
    return executor
      .selectFrom('users as u')
      .innerJoin('roles as r', 'r.id', 'u.role_id')
      .leftJoin('departments as d', 'd.id', 'u.department_id')
      .leftJoin('users as m', 'm.id', 'u.manager_id')
      .select(userColumns)
      .select(['r.name as role_name', 'd.name as department_name', 'm.name as manager_name']);
  }

  async list(executor: Kysely<Database>, query: UserListQuery) {
    return keysetPage(
      () => {
        let q = this.base(executor);
        if (query.q) {
          const text = query.q;
          q = q.where((eb) =>
            eb.or([containsText(this.dialect, 'u.name', text), containsText(this.dialect, 'u.email', text)]),
          );
        }
        if (query.departmentId) q = q.where('u.department_id', '=', query.departmentId);
        if (query.status) q = q.where('u.status', '=', query.status);
        return q;
      },
      { column: 'u.name', key: 'name', direction: 'asc', nullable: false, idColumn: 'u.id' },
      query,
    );
  }

  async find(executor: Kysely<Database>, id: string) {
    return this.base(executor).where('u.id', '=', id).executeTakeFirst();
  }

  async findCredentials(executor: Kysely<Database>, email: string) {
    return executor
      .selectFrom('users')
      .select(['id', 'password_hash', 'status', 'failed_login_count', 'locked_until'])
      .where('email', '=', email)
      .executeTakeFirst();
  }

  async findPasswordHash(executor: Kysely<Database>, id: string) {
    return (
      await executor.selectFrom('users').select('password_hash').where('id', '=', id).executeTakeFirst()
    )?.password_hash;
  }

  async emailTaken(executor: Kysely<Database>, email: string) {
    return (
      (await executor.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst()) !==
      undefined
    );
  }

  async insert(executor: Kysely<Database>, row: Insertable<UsersTable>) {
    await executor.insertInto('users').values(row).execute();
  }

  async update(executor: Kysely<Database>, id: string, values: Partial<Selectable<UsersTable>>) {
    await executor.updateTable('users').set(values).where('id', '=', id).execute();
  }

  /** The manager chain above a user, to refuse cycles. */
  async managerChain(executor: Kysely<Database>, id: string): Promise<string[]> {
    const chain: string[] = [];
    let current: string | null = id;
    while (current && chain.length < 100) {
      const row: { manager_id: string | null } | undefined = await executor
        .selectFrom('users')
        .select('manager_id')
        .where('id', '=', current)
        .executeTakeFirst();
      current = row?.manager_id ?? null;
      if (current) chain.push(current);
    }
    return chain;
  }

  async countActiveAdmins(executor: Kysely<Database>, exceptUserId?: string): Promise<number> {
    let query = executor
      .selectFrom('users as u')
      .innerJoin('roles as r', 'r.id', 'u.role_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('r.is_admin', '=', 1)
      .where('u.status', '=', 'active');
    if (exceptUserId) query = query.where('u.id', '!=', exceptUserId);
    return Number((await query.executeTakeFirstOrThrow()).n);
  }

  async namesOf(executor: Kysely<Database>, ids: string[]) {
    if (ids.length === 0) return [];
    return executor.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute();
  }

  async count(executor: Kysely<Database>): Promise<number> {
    return Number(
      (
        await executor
          .selectFrom('users')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  }
}

export type UserRow = NonNullable<Awaited<ReturnType<UsersRepository['find']>>>;
