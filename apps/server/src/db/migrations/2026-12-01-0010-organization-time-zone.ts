import type { Kysely } from 'kysely';

// Frozen in time: this file imports nothing from application code (DESIGN.md §4).
// The organisation's time zone: a "day" (a rep's daily claim quota, dates shown in messages) is a
// day where the organisation works, not a UTC day (which starts at 08:00 in Beijing).

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('organizations')
    .addColumn('time_zone', 'text', (col) => col.notNull().defaultTo('Asia/Shanghai'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('organizations').dropColumn('time_zone').execute();
}
