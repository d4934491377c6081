import { randomBytes } from 'node:crypto';
import {
  type CreateWebForm,
  createWebFormSchema,
  type UpdateWebForm,
  type WebForm,
  type WebFormField,
} from '@kehu/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { diffFields, writeAudit } from '../../platform/audit/audit';
import { invalidField, notFound } from '../../platform/errors/app-error';
import { newId } from '../../platform/ids';
import { decodeCursor, encodeCursor } from '../../platform/pagination/cursor';
import { type Actor, assertCan } from '../../platform/permissions/actor';
import type { CustomFieldsService } from '../custom-fields/custom-fields.service';
import type { PoolsService } from '../customers/pools/pools.service';
import type { UsersService } from '../users/users.service';
import { type WebFormRow, WebFormsRepository } from './web-forms.repository';

const audited = [
  'name',
  'title',
  'description',
  'thankYou',
  'fields',
  'receiverUserId',
  'receiverPoolId',
  'locale',
  'active',
] as const;

/** Public web forms (web-to-lead): administrators build them; submissions are handled in WebFormSubmissionsService. */
export class WebFormsService {
  readonly repository = new WebFormsRepository();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => Date,
    private readonly users: UsersService,
    private readonly pools: PoolsService,
    private readonly customFields: CustomFieldsService,
  ) {}

  async list(actor: Actor): Promise<WebForm[]> {
    assertCan(actor, 'settings', 'view');
    const [rows, counts] = await Promise.all([
      this.repository.list(this.db),
      this.repository.submissionCounts(this.db),
    ]);
    return this.toDtos(rows, counts);
  }

  async get(actor: Actor, id: string): Promise<WebForm> {
    assertCan(actor, 'settings', 'view');
    return (
      await this.toDtos([await this.getRow(this.db, id)], await this.repository.submissionCounts(this.db))
    )[0] as WebForm;
  }

  async create(actor: Actor, request: CreateWebForm): Promise<WebForm> {
    assertCan(actor, 'settings', 'manage');
    const input = createWebFormSchema.parse(request);
    await this.checkReceiverAndFields(
      input.receiverUserId ?? null,
      input.receiverPoolId ?? null,
      input.fields,
    );
    const id = newId();
    const at = this.now().toISOString();
    await this.db.transaction().execute(async (trx) => {
      await this.repository.insert(trx, {
        id,
        // 128 random bits: the URL is public but cannot be guessed or enumerated.
        public_key: randomBytes(16).toString('base64url'),
        name: input.name,
        title: input.title,
        description: input.description ?? null,
        thank_you: input.thankYou,
        fields: JSON.stringify(input.fields),
        receiver_user_id: input.receiverUserId ?? null,
        receiver_pool_id: input.receiverPoolId ?? null,
        locale: input.locale,
        active: input.active ? 1 : 0,
        created_by: actor.id,
        created_at: at,
        updated_at: at,
      });
      await writeAudit(trx, {
        entityType: 'webForm',
        entityId: id,
        action: 'create',
        actorId: actor.id,
        at,
        changes: diffFields(undefined, input, audited),
      });
    });
    return this.get(actor, id);
  }

  async update(actor: Actor, id: string, input: UpdateWebForm): Promise<WebForm> {
    assertCan(actor, 'settings', 'manage');
    const before = await this.get(actor, id);
    const receiverUserId = input.receiverUserId !== undefined ? input.receiverUserId : before.receiverUserId;
    const receiverPoolId = input.receiverPoolId !== undefined ? input.receiverPoolId : before.receiverPoolId;
    await this.checkReceiverAndFields(
      receiverUserId,
      receiverPoolId,
      input.fields ?? (before.fields as WebFormField[]),
    );
    const at = this.now().toISOString();
    await this.db.transaction().execute(async (trx) => {
      await this.repository.update(trx, id, {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.thankYou !== undefined ? { thank_you: input.thankYou } : {}),
        ...(input.fields !== undefined ? { fields: JSON.stringify(input.fields) } : {}),
        receiver_user_id: receiverUserId,
        receiver_pool_id: receiverPoolId,
        ...(input.locale !== undefined ? { locale: input.locale } : {}),
        ...(input.active !== undefined ? { active: input.active ? 1 : 0 } : {}),
        updated_at: at,
      });
      await writeAudit(trx, {
        entityType: 'webForm',
        entityId: id,
        action: 'update',
        actorId: actor.id,
        at,
        changes: diffFields(before, { ...before, ...input }, audited),
      });
    });
    return this.get(actor, id);
  }

  async delete(actor: Actor, id: string): Promise<void> {
    assertCan(actor, 'settings', 'manage');
    await this.getRow(this.db, id);
    await this.db.transaction().execute(async (trx) => {
      await this.repository.remove(trx, id);
      await writeAudit(trx, {
        entityType: 'webForm',
        entityId: id,
        action: 'delete',
        actorId: actor.id,
        at: this.now().toISOString(),
        changes: [],
      });
    });
  }

  async submissions(actor: Actor, id: string, page: { limit: number; cursor?: string }) {
    assertCan(actor, 'settings', 'view');
    await this.getRow(this.db, id);
    const before = page.cursor ? String(decodeCursor(page.cursor, 1)[0]) : undefined;
    const rows = await this.repository.submissions(this.db, id, before, page.limit + 1);
    const items = rows.slice(0, page.limit);
    const last = items.at(-1);
    return {
      items: items.map((row) => ({
        id: row.id,
        values: JSON.parse(row.values) as Record<string, unknown>,
        status: row.status as 'created' | 'duplicate' | 'failed',
        customerId: row.customer_id,
        duplicateOf: row.duplicate_of,
        error: row.error,
        createdAt: row.created_at,
      })),
      nextCursor: rows.length > page.limit && last ? encodeCursor([last.id]) : null,
    };
  }

  async getRow(executor: Kysely<Database>, id: string): Promise<WebFormRow> {
    const row = await this.repository.find(executor, id);
    if (!row) throw notFound('WEB_FORM_NOT_FOUND');
    return row;
  }

  /** Exactly one receiver (an existing user or pool); the name is always asked; custom fields exist. */
  private async checkReceiverAndFields(userId: string | null, poolId: string | null, fields: WebFormField[]) {
    if ((userId === null) === (poolId === null)) throw invalidField('receiverUserId', 'oneReceiver');
    if (userId && !(await this.users.exists(this.db, userId)))
      throw invalidField('receiverUserId', 'USER_NOT_FOUND');
    if (poolId)
      await this.pools.getDefinition(this.db, poolId).catch(() => {
        throw invalidField('receiverPoolId', 'POOL_NOT_FOUND');
      });
    const targets = fields.map((field) => field.target);
    if (!targets.includes('name') && !targets.includes('contactName'))
      throw invalidField('fields', 'nameField');
    if (new Set(targets).size !== targets.length) throw invalidField('fields', 'mappedTwice');
    const custom = new Set(
      (await this.customFields.definitionsOf(this.db, 'customer'))
        .filter((f) => !f.archived)
        .map((f) => `custom.${f.key}`),
    );
    fields.forEach((field, index) => {
      if (field.target.startsWith('custom.') && !custom.has(field.target))
        throw invalidField(`fields.${index}.target`, 'unknown');
    });
  }

  private async toDtos(rows: WebFormRow[], counts: Map<string, number>): Promise<WebForm[]> {
    const names = await this.users.namesOf(
      this.db,
      rows.map((row) => row.receiver_user_id),
    );
    return rows.map((row) => ({
      id: row.id,
      publicKey: row.public_key,
      name: row.name,
      title: row.title,
      description: row.description,
      thankYou: row.thank_you,
      fields: JSON.parse(row.fields) as WebFormField[],
      receiverUserId: row.receiver_user_id,
      receiverUserName: row.receiver_user_id ? (names.get(row.receiver_user_id) ?? null) : null,
      receiverPoolId: row.receiver_pool_id,
      locale: row.locale as WebForm['locale'],
      active: row.active === 1,
      submissions: counts.get(row.id) ?? 0,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    }));
  }
}
