import {
  type Contact,
  type ContactListQuery,
  type ContactPage,
  type CreateContact,
  createContactSchema,
  type UpdateContact,
} from '@kehu/contracts';
import type { Kysely } from 'kysely';
import type { DialectName } from '../../db/dialect';
import type { Database } from '../../db/schema';
import { diffFields, writeAudit, writeAuditMany } from '../../platform/audit/audit';
import { labelHistory, listHistory } from '../../platform/audit/history.repository';
import { AppError, invalidField, notFound, staleRecord } from '../../platform/errors/app-error';
import { newId } from '../../platform/ids';
import { type Actor, assertCan } from '../../platform/permissions/actor';
import { emptyToNull } from '../../platform/text';
import type { CustomFieldsService } from '../custom-fields/custom-fields.service';
import type { CustomersService } from '../customers/customers.service';
import { phoneRegionOf } from '../settings/phone-region';
import type { SettingsService } from '../settings/settings.service';
import { auditedContactFields, toContact } from './contacts.mapper';
import { type ContactRow, ContactsRepository } from './contacts.repository';

const ENTITY = 'contact';

/** A contact row of an import file, already checked and normalised. */
export interface ImportContact {
  name: string;
  title: string | null;
  mobile: string | null;
  email: string | null;
  wechat: string | null;
}

export class ContactsService {
  private readonly repository: ContactsRepository;

  constructor(
    private readonly db: Kysely<Database>,
    dialect: DialectName,
    private readonly now: () => Date,
    private readonly customers: CustomersService,
    private readonly customFields: CustomFieldsService,
    private readonly settings: SettingsService,
  ) {
    this.repository = new ContactsRepository(dialect, now);
  }

  async list(actor: Actor, query: ContactListQuery): Promise<ContactPage> {
    assertCan(actor, 'contacts', 'view');
    if (query.customerId) await this.customers.assertVisible(this.db, actor, query.customerId);
    const page = await this.repository.list(this.db, actor, query);
    return { items: page.rows.map(toContact), nextCursor: page.nextCursor };
  }

  async get(actor: Actor, id: string): Promise<Contact> {
    assertCan(actor, 'contacts', 'view');
    return toContact(await this.getRow(this.db, actor, id));
  }

  async create(actor: Actor, request: CreateContact): Promise<Contact> {
    assertCan(actor, 'contacts', 'create');
    const parsed = createContactSchema.parse(request);
    return this.db.transaction().execute(async (trx) => {
      await this.assertCustomer(trx, actor, parsed.customerId);
      const input = await this.customers.identity.normalizeContactFields(trx, parsed);
      const region = phoneRegionOf(await this.settings.dataQuality(trx));
      const custom = await this.customFields.merge(trx, 'contact', input.custom, {}, 'create', region);
      const now = this.now().toISOString();
      const id = newId();
      await this.repository.insert(trx, {
        id,
        customer_id: input.customerId,
        name: input.name,
        title: emptyToNull(input.title) ?? null,
        mobile: input.mobile || null,
        phone: input.phone || null,
        email: input.email?.toLowerCase() ?? null,
        wechat: emptyToNull(input.wechat) ?? null,
        birthday: input.birthday ?? null,
        notes: emptyToNull(input.notes) ?? null,
        is_primary: input.isPrimary ? 1 : 0,
        custom: JSON.stringify(custom),
        version: 1,
        created_at: now,
        created_by: actor.id,
        updated_at: now,
        updated_by: actor.id,
        deleted_at: null,
        deleted_by: null,
      });
      if (input.isPrimary) await this.repository.clearPrimary(trx, input.customerId, id);
      const created = toContact(await this.getRow(trx, actor, id));
      await this.customers.identity.indexContact(trx, created.customerId, id, created);
      await writeAudit(trx, {
        entityType: ENTITY,
        entityId: id,
        action: 'create',
        actorId: actor.id,
        at: now,
        changes: diffFields(undefined, created, auditedContactFields),
      });
      return created;
    });
  }

  /**
   * For imports: the first contact of each imported customer, already normalised, in the
   * importer's transaction; multi-row inserts with history and duplicate-check identities.
   */
  async importContacts(
    executor: Kysely<Database>,
    actor: Actor,
    items: Array<{ customerId: string; primary: boolean; contact: ImportContact }>,
    at: string,
  ): Promise<void> {
    if (items.length === 0) return;
    const rows = items.map(({ customerId, primary, contact }) => ({
      id: newId(),
      customer_id: customerId,
      name: contact.name,
      title: contact.title,
      mobile: contact.mobile,
      phone: null,
      email: contact.email,
      wechat: contact.wechat,
      birthday: null,
      notes: null,
      is_primary: primary ? 1 : 0,
      custom: '{}',
      version: 1,
      created_at: at,
      created_by: actor.id,
      updated_at: at,
      updated_by: actor.id,
      deleted_at: null,
      deleted_by: null,
    }));
    await this.repository.insertMany(executor, rows);
    await this.customers.identity.indexNewContacts(executor, rows);
    await writeAuditMany(
      executor,
      rows.map((row) => ({
        entityType: ENTITY,
        entityId: row.id,
        action: 'create' as const,
        actorId: actor.id,
        at,
        changes: diffFields(undefined, toContact({ ...row, customer_name: '' }), auditedContactFields),
      })),
    );
  }

  /**
   * For customer merges (registered as a merge participant): the merged customers' contacts move
   * to the survivor, with their history and duplicate-check identities.
   */
  async moveForMerge(
    executor: Kysely<Database>,
    merge: { survivorId: string; mergedIds: string[]; actorId: string; at: string },
  ): Promise<void> {
    const moved = await this.repository.moveToCustomer(
      executor,
      merge.mergedIds,
      merge.survivorId,
      merge.at,
      merge.actorId,
    );
    await this.customers.identity.moveContacts(executor, moved, merge.survivorId);
    await writeAuditMany(
      executor,
      moved.map((id) => ({
        entityType: ENTITY,
        entityId: id,
        action: 'update' as const,
        actorId: merge.actorId,
        at: merge.at,
        changes: [{ field: 'customerId', old: null, new: merge.survivorId }],
      })),
    );
  }

  async update(actor: Actor, id: string, request: UpdateContact): Promise<Contact> {
    assertCan(actor, 'contacts', 'edit');
    return this.db.transaction().execute(async (trx) => {
      const row = await this.getRow(trx, actor, id);
      await this.customers.assertWritable(trx, actor, row.customer_id);
      const input = await this.customers.identity.normalizeContactFields(trx, request);
      const custom =
        input.custom !== undefined
          ? await this.customFields.merge(
              trx,
              'contact',
              input.custom,
              JSON.parse(row.custom) as Record<string, unknown>,
              'update',
              phoneRegionOf(await this.settings.dataQuality(trx)),
            )
          : undefined;
      if (row.deleted_at) throw notFound('CONTACT_NOT_FOUND');
      if (row.version !== input.version) throw staleRecord();
      if (input.customerId !== undefined && input.customerId !== row.customer_id) {
        await this.assertCustomer(trx, actor, input.customerId);
      }
      const before = toContact(row);
      const now = this.now().toISOString();
      const updated = await this.repository.update(trx, id, input.version, {
        ...(input.customerId !== undefined ? { customer_id: input.customerId } : {}),
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.title !== undefined ? { title: emptyToNull(input.title) } : {}),
        ...(input.mobile !== undefined ? { mobile: input.mobile || null } : {}),
        ...(input.phone !== undefined ? { phone: input.phone || null } : {}),
        ...(input.email !== undefined ? { email: input.email?.toLowerCase() ?? null } : {}),
        ...(input.wechat !== undefined ? { wechat: emptyToNull(input.wechat) } : {}),
        ...(input.birthday !== undefined ? { birthday: input.birthday } : {}),
        ...(input.notes !== undefined ? { notes: emptyToNull(input.notes) } : {}),
        ...(input.isPrimary !== undefined ? { is_primary: input.isPrimary ? 1 : 0 } : {}),
        ...(custom !== undefined ? { custom: JSON.stringify(custom) } : {}),
        updated_at: now,
        updated_by: actor.id,
      });
      if (!updated) throw staleRecord();
      const after = toContact(await this.getRow(trx, actor, id));
      if (after.isPrimary) await this.repository.clearPrimary(trx, after.customerId, id);
      await this.customers.identity.indexContact(trx, after.customerId, id, after);
      await writeAudit(trx, {
        entityType: ENTITY,
        entityId: id,
        action: 'update',
        actorId: actor.id,
        at: now,
        changes: diffFields(before, after, auditedContactFields),
      });
      return after;
    });
  }

  async delete(actor: Actor, id: string): Promise<void> {
    assertCan(actor, 'contacts', 'delete');
    await this.db.transaction().execute(async (trx) => {
      const row = await this.getRow(trx, actor, id);
      if (row.deleted_at) throw notFound('CONTACT_NOT_FOUND');
      await this.customers.assertWritable(trx, actor, row.customer_id);
      const now = this.now().toISOString();
      const done = await this.repository.update(trx, id, row.version, {
        deleted_at: now,
        deleted_by: actor.id,
        is_primary: 0,
        updated_at: now,
        updated_by: actor.id,
      });
      if (!done) throw staleRecord();
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

  async restore(actor: Actor, id: string): Promise<Contact> {
    assertCan(actor, 'contacts', 'delete');
    return this.db.transaction().execute(async (trx) => {
      const row = await this.getRow(trx, actor, id);
      if (!row.deleted_at) throw new AppError('NOT_DELETED', 409);
      await this.customers.assertWritable(trx, actor, row.customer_id);
      const now = this.now().toISOString();
      const done = await this.repository.update(trx, id, row.version, {
        deleted_at: null,
        deleted_by: null,
        updated_at: now,
        updated_by: actor.id,
      });
      if (!done) throw staleRecord();
      await writeAudit(trx, {
        entityType: ENTITY,
        entityId: id,
        action: 'restore',
        actorId: actor.id,
        at: now,
        changes: [],
      });
      return toContact(await this.getRow(trx, actor, id));
    });
  }

  async history(actor: Actor, id: string, page: { limit: number; cursor?: string }) {
    assertCan(actor, 'contacts', 'view');
    await this.getRow(this.db, actor, id);
    return labelHistory(await listHistory(this.db, ENTITY, id, page), {
      customerId: (ids) => this.customers.visibleNamesOf(actor, ids),
    });
  }

  private async assertCustomer(executor: Kysely<Database>, actor: Actor, customerId: string) {
    try {
      await this.customers.assertVisible(executor, actor, customerId);
      await this.customers.assertWritable(executor, actor, customerId);
    } catch (error) {
      if (error instanceof AppError && error.status === 404)
        throw invalidField('customerId', 'CUSTOMER_NOT_FOUND');
      throw error;
    }
  }

  private async getRow(executor: Kysely<Database>, actor: Actor, id: string): Promise<ContactRow> {
    const row = await this.repository.findVisible(executor, actor, id);
    if (!row) throw notFound('CONTACT_NOT_FOUND');
    return row;
  }
}
