import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { invalidField } from '../../platform/errors/app-error';
import { type Actor, can } from '../../platform/permissions/actor';
import type { DepartmentsService } from '../departments/departments.service';
import type { UsersService } from '../users/users.service';

/**
 * Who may own a customer and under which department it is filed, for every path that sets an owner
 * (create, edit, handover): the same rules, the same field-named errors.
 */
export class CustomerOwnership {
  constructor(
    private readonly users: UsersService,
    private readonly departments: DepartmentsService,
  ) {}

  /**
   * The department of a user who may receive customers: an active user whose role sees them
   * (they will own them), else a 400 on `field`.
   */
  async receiverDepartment(
    executor: Kysely<Database>,
    userId: string,
    field: string,
  ): Promise<string | null> {
    const owner = await this.users.customerOwnerDepartment(executor, userId);
    if ('problem' in owner) throw invalidField(field, owner.problem);
    return owner.departmentId;
  }

  /**
   * The department a customer is filed under when `ownerId` owns it. Giving it to someone else needs
   * the transfer permission; the department follows the owner unless one is named.
   * `previousOwnerId` is undefined for a new customer.
   */
  async resolve(
    executor: Kysely<Database>,
    actor: Actor,
    ownerId: string,
    departmentId: string | null | undefined,
    previousOwnerId: string | null | undefined,
  ): Promise<string | null> {
    // A new record may be one's own; any other owner, and any change of owner, is a handover (移交):
    // a team member who may edit a customer must not make it theirs.
    const creatingOwn = previousOwnerId === undefined && ownerId === actor.id;
    if (ownerId !== previousOwnerId && !creatingOwn && !can(actor, 'customers', 'transfer')) {
      throw invalidField('ownerId', 'OWNER_OUT_OF_SCOPE');
    }
    const ownerDepartment = await this.receiverDepartment(executor, ownerId, 'ownerId');
    if (departmentId === undefined || departmentId === ownerDepartment) return ownerDepartment;
    // Filing a record under another department than its owner's moves it into other people's scope.
    if (!can(actor, 'customers', 'transfer')) throw invalidField('departmentId', 'OWNER_OUT_OF_SCOPE');
    if (departmentId !== null && !(await this.departments.exists(executor, departmentId))) {
      throw invalidField('departmentId', 'DEPARTMENT_NOT_FOUND');
    }
    return departmentId;
  }
}
