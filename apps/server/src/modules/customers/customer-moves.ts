import type { Kysely, Selectable } from 'kysely';
import type { CustomersTable, Database } from '../../db/schema';
import { type FieldChange, writeAuditMany } from '../../platform/audit/audit';
import { AppError, staleRecord } from '../../platform/errors/app-error';
import { CustomerLifecycleRepository, type OwnerChangeAction } from './customer-lifecycle.repository';
import type { CustomersRepository } from './customers.repository';

export interface CustomerMove<T extends { id: string; version: number }> {
  rows: readonly T[];
  /** The new owner, department, pool… the same for every row. */
  values: Partial<Selectable<CustomersTable>>;
  action: OwnerChangeAction;
  reason: string | null;
  actorId: string | null;
  at: string;
  /** The owner a row had (its owner-change log's "from"). */
  from: (row: T) => string | null;
  to: string | null;
  /** The row's history entry. */
  changes: (row: T) => FieldChange[];
}

const lifecycle = new CustomerLifecycleRepository();

/** A 400 that names which customer of a selection (`customerIds.3`) cannot be acted on, and why. */
export const selectionError = (index: number, code: string) =>
  new AppError('VALIDATION_FAILED', 400, {}, { [`customerIds.${index}`]: code });

/**
 * A change of owner or pool for many customers (handover, return, claim, assignment): one
 * version-checked update, one owner-change log batch and one history batch. A row changed since it
 * was read (a concurrent claim of the same customer) refuses the whole move with 409.
 */
export async function moveCustomers<T extends { id: string; version: number }>(
  executor: Kysely<Database>,
  customers: CustomersRepository,
  move: CustomerMove<T>,
): Promise<void> {
  if (move.rows.length === 0) return;
  const moved = await customers.updateMany(executor, move.rows, {
    ...move.values,
    updated_at: move.at,
    updated_by: move.actorId,
  });
  if (moved !== move.rows.length) throw staleRecord();
  const { action, reason, at, actorId, to } = move;
  await lifecycle.recordOwnerChanges(
    executor,
    move.rows.map((row) => ({ customerId: row.id, action, from: move.from(row), to, reason, at, actorId })),
  );
  await writeAuditMany(
    executor,
    move.rows.map((row) => ({
      entityType: 'customer',
      entityId: row.id,
      action: 'update' as const,
      actorId,
      at,
      changes: move.changes(row),
    })),
  );
}
