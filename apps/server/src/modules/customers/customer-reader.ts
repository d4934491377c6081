import type { Customer } from '@kehu/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { AppError, notFound } from '../../platform/errors/app-error';
import type { Actor } from '../../platform/permissions/actor';
import type { DepartmentsService } from '../departments/departments.service';
import type { UsersService } from '../users/users.service';
import { toCustomer } from './customers.mapper';
import type { CustomerRow, CustomersRepository } from './customers.repository';

/**
 * Reads customers for the service's writes and answers: a row the actor may see (404 otherwise) or
 * change (403 for a read-only team member), and rows turned into DTOs with their names and tags in
 * three queries for the whole page.
 */
export class CustomerReader {
  constructor(
    private readonly repository: CustomersRepository,
    private readonly users: UsersService,
    private readonly departments: DepartmentsService,
  ) {}

  async visibleRow(executor: Kysely<Database>, actor: Actor, id: string): Promise<CustomerRow> {
    const row = await this.repository.findVisible(executor, actor, id);
    if (!row) throw notFound('CUSTOMER_NOT_FOUND');
    return row;
  }

  /** Visible and changeable: a read-only team member gets 403 (they know the customer exists). */
  async writableRow(executor: Kysely<Database>, actor: Actor, id: string): Promise<CustomerRow> {
    const row = await this.visibleRow(executor, actor, id);
    if (!(await this.repository.isWritable(executor, actor, id)))
      throw new AppError('CUSTOMER_READ_ONLY', 403);
    return row;
  }

  /** After the actor's own write (which may move the record out of their scope). */
  async rowUnscoped(executor: Kysely<Database>, id: string): Promise<CustomerRow> {
    const row = await this.repository.findById(executor, id);
    if (!row) throw notFound('CUSTOMER_NOT_FOUND');
    return row;
  }

  async visibleDto(executor: Kysely<Database>, actor: Actor, id: string): Promise<Customer> {
    return (await this.toDtos(executor, [await this.visibleRow(executor, actor, id)]))[0] as Customer;
  }

  async dtoUnscoped(executor: Kysely<Database>, id: string): Promise<Customer> {
    return (await this.toDtos(executor, [await this.rowUnscoped(executor, id)]))[0] as Customer;
  }

  async toDtos(executor: Kysely<Database>, rows: CustomerRow[]): Promise<Customer[]> {
    const [users, departments, tags, pools] = await Promise.all([
      this.users.namesOf(
        executor,
        rows.flatMap((row) => [row.owner_id, row.created_by, row.updated_by]),
      ),
      this.departments.namesOf(
        executor,
        rows.map((row) => row.department_id),
      ),
      this.repository.tagsOf(
        executor,
        rows.map((row) => row.id),
      ),
      this.repository.poolNamesOf(
        executor,
        rows.map((row) => row.pool_id),
      ),
    ]);
    return rows.map((row) => toCustomer(row, { users, departments, tags, pools }));
  }
}
