import {
  type Customer,
  type CustomerType,
  type MergeCustomers,
  mergeableCustomerFields,
  mergeCustomersSchema,
} from '@kehu/contracts';
import type { Kysely, Selectable } from 'kysely';
import type { CustomersTable, Database } from '../../db/schema';
import { diffFields, writeAudit } from '../../platform/audit/audit';
import { AppError, invalidField, notFound, staleRecord } from '../../platform/errors/app-error';
import { companyNameKey } from '../../platform/normalize/company-name.normalize';
import { type Actor, assertCan } from '../../platform/permissions/actor';
import type { CustomerDuplicatesService } from './customer-duplicates.service';
import type { CustomerIdentityService } from './customer-identity.service';
import { CustomerLifecycleRepository } from './customer-lifecycle.repository';
import { CustomerMembersRepository } from './customer-members.repository';
import type { CustomerRow } from './customer-scope';
import { auditedCustomerFields } from './customers.mapper';
import type { CustomersRepository } from './customers.repository';
import type { CustomersService } from './customers.service';

/** Other modules' records of a customer (contacts; later follow-ups, opportunities, tickets, orders). */
export type MergeParticipant = (
  executor: Kysely<Database>,
  merge: { survivorId: string; mergedIds: string[]; actorId: string; at: string },
) => Promise<void>;

const maxPhones = 5;

/** Which columns each user-chosen field carries over. */
const fieldColumns: Record<(typeof mergeableCustomerFields)[number], string[]> = {
  kind: ['kind'],
  name: ['name'],
  type: ['type'],
  level: ['level'],
  industry: ['industry'],
  source: ['source'],
  region: ['province', 'city', 'district'],
  address: ['address'],
  email: ['email'],
  website: ['website'],
  notes: ['notes'],
  owner: ['owner_id', 'department_id'],
};

/**
 * Merging duplicates into one surviving customer: the user picks the surviving value per field;
 * phones, tags, custom values, team members, contacts and every other module's records are
 * combined on the survivor; the others go to the recycle bin marked "merged into", and the history
 * of all of them says so. One transaction.
 */
export class CustomerMergeService {
  private readonly participants: MergeParticipant[] = [];
  private readonly lifecycle = new CustomerLifecycleRepository();
  private readonly members = new CustomerMembersRepository();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => Date,
    private readonly repository: CustomersRepository,
    private readonly customers: CustomersService,
    private readonly identity: CustomerIdentityService,
    private readonly duplicates: CustomerDuplicatesService,
  ) {}

  registerParticipant(participant: MergeParticipant) {
    this.participants.push(participant);
  }

  async merge(actor: Actor, request: MergeCustomers): Promise<Customer> {
    assertCan(actor, 'customers', 'edit');
    assertCan(actor, 'customers', 'delete');
    const input = mergeCustomersSchema.parse(request);
    const mergedIds = [...new Set(input.mergedIds)];
    if (mergedIds.includes(input.survivorId)) throw invalidField('mergedIds', 'survivorMerged');
    return this.db.transaction().execute(async (trx) => {
      const rows = new Map<string, CustomerRow>();
      for (const [index, id] of [input.survivorId, ...mergedIds].entries()) {
        const row = await this.repository.findVisible(trx, actor, id);
        const field = index === 0 ? 'survivorId' : `mergedIds.${index - 1}`;
        if (!row || row.deleted_at) throw invalidField(field, 'CUSTOMER_NOT_FOUND');
        if (!(await this.repository.isWritable(trx, actor, id)))
          throw new AppError('CUSTOMER_READ_ONLY', 403);
        const seen = input.versions?.[id];
        if (seen !== undefined && seen !== row.version) throw staleRecord();
        rows.set(id, row);
      }
      const survivor = rows.get(input.survivorId) as CustomerRow;
      const others = mergedIds.map((id) => rows.get(id) as CustomerRow);
      const ordered = [survivor, ...others];
      for (const [key, sourceId] of Object.entries(input.values)) {
        const known =
          (mergeableCustomerFields as readonly string[]).includes(key) || key.startsWith('custom.');
        if (!known) throw invalidField(`values.${key}`, 'unknown');
        if (!rows.has(sourceId)) throw invalidField(`values.${key}`, 'notMerged');
      }
      const before = await this.customers.getForMerge(trx, survivor.id);
      const at = this.now().toISOString();

      // The surviving value of each field: the one chosen, else the survivor's, else the first that has one.
      const values: Partial<Selectable<CustomersTable>> = {};
      for (const field of mergeableCustomerFields) {
        const columns = fieldColumns[field] as string[];
        const chosen = input.values[field];
        const cell = (row: CustomerRow, column: string) =>
          (row as unknown as Record<string, unknown>)[column];
        const source = chosen
          ? (rows.get(chosen) as CustomerRow)
          : (ordered.find((row) =>
              columns.some((column) => cell(row, column) !== null && cell(row, column) !== ''),
            ) ?? survivor);
        for (const column of columns) (values as Record<string, unknown>)[column] = cell(source, column);
      }
      const customs = ordered.map((row) => JSON.parse(row.custom) as Record<string, unknown>);
      const custom: Record<string, unknown> = {};
      for (const key of new Set(customs.flatMap((values) => Object.keys(values)))) {
        const chosen = input.values[`custom.${key}`];
        const source = chosen
          ? customs[ordered.findIndex((row) => row.id === chosen)]
          : customs.find((c) => c[key] !== undefined);
        if (source?.[key] !== undefined) custom[key] = source[key];
      }
      const phones = [...new Set(ordered.flatMap((row) => JSON.parse(row.phones) as string[]))].slice(
        0,
        maxPhones,
      );
      const followUps = ordered
        .map((row) => row.last_follow_up_at)
        .filter((value): value is string => value !== null);
      const typeChanges = values.type !== survivor.type;
      const updated = await this.repository.update(trx, survivor.id, survivor.version, {
        ...values,
        name_key: companyNameKey(values.name as string),
        ...(typeChanges ? { type_changed_at: at } : {}),
        phones: JSON.stringify(phones),
        custom: JSON.stringify(custom),
        last_follow_up_at: followUps.sort().at(-1) ?? null,
        updated_at: at,
        updated_by: actor.id,
      });
      if (!updated) throw staleRecord();
      const tags = await this.repository.tagsOf(
        trx,
        ordered.map((row) => row.id),
      );
      await this.repository.replaceTags(trx, survivor.id, [
        ...new Set(ordered.flatMap((row) => tags.get(row.id) ?? [])),
      ]);
      const fresh = await this.repository.findById(trx, survivor.id);
      if (!fresh) throw notFound('CUSTOMER_NOT_FOUND');
      await this.repository.reindex(trx, fresh);
      await this.identity.duplicates.identities.replace(trx, survivor.id, null, {
        phones,
        emails: fresh.email ? [fresh.email] : [],
      });
      await this.members.mergeInto(trx, mergedIds, survivor.id, fresh.owner_id);
      for (const participant of this.participants) {
        await participant(trx, { survivorId: survivor.id, mergedIds, actorId: actor.id, at });
      }

      for (const row of others) {
        const gone = await this.repository.update(trx, row.id, row.version, {
          deleted_at: at,
          deleted_by: actor.id,
          merged_into_id: survivor.id,
          updated_at: at,
          updated_by: actor.id,
        });
        if (!gone) throw staleRecord();
        await writeAudit(trx, {
          entityType: 'customer',
          entityId: row.id,
          action: 'delete',
          actorId: actor.id,
          at,
          changes: [{ field: 'mergedInto', old: null, new: survivor.id }],
        });
      }
      if (typeChanges) {
        await this.lifecycle.recordTypeChange(trx, {
          customerId: survivor.id,
          from: survivor.type,
          to: values.type as CustomerType,
          reason: 'merge',
          at,
          actorId: actor.id,
        });
      }
      if (values.owner_id !== survivor.owner_id) {
        await this.lifecycle.recordOwnerChanges(trx, [
          {
            customerId: survivor.id,
            action: 'merge',
            from: survivor.owner_id,
            to: values.owner_id ?? null,
            reason: null,
            at,
            actorId: actor.id,
          },
        ]);
      }
      const after = await this.customers.getForMerge(trx, survivor.id);
      await writeAudit(trx, {
        entityType: 'customer',
        entityId: survivor.id,
        action: 'update',
        actorId: actor.id,
        at,
        changes: [
          ...diffFields(before, after, auditedCustomerFields),
          { field: 'mergedFrom', old: null, new: others.map((row) => row.name) },
        ],
      });
      await this.duplicates.resolveGroupsOf(trx, [survivor.id, ...mergedIds], actor.id, at);
      return after;
    });
  }
}
