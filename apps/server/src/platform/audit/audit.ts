import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { newId } from '../ids';

export type AuditAction = 'create' | 'update' | 'delete' | 'restore';
export interface FieldChange {
  field: string;
  old: unknown;
  new: unknown;
}

export interface AuditEntry {
  entityType: string;
  entityId: string;
  action: AuditAction;
  actorId: string | null;
  at: string;
  changes: FieldChange[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Field-level differences between two DTO snapshots, limited to the fields a user edits. */
export function diffFields<T extends object>(
  before: T | undefined,
  after: T | undefined,
  fields: readonly (keyof T)[],
) {
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const oldValue = before?.[field] ?? null;
    const newValue = after?.[field] ?? null;
    if (!same(oldValue, newValue)) changes.push({ field: String(field), old: oldValue, new: newValue });
  }
  return changes;
}

/** Written in the caller's transaction, so a change and its history commit together. */
export async function writeAudit(executor: Kysely<Database>, entry: AuditEntry): Promise<void> {
  await writeAuditMany(executor, [entry]);
}

/** Many history entries in one statement per few hundred (imports). */
export async function writeAuditMany(executor: Kysely<Database>, entries: AuditEntry[]): Promise<void> {
  for (let start = 0; start < entries.length; start += 300) {
    await executor
      .insertInto('audit_log')
      .values(
        entries.slice(start, start + 300).map((entry) => ({
          id: newId(),
          entity_type: entry.entityType,
          entity_id: entry.entityId,
          action: entry.action,
          actor_id: entry.actorId,
          at: entry.at,
          changes: JSON.stringify(entry.changes),
        })),
      )
      .execute();
  }
}
