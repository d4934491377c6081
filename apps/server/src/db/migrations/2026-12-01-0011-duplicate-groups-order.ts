import type { Kysely } from 'kysely';

// Frozen in time: this file imports nothing from application code (DESIGN.md §4).
// The duplicates page lists open groups largest first, a keyset page at a time: an index in that
// order (at 1M customers a scan leaves ~190 000 groups, which were sorted for every page).

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('duplicate_groups_open_order_idx')
    .on('duplicate_groups')
    .columns(['status', 'size desc', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('duplicate_groups_open_order_idx').execute();
}
