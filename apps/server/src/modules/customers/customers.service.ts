import {
  type CreateCustomer,
  type Customer,
  type CustomerListQuery,
  type CustomerPage,
  createCustomerSchema,
  type EntryPoint,
  type UpdateCustomer,
} from '@kehu/contracts';
import type { Kysely } from 'kysely';
import type { DialectName } from '../../db/dialect';
import type { Database } from '../../db/schema';
import { diffFields, writeAudit } from '../../platform/audit/audit';
import { labelHistory, listHistory } from '../../platform/audit/history.repository';
import { AppError, notFound, ruleViolation, staleRecord } from '../../platform/errors/app-error';
import { newId } from '../../platform/ids';
import { companyNameKey } from '../../platform/normalize/company-name.normalize';
import { type Actor, assertCan } from '../../platform/permissions/actor';
import { emptyToNull } from '../../platform/text';
import type { CustomFieldsService } from '../custom-fields/custom-fields.service';
import { type CustomFilter, parseCustomFilters } from '../custom-fields/custom-filters';
import type { DepartmentsService } from '../departments/departments.service';
import type { OrganizationService } from '../organization/organization.service';
import { phoneRegionOf } from '../settings/phone-region';
import type { SettingsService } from '../settings/settings.service';
import type { UsersService } from '../users/users.service';
import { CustomerIdentityService } from './customer-identity.service';
import { normalizeCustomerFields } from './customer-input.normalize';
import { CustomerLifecycleRepository } from './customer-lifecycle.repository';
import { CustomerListRepository } from './customer-list.repository';
import { CustomerOwnership } from './customer-ownership';
import { CustomerReader } from './customer-reader';
import { auditedCustomerFields } from './customers.mapper';
import { CustomersRepository, leavePool } from './customers.repository';
import { DuplicateChecker } from './duplicates/duplicate-checker';

const ENTITY = 'customer';

export interface WriteOptions {
  /** Which duplicate rules apply (DESIGN: manual = the web app and the API). */
  entryPoint?: EntryPoint;
  /** Runs in the same transaction once the customer exists (e.g. its first contact): all or nothing. */
  alsoInTransaction?: (executor: Kysely<Database>, customerId: string, at: string) => Promise<void>;
}

export class CustomersService {
  /** Shared with the module's other services (transfer, members, lifecycle, imports). */
  readonly repository: CustomersRepository;
  readonly lists: CustomerListRepository;
  /** Normalised identities and duplicate checks; contacts use it too. */
  readonly identity: CustomerIdentityService;
  private readonly lifecycle = new CustomerLifecycleRepository();
  private readonly reader: CustomerReader;
  /** Who may own a customer; handover uses the same rules. */
  readonly ownership: CustomerOwnership;

  constructor(
    private readonly db: Kysely<Database>,
    dialect: DialectName,
    private readonly now: () => Date,
    private readonly users: UsersService,
    private readonly departments: DepartmentsService,
    private readonly settings: SettingsService,
    private readonly customFields: CustomFieldsService,
    private readonly organization: Pick<OrganizationService, 'timeZone'>,
    sortProbeCap?: number,
  ) {
    this.repository = new CustomersRepository(dialect, now);
    this.lists = new CustomerListRepository(dialect, now, sortProbeCap);
    this.identity = new CustomerIdentityService(db, dialect, this.repository, settings, users, departments);
    this.reader = new CustomerReader(this.repository, users, departments);
    this.ownership = new CustomerOwnership(users, departments);
  }

  async list(actor: Actor, query: CustomerListQuery): Promise<CustomerPage> {
    assertCan(actor, 'customers', 'view');
    const page = await this.lists.list(this.db, actor, await this.withCustomFilters(query));
    return { items: await this.reader.toDtos(this.db, page.rows), nextCursor: page.nextCursor };
  }

  async get(actor: Actor, id: string): Promise<Customer> {
    assertCan(actor, 'customers', 'view');
    const row = await this.reader.visibleRow(this.db, actor, id);
    return (await this.reader.toDtos(this.db, [row]))[0] as Customer;
  }

  /**
   * The list query ready for the list repository: its `custom` JSON turned into checked conditions
   * (400 per unknown field), and the time zone its created-date range is read in.
   */
  async withCustomFilters<T extends { custom?: string }>(
    query: T,
  ): Promise<T & { customFilters: CustomFilter[]; timeZone: string }> {
    const timeZone = await this.organization.timeZone();
    if (!query.custom) return { ...query, customFilters: [], timeZone };
    const definitions = await this.customFields.definitionsOf(this.db, 'customer');
    return { ...query, customFilters: parseCustomFilters(query.custom, definitions), timeZone };
  }

  /** The labels of customer custom fields by key (archived ones too); an unknown key stays itself. */
  async customFieldLabels(keys: string[]): Promise<string[]> {
    const definitions = await this.customFields.definitionsOf(this.db, 'customer');
    return keys.map((key) => definitions.find((field) => field.key === key)?.label ?? key);
  }

  /** Names of the customers among `ids` that the actor may see (for other modules' histories). */
  async visibleNamesOf(actor: Actor, ids: string[]): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    for (const row of await this.repository.findManyVisible(this.db, actor, ids)) names.set(row.id, row.name);
    return names;
  }

  /** For other modules (contacts): the customer must exist, be live and be visible, else 404. */
  async assertVisible(executor: Kysely<Database>, actor: Actor, id: string): Promise<void> {
    const row = await this.repository.findVisible(executor, actor, id);
    if (!row || row.deleted_at) throw notFound('CUSTOMER_NOT_FOUND');
  }

  /** For web forms: who owns a customer now (to tell them of a new submission). */
  async ownerOf(id: string): Promise<string | null> {
    return (await this.repository.findById(this.db, id))?.owner_id ?? null;
  }

  /** For merges: the DTO of a customer inside the merge's transaction (scope already checked). */
  async getForMerge(executor: Kysely<Database>, id: string): Promise<Customer> {
    return this.reader.dtoUnscoped(executor, id);
  }

  /** For contacts: the customer must be one the actor may change (a read-only team member may not). */
  async assertWritable(executor: Kysely<Database>, actor: Actor, id: string): Promise<void> {
    await this.reader.writableRow(executor, actor, id);
  }

  async create(actor: Actor, request: CreateCustomer, options: WriteOptions = {}): Promise<Customer> {
    assertCan(actor, 'customers', 'create');
    const input = createCustomerSchema.parse(request);
    return this.db.transaction().execute(async (trx) => {
      const settings = await this.settings.dataQuality(trx);
      const clean = normalizeCustomerFields(input, phoneRegionOf(settings));
      const name = clean.name ?? input.name;
      const phones = clean.phones ?? [];
      const email = clean.email ?? null;
      // A web form asks the visitor only what its builder put on it: a required field that is not
      // on the form is the sales team's to fill in later, not a reason to lose the lead.
      const custom = await this.customFields.merge(
        trx,
        'customer',
        input.custom,
        {},
        options.entryPoint === 'webForm' ? 'update' : 'create',
        phoneRegionOf(settings),
      );
      DuplicateChecker.enforce(
        await this.identity.duplicates.check(
          trx,
          actor,
          { name, phones, email },
          options.entryPoint ?? 'manual',
          settings,
        ),
        input.acknowledgeDuplicates === true,
      );
      const ownerId = input.ownerId ?? actor.id;
      const departmentId = await this.ownership.resolve(trx, actor, ownerId, input.departmentId, undefined);
      const now = this.now().toISOString();
      const id = newId();
      await this.repository.insert(
        trx,
        {
          id,
          kind: input.kind,
          name,
          name_key: companyNameKey(name),
          type: input.type,
          type_changed_at: now,
          level: input.level ?? null,
          industry: emptyToNull(input.industry) ?? null,
          source: emptyToNull(input.source) ?? null,
          province: clean.province ?? null,
          city: clean.city ?? null,
          district: clean.district ?? null,
          address: emptyToNull(input.address) ?? null,
          phones: JSON.stringify(phones),
          email,
          website: input.website ?? null,
          notes: emptyToNull(input.notes) ?? null,
          owner_id: ownerId,
          department_id: departmentId,
          last_follow_up_at: null,
          owner_since: now,
          custom: JSON.stringify(custom),
          version: 1,
          created_at: now,
          created_by: actor.id,
          updated_at: now,
          updated_by: actor.id,
          deleted_at: null,
          deleted_by: null,
        },
        input.tags,
      );
      await this.identity.duplicates.identities.replace(trx, id, null, {
        phones,
        emails: email ? [email] : [],
      });
      await this.lifecycle.recordTypeChange(trx, {
        customerId: id,
        from: null,
        to: input.type,
        reason: 'create',
        at: now,
        actorId: actor.id,
      });
      await options.alsoInTransaction?.(trx, id, now);
      const created = await this.reader.dtoUnscoped(trx, id);
      await writeAudit(trx, {
        entityType: ENTITY,
        entityId: id,
        action: 'create',
        actorId: actor.id,
        at: now,
        changes: diffFields(undefined, created, auditedCustomerFields),
      });
      return created;
    });
  }

  async update(actor: Actor, id: string, input: UpdateCustomer): Promise<Customer> {
    assertCan(actor, 'customers', 'edit');
    return this.db.transaction().execute(async (trx) => {
      const row = await this.reader.writableRow(trx, actor, id);
      if (row.deleted_at) throw notFound('CUSTOMER_NOT_FOUND');
      if (row.version !== input.version) throw staleRecord();
      const before = await this.reader.visibleDto(trx, actor, id);
      const settings = await this.settings.dataQuality(trx);
      const regionSent =
        input.province !== undefined || input.city !== undefined || input.district !== undefined;
      const clean = normalizeCustomerFields(
        {
          name: input.name,
          phones: input.phones,
          email: input.email,
          ...(regionSent
            ? {
                province: input.province !== undefined ? input.province : row.province,
                city: input.city !== undefined ? input.city : row.city,
                district: input.district !== undefined ? input.district : row.district,
              }
            : {}),
        },
        phoneRegionOf(settings),
      );
      const identityChanges =
        (clean.name !== undefined && clean.name !== row.name) ||
        (clean.phones !== undefined && JSON.stringify(clean.phones) !== row.phones) ||
        (clean.email !== undefined && clean.email !== row.email);
      if (identityChanges) {
        DuplicateChecker.enforce(
          await this.identity.duplicates.check(
            trx,
            actor,
            {
              name: clean.name !== undefined && clean.name !== row.name ? clean.name : undefined,
              phones: clean.phones,
              email: clean.email,
            },
            'manual',
            settings,
            id,
          ),
          input.acknowledgeDuplicates === true,
        );
      }
      const ownerChanges = input.ownerId !== undefined && input.ownerId !== row.owner_id;
      let departmentId = row.department_id;
      if (ownerChanges || (input.departmentId !== undefined && input.departmentId !== row.department_id)) {
        departmentId = await this.ownership.resolve(
          trx,
          actor,
          input.ownerId ?? row.owner_id ?? actor.id,
          ownerChanges && input.departmentId === undefined
            ? undefined
            : (input.departmentId ?? row.department_id),
          row.owner_id,
        );
      }
      const custom =
        input.custom !== undefined
          ? await this.customFields.merge(
              trx,
              'customer',
              input.custom,
              JSON.parse(row.custom) as Record<string, unknown>,
              'update',
              phoneRegionOf(settings),
            )
          : undefined;
      const now = this.now().toISOString();
      const typeChanges = input.type !== undefined && input.type !== row.type;
      const updated = await this.repository.update(trx, id, input.version, {
        ...(input.kind !== undefined ? { kind: input.kind } : {}),
        ...(clean.name !== undefined ? { name: clean.name, name_key: companyNameKey(clean.name) } : {}),
        ...(typeChanges ? { type: input.type, type_changed_at: now } : {}),
        ...(input.level !== undefined ? { level: input.level } : {}),
        ...(input.industry !== undefined ? { industry: emptyToNull(input.industry) } : {}),
        ...(input.source !== undefined ? { source: emptyToNull(input.source) } : {}),
        ...(regionSent ? { province: clean.province, city: clean.city, district: clean.district } : {}),
        ...(input.address !== undefined ? { address: emptyToNull(input.address) } : {}),
        ...(clean.phones !== undefined ? { phones: JSON.stringify(clean.phones) } : {}),
        ...(clean.email !== undefined ? { email: clean.email } : {}),
        ...(input.website !== undefined ? { website: input.website } : {}),
        ...(input.notes !== undefined ? { notes: emptyToNull(input.notes) } : {}),
        ...(custom !== undefined ? { custom: JSON.stringify(custom) } : {}),
        // A new owner takes a pooled customer out of its pool, as an assignment from it does.
        ...(ownerChanges ? { owner_id: input.ownerId, owner_since: now, locked: 0, ...leavePool } : {}),
        department_id: departmentId,
        updated_at: now,
        updated_by: actor.id,
      });
      if (!updated) throw staleRecord();
      if (input.tags !== undefined) await this.repository.replaceTags(trx, id, input.tags);
      if (clean.name !== undefined || clean.email !== undefined || clean.phones !== undefined) {
        const fresh = await this.reader.rowUnscoped(trx, id);
        await this.repository.reindex(trx, fresh);
        await this.identity.duplicates.identities.replace(trx, id, null, {
          phones: JSON.parse(fresh.phones) as string[],
          emails: fresh.email ? [fresh.email] : [],
        });
      }
      if (typeChanges && input.type) {
        await this.lifecycle.recordTypeChange(trx, {
          customerId: id,
          from: row.type,
          to: input.type,
          reason: 'manual',
          at: now,
          actorId: actor.id,
        });
      }
      if (ownerChanges) {
        await this.lifecycle.recordOwnerChanges(trx, [
          {
            customerId: id,
            action: row.pool_id ? 'assign' : 'transfer',
            from: row.owner_id,
            to: input.ownerId ?? null,
            reason: null,
            at: now,
            actorId: actor.id,
          },
        ]);
      }
      const after = await this.reader.dtoUnscoped(trx, id);
      await writeAudit(trx, {
        entityType: ENTITY,
        entityId: id,
        action: 'update',
        actorId: actor.id,
        at: now,
        changes: diffFields(before, after, auditedCustomerFields),
      });
      return after;
    });
  }

  /** Into the recycle bin: hidden from lists, restorable. */
  async delete(actor: Actor, id: string): Promise<void> {
    assertCan(actor, 'customers', 'delete');
    await this.db.transaction().execute(async (trx) => {
      const row = await this.reader.writableRow(trx, actor, id);
      if (row.deleted_at) throw notFound('CUSTOMER_NOT_FOUND');
      const now = this.now().toISOString();
      if (
        !(await this.repository.update(trx, id, row.version, {
          deleted_at: now,
          deleted_by: actor.id,
          updated_at: now,
          updated_by: actor.id,
        }))
      ) {
        throw staleRecord();
      }
      await writeAudit(trx, {
        entityType: ENTITY,
        entityId: id,
        action: 'delete',
        actorId: actor.id,
        at: now,
        changes: [],
      });
    });
  }

  async restore(actor: Actor, id: string): Promise<Customer> {
    assertCan(actor, 'customers', 'delete');
    return this.db.transaction().execute(async (trx) => {
      const row = await this.reader.writableRow(trx, actor, id);
      if (!row.deleted_at) throw new AppError('NOT_DELETED', 409);
      // Its contacts and records now live on the survivor: bringing it back would split them again.
      if (await this.repository.mergedInto(trx, id)) throw ruleViolation('CUSTOMER_MERGED');
      const now = this.now().toISOString();
      if (
        !(await this.repository.update(trx, id, row.version, {
          deleted_at: null,
          deleted_by: null,
          updated_at: now,
          updated_by: actor.id,
        }))
      ) {
        throw staleRecord();
      }
      await writeAudit(trx, {
        entityType: ENTITY,
        entityId: id,
        action: 'restore',
        actorId: actor.id,
        at: now,
        changes: [],
      });
      return this.reader.dtoUnscoped(trx, id);
    });
  }

  async history(actor: Actor, id: string, page: { limit: number; cursor?: string }) {
    assertCan(actor, 'customers', 'view');
    await this.reader.visibleRow(this.db, actor, id);
    return labelHistory(await listHistory(this.db, ENTITY, id, page), {
      ownerId: (ids) => this.users.namesOf(this.db, ids),
      departmentId: (ids) => this.departments.namesOf(this.db, ids),
      userId: (ids) => this.users.namesOf(this.db, ids),
    });
  }
}
