import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

export class SettingsRepository {
  async find(executor: Kysely<Database>, key: string): Promise<unknown> {
    const row = await executor
      .selectFrom('settings')
      .select('value')
      .where('key', '=', key)
      .executeTakeFirst();
    return row ? JSON.parse(row.value) : undefined;
  }

  async put(executor: Kysely<Database>, key: string, value: unknown, at: string, actorId: string) {
    const json = JSON.stringify(value);
    await executor
      .insertInto('settings')
      .values({ key, value: json, updated_at: at, updated_by: actorId })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updated_at: at, updated_by: actorId }))
      .execute();
  }
}
