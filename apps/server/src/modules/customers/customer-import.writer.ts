import type { CreateCustomer, DuplicateAction, DuplicateMatchKind, DuplicateRule } from '@kehu/contracts';
import type { Insertable, Kysely } from 'kysely';
import type { CustomersTable, Database } from '../../db/schema';
import { diffFields, writeAudit, writeAuditMany } from '../../platform/audit/audit';
import { newId } from '../../platform/ids';
import { companyNameKey } from '../../platform/normalize/company-name.normalize';
import type { Actor } from '../../platform/permissions/actor';
import { CustomerLifecycleRepository } from './customer-lifecycle.repository';
import { auditedCustomerFields } from './customers.mapper';
import type { CustomersRepository } from './customers.repository';
import type { CustomerIdentitiesRepository } from './duplicates/customer-identities.repository';

/** A customer row of a file, already checked and normalised by the importer. */
export type ImportCustomer = CreateCustomer & {
  name: string;
  phones: string[];
  email: string | null;
  custom: Record<string, unknown>;
};
export type DuplicatePolicy = 'skip' | 'update' | 'create';

export type ImportOutcome =
  | { status: 'created' | 'updated'; customerId: string }
  | { status: 'skipped'; duplicateOf: string; matchedOn: DuplicateMatchKind[] }
  | {
      status: 'failed';
      code: 'DUPLICATE_BLOCKED' | 'DUPLICATE_NOT_WRITABLE';
      duplicateOf: string;
      matchedOn: DuplicateMatchKind[];
    };

const strength: Record<DuplicateAction, number> = { off: 0, warn: 1, block: 2 };

/**
 * A later row of a file over an earlier one, as updating a stored customer fills it: what the later
 * row has wins, phones and tags add up (at most 5 phones), an email already there stays.
 */
function mergedRecord(earlier: ImportCustomer, later: ImportCustomer): ImportCustomer {
  const given = Object.fromEntries(
    Object.entries(later).filter(([, value]) => value !== undefined && value !== null && value !== ''),
  );
  return {
    ...earlier,
    ...given,
    name: earlier.name,
    phones: [...new Set([...earlier.phones, ...later.phones])].slice(0, 5),
    email: earlier.email ?? later.email,
    custom: { ...earlier.custom, ...later.custom },
    tags: [...new Set([...(earlier.tags ?? []), ...(later.tags ?? [])])],
  };
}

/**
 * Writes a batch of imported customers in the caller's transaction: duplicates looked up for the
 * whole batch at once (exact phones, emails and name keys — within the file too), then the policy:
 * skip the row, update the existing customer (fill what the row has), or create anyway — except
 * where the import rule says "block". New rows go in with multi-row inserts, history included.
 */
export class CustomerImportWriter {
  private readonly lifecycle = new CustomerLifecycleRepository();

  constructor(
    private readonly repository: CustomersRepository,
    private readonly identities: CustomerIdentitiesRepository,
  ) {}

  async write(
    executor: Kysely<Database>,
    actor: Actor,
    records: ImportCustomer[],
    policy: DuplicatePolicy,
    rule: DuplicateRule,
    at: string,
  ): Promise<ImportOutcome[]> {
    const keys = records.map((record) => companyNameKey(record.name));
    const holders = new Map<string, string[]>();
    const hold = (value: string, customerId: string) =>
      holders.set(value, [...(holders.get(value) ?? []), customerId]);
    const phonesSought = rule.phone === 'off' ? [] : records.flatMap((record) => record.phones);
    const emailsSought =
      rule.email === 'off' ? [] : records.flatMap((record) => (record.email ? [record.email] : []));
    for (const row of await this.identities.holdersOf(executor, {
      phones: phonesSought,
      emails: emailsSought,
    })) {
      hold(`${row.kind}:${row.value}`, row.customer_id);
    }
    if (rule.name !== 'off') {
      for (const row of await this.repository.withNameKeys(executor, keys))
        hold(`name:${row.name_key}`, row.id);
    }

    const outcomes: ImportOutcome[] = [];
    const created: Array<{ row: Insertable<CustomersTable>; record: ImportCustomer }> = [];
    for (const [index, record] of records.entries()) {
      const matched = new Map<string, Set<DuplicateMatchKind>>();
      const look = (kind: DuplicateMatchKind, value: string) => {
        if (rule[kind] === 'off') return;
        for (const id of holders.get(`${kind}:${value}`) ?? [])
          matched.set(id, (matched.get(id) ?? new Set()).add(kind));
      };
      for (const phone of record.phones) look('phone', phone);
      if (record.email) look('email', record.email);
      look('name', keys[index] as string);

      const [duplicateOf, kinds] = [...matched.entries()].sort((a, b) => b[1].size - a[1].size)[0] ?? [];
      if (duplicateOf && kinds) {
        const matchedOn = [...kinds];
        const action = matchedOn
          .map((kind) => rule[kind])
          .reduce((a, b) => (strength[b] > strength[a] ? b : a), 'off');
        if (policy === 'skip') {
          outcomes.push({ status: 'skipped', duplicateOf, matchedOn });
          continue;
        }
        if (policy === 'update') {
          // A customer an earlier row of this batch creates is not written yet: that row takes this one's values.
          const pending = created.find((entry) => entry.row.id === duplicateOf);
          if (pending) {
            pending.record = mergedRecord(pending.record, record);
            pending.row = this.newRow(duplicateOf, actor, pending.record, pending.row.name_key as string, at);
            for (const phone of pending.record.phones) hold(`phone:${phone}`, duplicateOf);
            if (pending.record.email) hold(`email:${pending.record.email}`, duplicateOf);
            outcomes.push({ status: 'updated', customerId: duplicateOf });
            continue;
          }
          const updated = await this.updateExisting(executor, actor, duplicateOf, record, at);
          outcomes.push(
            updated
              ? { status: 'updated', customerId: duplicateOf }
              : { status: 'failed', code: 'DUPLICATE_NOT_WRITABLE', duplicateOf, matchedOn },
          );
          continue;
        }
        if (action === 'block') {
          outcomes.push({ status: 'failed', code: 'DUPLICATE_BLOCKED', duplicateOf, matchedOn });
          continue;
        }
      }
      const id = newId();
      created.push({ row: this.newRow(id, actor, record, keys[index] as string, at), record });
      outcomes.push({ status: 'created', customerId: id });
      // Later rows of the same file see this one as an existing customer.
      for (const phone of record.phones) hold(`phone:${phone}`, id);
      if (record.email) hold(`email:${record.email}`, id);
      hold(`name:${keys[index]}`, id);
    }
    await this.insertCreated(executor, actor, created, at);
    return outcomes;
  }

  private newRow(
    id: string,
    actor: Actor,
    record: ImportCustomer,
    key: string,
    at: string,
  ): Insertable<CustomersTable> {
    return {
      id,
      kind: record.kind ?? 'company',
      name: record.name,
      name_key: key,
      type: record.type ?? 'intent',
      type_changed_at: at,
      level: record.level ?? null,
      industry: record.industry ?? null,
      source: record.source ?? null,
      province: record.province ?? null,
      city: record.city ?? null,
      district: record.district ?? null,
      address: record.address ?? null,
      phones: JSON.stringify(record.phones),
      email: record.email,
      website: record.website ?? null,
      notes: record.notes ?? null,
      owner_id: actor.id,
      department_id: actor.departmentId,
      last_follow_up_at: null,
      owner_since: at,
      custom: JSON.stringify(record.custom),
      version: 1,
      created_at: at,
      created_by: actor.id,
      updated_at: at,
      updated_by: actor.id,
      deleted_at: null,
      deleted_by: null,
    };
  }

  private async insertCreated(
    executor: Kysely<Database>,
    actor: Actor,
    created: Array<{ row: Insertable<CustomersTable>; record: ImportCustomer }>,
    at: string,
  ) {
    if (created.length === 0) return;
    await this.repository.insertMany(
      executor,
      created.map((entry) => entry.row),
      new Map(created.map((entry) => [entry.row.id, entry.record.tags ?? []])),
    );
    await this.identities.insertMany(
      executor,
      created.flatMap(({ row, record }) => [
        ...[...new Set(record.phones)].map((value) => ({
          customer_id: row.id,
          contact_id: null,
          kind: 'phone' as const,
          value,
        })),
        ...(record.email
          ? [{ customer_id: row.id, contact_id: null, kind: 'email' as const, value: record.email }]
          : []),
      ]),
    );
    await this.lifecycle.recordTypeChanges(
      executor,
      created.map(({ row }) => ({
        customerId: row.id,
        from: null,
        to: row.type as ImportCustomer['type'] & string,
        reason: 'import' as const,
        at,
        actorId: actor.id,
      })),
    );
    await writeAuditMany(
      executor,
      created.map(({ row, record }) => ({
        entityType: 'customer',
        entityId: row.id,
        action: 'create' as const,
        actorId: actor.id,
        at,
        changes: diffFields(
          undefined,
          {
            ...record,
            tags: record.tags ?? [],
            ownerId: actor.id,
            departmentId: actor.departmentId,
          } as Record<string, unknown>,
          auditedCustomerFields as unknown as string[],
        ),
      })),
    );
  }

  /** Fills the existing customer with what the row has (phones and tags added, blanks kept). */
  private async updateExisting(
    executor: Kysely<Database>,
    actor: Actor,
    id: string,
    record: ImportCustomer,
    at: string,
  ): Promise<boolean> {
    const row = await this.repository.findVisible(executor, actor, id);
    if (!row || row.deleted_at || !(await this.repository.isWritable(executor, actor, id))) return false;
    const phones = [...new Set([...(JSON.parse(row.phones) as string[]), ...record.phones])].slice(0, 5);
    const values = {
      ...(record.type && record.type !== row.type ? { type: record.type, type_changed_at: at } : {}),
      ...(record.level ? { level: record.level } : {}),
      ...(record.industry ? { industry: record.industry } : {}),
      ...(record.province
        ? { province: record.province, city: record.city ?? null, district: record.district ?? null }
        : {}),
      ...(record.address ? { address: record.address } : {}),
      ...(record.email && !row.email ? { email: record.email } : {}),
      ...(record.website ? { website: record.website } : {}),
      ...(record.notes ? { notes: record.notes } : {}),
      phones: JSON.stringify(phones),
      custom: JSON.stringify({ ...(JSON.parse(row.custom) as Record<string, unknown>), ...record.custom }),
      updated_at: at,
      updated_by: actor.id,
    };
    if (!(await this.repository.update(executor, id, row.version, values))) return false;
    const tagsBefore = (await this.repository.tagsOf(executor, [id])).get(id) ?? [];
    const tags = [...new Set([...tagsBefore, ...(record.tags ?? [])])];
    if (tags.length !== tagsBefore.length) await this.repository.replaceTags(executor, id, tags);
    const fresh = await this.repository.findById(executor, id);
    if (fresh) {
      await this.repository.reindex(executor, fresh);
      await this.identities.replace(executor, id, null, {
        phones,
        emails: fresh.email ? [fresh.email] : [],
      });
    }
    if (values.type) {
      await this.lifecycle.recordTypeChange(executor, {
        customerId: id,
        from: row.type,
        to: values.type,
        reason: 'import',
        at,
        actorId: actor.id,
      });
    }
    const before = {
      ...row,
      phones: JSON.parse(row.phones),
      custom: JSON.parse(row.custom),
      tags: tagsBefore,
    };
    const after = { ...row, ...values, phones, custom: JSON.parse(values.custom), tags };
    await writeAudit(executor, {
      entityType: 'customer',
      entityId: id,
      action: 'update',
      actorId: actor.id,
      at,
      changes: diffFields(before as Record<string, unknown>, after as Record<string, unknown>, [
        'type',
        'level',
        'industry',
        'province',
        'city',
        'district',
        'address',
        'email',
        'website',
        'notes',
        'phones',
        'custom',
        'tags',
      ]),
    });
    return true;
  }
}
