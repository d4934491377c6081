import {
  type CreateCustomField,
  type CustomField,
  type CustomFieldEntity,
  type CustomValues,
  createCustomFieldSchema,
  optionFieldTypes,
  type UpdateCustomField,
} from '@kehu/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { diffFields, writeAudit } from '../../platform/audit/audit';
import { AppError, conflict, invalidField, notFound } from '../../platform/errors/app-error';
import { newId } from '../../platform/ids';
import type { CountryCode } from '../../platform/normalize/phone.normalize';
import { type Actor, assertCan } from '../../platform/permissions/actor';
import type { CustomFieldIndexes } from './custom-field-indexes';
import { toCustomField } from './custom-fields.mapper';
import { CustomFieldsRepository } from './custom-fields.repository';
import { mergeCustomValues } from './custom-values';

const audited = ['label', 'required', 'options', 'showInList', 'filterable', 'sort', 'archived'] as const;

/** Custom field definitions (administrators) and the checking of values (every write path). */
export class CustomFieldsService {
  private readonly repository = new CustomFieldsRepository();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => Date,
    private readonly indexes: CustomFieldIndexes,
  ) {}

  /** Every signed-in user reads the definitions: forms, lists and filters are built from them. */
  async list(_actor: Actor, entity?: CustomFieldEntity, includeArchived = false): Promise<CustomField[]> {
    return (await this.repository.list(this.db, entity, includeArchived)).map(toCustomField);
  }

  /** For other services: the definitions of an entity, archived ones included (their values are kept). */
  async definitionsOf(executor: Kysely<Database>, entity: CustomFieldEntity): Promise<CustomField[]> {
    return (await this.repository.list(executor, entity, true)).map(toCustomField);
  }

  /** For other services: checked, normalised values merged over the stored ones, or 400 per `custom.<key>`. */
  async merge(
    executor: Kysely<Database>,
    entity: CustomFieldEntity,
    sent: CustomValues | undefined,
    stored: CustomValues,
    mode: 'create' | 'update',
    phoneRegion: CountryCode,
  ): Promise<CustomValues> {
    const definitions = await this.definitionsOf(executor, entity);
    const { values, problems } = mergeCustomValues(definitions, sent, stored, mode, phoneRegion);
    if (Object.keys(problems).length > 0) throw new AppError('VALIDATION_FAILED', 400, {}, problems);
    return values;
  }

  async create(actor: Actor, request: CreateCustomField): Promise<CustomField> {
    assertCan(actor, 'settings', 'manage');
    const input = createCustomFieldSchema.parse(request);
    assertOptions(input.type, input.options);
    return this.db.transaction().execute(async (trx) => {
      if (await this.repository.findByKey(trx, input.entity, input.key))
        throw conflict('CUSTOM_FIELD_KEY_TAKEN');
      const at = this.now().toISOString();
      const id = newId();
      await this.repository.insert(trx, {
        id,
        entity: input.entity,
        key: input.key,
        label: input.label,
        type: input.type,
        required: input.required ? 1 : 0,
        options: JSON.stringify(input.options),
        show_in_list: input.showInList ? 1 : 0,
        filterable: input.filterable ? 1 : 0,
        sort: input.sort,
        archived: input.archived ? 1 : 0,
        created_at: at,
        created_by: actor.id,
        updated_at: at,
      });
      const created = toCustomField(
        (await this.repository.find(trx, id)) as NonNullable<
          Awaited<ReturnType<CustomFieldsRepository['find']>>
        >,
      );
      await writeAudit(trx, {
        entityType: 'customField',
        entityId: id,
        action: 'create',
        actorId: actor.id,
        at,
        changes: diffFields(undefined, created, ['entity', 'key', 'type', ...audited]),
      });
      if (created.filterable) await this.indexes.queue(trx);
      return created;
    });
  }

  async update(actor: Actor, id: string, input: UpdateCustomField): Promise<CustomField> {
    assertCan(actor, 'settings', 'manage');
    return this.db.transaction().execute(async (trx) => {
      const row = await this.repository.find(trx, id);
      if (!row) throw notFound('CUSTOM_FIELD_NOT_FOUND');
      const before = toCustomField(row);
      if (input.options !== undefined) {
        assertOptions(before.type, input.options);
        // Records store option values: removing one that is in use would orphan them.
        const kept = new Set(input.options.map((option) => option.value));
        const removed = before.options.filter((option) => !kept.has(option.value));
        if (removed.length > 0) throw invalidField('options', 'optionRemoved');
      }
      const at = this.now().toISOString();
      await this.repository.update(trx, id, {
        ...(input.label !== undefined ? { label: input.label } : {}),
        ...(input.required !== undefined ? { required: input.required ? 1 : 0 } : {}),
        ...(input.options !== undefined ? { options: JSON.stringify(input.options) } : {}),
        ...(input.showInList !== undefined ? { show_in_list: input.showInList ? 1 : 0 } : {}),
        ...(input.filterable !== undefined ? { filterable: input.filterable ? 1 : 0 } : {}),
        ...(input.sort !== undefined ? { sort: input.sort } : {}),
        ...(input.archived !== undefined ? { archived: input.archived ? 1 : 0 } : {}),
        updated_at: at,
      });
      const after = toCustomField((await this.repository.find(trx, id)) as typeof row);
      await writeAudit(trx, {
        entityType: 'customField',
        entityId: id,
        action: 'update',
        actorId: actor.id,
        at,
        changes: diffFields(before, after, audited),
      });
      if (before.filterable !== after.filterable || before.archived !== after.archived)
        await this.indexes.queue(trx);
      return after;
    });
  }
}

function assertOptions(type: CustomField['type'], options: CustomField['options']) {
  const needsOptions = optionFieldTypes.includes(type);
  if (needsOptions && options.length === 0) throw invalidField('options', 'optionsRequired');
  if (!needsOptions && options.length > 0) throw invalidField('options', 'optionsNotAllowed');
  const values = options.map((option) => option.value);
  if (new Set(values).size !== values.length) throw invalidField('options', 'duplicateOption');
}
