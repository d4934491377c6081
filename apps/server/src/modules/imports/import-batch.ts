import type { Locale } from '@kehu/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { translate } from '../../platform/i18n/messages';
import type { Actor } from '../../platform/permissions/actor';
import type { ContactsService } from '../contacts/contacts.service';
import type { CustomerImportService } from '../customers/customer-import.service';
import type { DuplicatePolicy, ImportOutcome } from '../customers/customer-import.writer';
import type { ImportRecord } from './import-row';

export interface BatchRow {
  rowNumber: number;
  cells: string[];
  record?: ImportRecord;
  /** Why the row cannot be imported (conversion), in the importer's language. */
  reason?: string;
}

export interface BatchResult {
  rows: Array<{ row: BatchRow; outcome: 'create' | 'update' | 'skip' | 'fail'; reason: string | null }>;
  counts: { created: number; updated: number; skipped: number; failed: number };
}

/**
 * Writes one batch in the caller's transaction: the converted rows through the customers service
 * (duplicates, policy, bulk inserts), their first contacts through the contacts service. Returns
 * what happened to each row, with reasons in the importer's language.
 */
export async function writeBatch(
  executor: Kysely<Database>,
  services: { customers: CustomerImportService; contacts: ContactsService },
  actor: Actor,
  rows: BatchRow[],
  policy: DuplicatePolicy,
  locale: Locale,
  at: string,
): Promise<BatchResult> {
  const ready = rows.filter((row): row is BatchRow & { record: ImportRecord } => row.record !== undefined);
  const outcomes = await services.customers.importBatch(
    executor,
    actor,
    ready.map((row) => row.record.customer),
    policy,
    at,
  );
  const contacts = ready.flatMap((row, index) => {
    const outcome = outcomes[index] as ImportOutcome;
    return outcome.status === 'created' && row.record.contact
      ? [{ customerId: outcome.customerId, primary: true, contact: row.record.contact }]
      : [];
  });
  await services.contacts.importContacts(executor, actor, contacts, at);

  const duplicateIds = outcomes.flatMap((outcome) => ('duplicateOf' in outcome ? [outcome.duplicateOf] : []));
  const owners = await services.customers.ownersOf(executor, [...new Set(duplicateIds)]);
  const describe = (outcome: Extract<ImportOutcome, { duplicateOf: string }>) => {
    const owner = owners.get(outcome.duplicateOf);
    return translate(locale, `imports.${outcome.status === 'failed' ? outcome.code : 'DUPLICATE_SKIPPED'}`, {
      name: owner?.name ?? '',
      owner: owner?.ownerName ?? translate(locale, 'imports.noOwner'),
      matchedOn: outcome.matchedOn.map((kind) => translate(locale, `imports.match_${kind}`)).join(', '),
    });
  };

  const counts = { created: 0, updated: 0, skipped: 0, failed: 0 };
  const result: BatchResult['rows'] = [];
  let next = 0;
  for (const row of rows) {
    if (!row.record) {
      counts.failed += 1;
      result.push({ row, outcome: 'fail', reason: row.reason ?? null });
      continue;
    }
    const outcome = outcomes[next++] as ImportOutcome;
    if (outcome.status === 'created') {
      counts.created += 1;
      result.push({ row, outcome: 'create', reason: null });
    } else if (outcome.status === 'updated') {
      counts.updated += 1;
      result.push({ row, outcome: 'update', reason: null });
    } else if (outcome.status === 'skipped') {
      counts.skipped += 1;
      result.push({ row, outcome: 'skip', reason: describe(outcome) });
    } else if (outcome.status === 'failed') {
      counts.failed += 1;
      result.push({ row, outcome: 'fail', reason: describe(outcome) });
    }
  }
  return { rows: result, counts };
}
