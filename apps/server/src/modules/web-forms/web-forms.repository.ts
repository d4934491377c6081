import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, WebFormSubmissionsTable, WebFormsTable } from '../../db/schema';

export type WebFormRow = Selectable<WebFormsTable>;

export class WebFormsRepository {
  list(executor: Kysely<Database>) {
    return executor.selectFrom('web_forms').selectAll().orderBy('created_at', 'desc').execute();
  }

  find(executor: Kysely<Database>, id: string) {
    return executor.selectFrom('web_forms').selectAll().where('id', '=', id).executeTakeFirst();
  }

  findByKey(executor: Kysely<Database>, key: string) {
    return executor.selectFrom('web_forms').selectAll().where('public_key', '=', key).executeTakeFirst();
  }

  async insert(executor: Kysely<Database>, row: Insertable<WebFormsTable>) {
    await executor.insertInto('web_forms').values(row).execute();
  }

  async update(executor: Kysely<Database>, id: string, values: Partial<WebFormRow>) {
    await executor.updateTable('web_forms').set(values).where('id', '=', id).execute();
  }

  async remove(executor: Kysely<Database>, id: string) {
    await executor.deleteFrom('web_forms').where('id', '=', id).execute();
  }

  async submissionCounts(executor: Kysely<Database>): Promise<Map<string, number>> {
    const rows = await executor
      .selectFrom('web_form_submissions')
      .select(['form_id', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('form_id')
      .execute();
    return new Map(rows.map((row) => [row.form_id, Number(row.n)]));
  }

  async insertSubmission(executor: Kysely<Database>, row: Insertable<WebFormSubmissionsTable>) {
    await executor.insertInto('web_form_submissions').values(row).execute();
  }

  submissions(executor: Kysely<Database>, formId: string, beforeId: string | undefined, limit: number) {
    let query = executor
      .selectFrom('web_form_submissions')
      .selectAll()
      .where('form_id', '=', formId)
      .orderBy('id', 'desc')
      .limit(limit);
    if (beforeId) query = query.where('id', '<', beforeId);
    return query.execute();
  }
}
