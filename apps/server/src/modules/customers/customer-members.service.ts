import { type CustomerMember, type PutMember, putMemberSchema } from '@kehu/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { writeAudit } from '../../platform/audit/audit';
import type { SessionsRepository } from '../../platform/auth/sessions.repository';
import { AppError, invalidField, notFound } from '../../platform/errors/app-error';
import { type Actor, assertCan, can } from '../../platform/permissions/actor';
import type { UsersService } from '../users/users.service';
import { CustomerMembersRepository } from './customer-members.repository';
import type { CustomersRepository } from './customers.repository';

/**
 * Team members (协作人): users added to a customer with read or read-write access, optionally until
 * a date. The data-scope query includes them (customers.repository); here they are managed by
 * whoever may change the customer.
 */
export class CustomerMembersService {
  private readonly members = new CustomerMembersRepository();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => Date,
    private readonly customers: CustomersRepository,
    private readonly sessions: SessionsRepository,
    private readonly users: UsersService,
  ) {}

  async list(actor: Actor, customerId: string): Promise<CustomerMember[]> {
    assertCan(actor, 'customers', 'view');
    if (!(await this.customers.findVisible(this.db, actor, customerId))) throw notFound('CUSTOMER_NOT_FOUND');
    const rows = await this.members.list(this.db, customerId);
    const names = await this.users.namesOf(
      this.db,
      rows.flatMap((row) => [row.user_id, row.added_by]),
    );
    const at = this.now().toISOString();
    return rows.map((row) => ({
      userId: row.user_id,
      userName: names.get(row.user_id) ?? null,
      access: row.access,
      expiresAt: row.expires_at,
      expired: row.expires_at !== null && row.expires_at <= at,
      addedBy: row.added_by,
      addedByName: row.added_by ? (names.get(row.added_by) ?? null) : null,
      addedAt: row.added_at,
    }));
  }

  async put(actor: Actor, customerId: string, userId: string, request: PutMember): Promise<CustomerMember[]> {
    const input = putMemberSchema.parse(request);
    await this.db.transaction().execute(async (trx) => {
      const customer = await this.assertManageable(trx, actor, customerId);
      const member = await this.sessions.actorForUser(trx, userId);
      if (!member) throw invalidField('userId', 'USER_NOT_FOUND');
      if (!can(member, 'customers', 'view')) throw invalidField('userId', 'TARGET_CANNOT_VIEW');
      if (customer.owner_id === userId) throw invalidField('userId', 'MEMBER_IS_OWNER');
      const at = this.now().toISOString();
      const expiresAt = input.expiresAt ? new Date(input.expiresAt).toISOString() : null;
      if (expiresAt && expiresAt <= at) throw invalidField('expiresAt', 'inFuture');
      const before = await this.members.find(trx, customerId, userId);
      await this.members.put(trx, {
        customer_id: customerId,
        user_id: userId,
        access: input.access,
        expires_at: expiresAt,
        added_by: before?.added_by ?? actor.id,
        added_at: before?.added_at ?? at,
      });
      await writeAudit(trx, {
        entityType: 'customer',
        entityId: customerId,
        action: 'update',
        actorId: actor.id,
        at,
        changes: [
          {
            field: 'member',
            old: before ? { userId, access: before.access, expiresAt: before.expires_at } : null,
            new: { userId, access: input.access, expiresAt },
          },
        ],
      });
    });
    return this.list(actor, customerId);
  }

  async remove(actor: Actor, customerId: string, userId: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await this.assertManageable(trx, actor, customerId);
      const before = await this.members.find(trx, customerId, userId);
      if (!before || !(await this.members.remove(trx, customerId, userId)))
        throw notFound('MEMBER_NOT_FOUND');
      await writeAudit(trx, {
        entityType: 'customer',
        entityId: customerId,
        action: 'update',
        actorId: actor.id,
        at: this.now().toISOString(),
        changes: [
          {
            field: 'member',
            old: { userId, access: before.access, expiresAt: before.expires_at },
            new: null,
          },
        ],
      });
    });
  }

  /** Managing the team is changing the customer: edit permission and write access to it. */
  private async assertManageable(executor: Kysely<Database>, actor: Actor, customerId: string) {
    assertCan(actor, 'customers', 'edit');
    const customer = await this.customers.findVisible(executor, actor, customerId);
    if (!customer || customer.deleted_at) throw notFound('CUSTOMER_NOT_FOUND');
    if (!(await this.customers.isWritable(executor, actor, customerId))) {
      throw new AppError('CUSTOMER_READ_ONLY', 403);
    }
    return customer;
  }
}
