import type { MeResponse, SetupRequest } from '@kehu/contracts';
import { setupRequestSchema } from '@kehu/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { conflict } from '../../platform/errors/app-error';
import type { ClientMeta } from '../../platform/http';
import { newId } from '../../platform/ids';
import type { AuthService } from '../auth/auth.service';
import type { DepartmentsService } from '../departments/departments.service';
import type { RolesService } from '../roles/roles.service';
import type { UsersService } from '../users/users.service';
import type { OrganizationService } from './organization.service';

/** First run: the organisation, its default roles, a root department and the administrator. */
export class SetupService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => Date,
    private readonly organization: OrganizationService,
    private readonly roles: RolesService,
    private readonly departments: DepartmentsService,
    private readonly users: UsersService,
    private readonly auth: AuthService,
  ) {}

  async needsSetup(): Promise<boolean> {
    return (await this.organization.current()) === undefined;
  }

  async setup(request: SetupRequest, meta: ClientMeta): Promise<{ token: string; me: MeResponse }> {
    const input = setupRequestSchema.parse(request);
    const token = await this.db.transaction().execute(async (trx) => {
      const { adminUserId } = await this.createOrganization(trx, input);
      return this.auth.createSession(trx, adminUserId, meta);
    });
    return { token, me: await this.auth.meForToken(token) };
  }

  /** Shared by the setup page and the CLI; fails when the organisation exists already. */
  async createOrganization(executor: Kysely<Database>, request: SetupRequest) {
    const input = setupRequestSchema.parse(request);
    if (await this.organization.existsIn(executor)) throw conflict('SETUP_ALREADY_DONE');
    await this.organization.create(executor, {
      id: newId(),
      name: input.organizationName,
      locale: input.locale,
      timeZone: input.timeZone,
      now: this.now().toISOString(),
    });
    const roleIds = await this.roles.createDefaults(executor, input.locale);
    const rootDepartmentId = await this.departments.createUnchecked(executor, {
      name: input.organizationName,
    });
    const adminUserId = await this.users.createUnchecked(executor, {
      email: input.adminEmail,
      name: input.adminName,
      password: input.adminPassword,
      roleId: roleIds.admin,
      departmentId: rootDepartmentId,
      locale: input.locale,
    });
    return { adminUserId, roleIds, rootDepartmentId };
  }
}
