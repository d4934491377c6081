import {
  type CreateExport,
  type CustomerListQuery,
  createExportSchema,
  dateIn,
  type Export,
  type Locale,
} from '@kehu/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { SessionsRepository } from '../../platform/auth/sessions.repository';
import { notFound, ruleViolation } from '../../platform/errors/app-error';
import type { FileStore } from '../../platform/files/file-store';
import { translate } from '../../platform/i18n/messages';
import { newId } from '../../platform/ids';
import { failureOf } from '../../platform/jobs/job-failure';
import type { JobContext, JobRunner } from '../../platform/jobs/job-runner';
import { type Actor, assertCan } from '../../platform/permissions/actor';
import type { CustomFieldsService } from '../custom-fields/custom-fields.service';
import type { CustomersService } from '../customers/customers.service';
import type { OrganizationService } from '../organization/organization.service';
import { customerExportColumns } from './customer-export.columns';
import { type ExportRow, ExportsRepository } from './exports.repository';
import { csvWriter, xlsxWriter } from './table-file.writer';

export const EXPORT_JOB = 'customers.export';
const pageSize = 200;
/** Export files are deleted this long after they are ready: they are copies, made for one download. */
export const exportRetentionDays = 7;
const dayMs = 86_400_000;

/**
 * Exports of the customer list as the user filtered it, to CSV or xlsx: a background job pages
 * through the list *as that user* (so only the records they may see), writing rows as it goes.
 */
export class ExportsService {
  private readonly repository = new ExportsRepository();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => Date,
    private readonly files: FileStore,
    private readonly jobs: JobRunner,
    private readonly sessions: SessionsRepository,
    private readonly organization: OrganizationService,
    private readonly customFields: CustomFieldsService,
    private readonly customers: CustomersService,
  ) {
    jobs.register(EXPORT_JOB, (payload, context) => this.run(payload as { exportId: string }, context));
  }

  async create(actor: Actor, request: CreateExport): Promise<Export> {
    assertCan(actor, 'customers', 'export');
    const input = createExportSchema.parse(request);
    // A wrong filter fails now, in the user's face, not later in the job.
    await this.customers.withCustomFilters(input.filters);
    const id = newId();
    await this.db.transaction().execute(async (trx) => {
      const jobId = await this.jobs.enqueue(trx, EXPORT_JOB, { exportId: id }, { createdBy: actor.id });
      await this.repository.insert(trx, {
        id,
        entity: input.entity,
        format: input.format,
        filters: JSON.stringify(input.filters),
        status: 'queued',
        rows_done: 0,
        file_path: null,
        error: null,
        job_id: jobId,
        created_by: actor.id,
        created_at: this.now().toISOString(),
        finished_at: null,
      });
    });
    return this.get(actor, id);
  }

  async get(actor: Actor, id: string): Promise<Export> {
    return toExport(await this.getOwn(actor, id));
  }

  async list(actor: Actor): Promise<Export[]> {
    assertCan(actor, 'customers', 'export');
    return (await this.repository.listOf(this.db, actor.id, 20)).map(toExport);
  }

  async file(actor: Actor, id: string): Promise<{ path: string; fileName: string; contentType: string }> {
    const row = await this.getOwn(actor, id);
    if (row.status === 'expired') throw ruleViolation('EXPORT_EXPIRED');
    if (row.status !== 'succeeded' || !row.file_path) throw ruleViolation('EXPORT_NOT_READY');
    const stamp = dateIn(await this.organization.timeZone(), new Date(row.created_at));
    return {
      path: this.files.pathOf(row.file_path),
      fileName: `customers-${stamp}.${row.format}`,
      contentType:
        row.format === 'csv'
          ? 'text/csv; charset=utf-8'
          : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    };
  }

  /** Deletes the files of exports ready for longer than the retention; the export says "expired". */
  async expireOld(): Promise<number> {
    const before = new Date(this.now().getTime() - exportRetentionDays * dayMs).toISOString();
    let expired = 0;
    for (;;) {
      const rows = await this.repository.readyBefore(this.db, before, 500);
      for (const row of rows) {
        if (row.file_path) this.files.remove(row.file_path);
        await this.repository.update(this.db, row.id, { status: 'expired', file_path: null });
      }
      expired += rows.length;
      if (rows.length < 500) return expired;
    }
  }

  private async run({ exportId }: { exportId: string }, context: JobContext): Promise<void> {
    const row = await this.repository.find(this.db, exportId);
    if (!row || row.status === 'succeeded') return;
    try {
      const actor = await this.sessions.actorForUser(this.db, row.created_by);
      if (!actor) throw new Error('the exporting user is no longer active');
      assertCan(actor, 'customers', 'export');
      const locale: Locale = actor.locale ?? (await this.organization.defaultLocale());
      await this.repository.update(this.db, exportId, { status: 'running', rows_done: 0 });
      const definitions = await this.customFields.definitionsOf(this.db, 'customer');
      const columns = customerExportColumns(locale, definitions);
      const name = row.file_path ?? this.files.newName();
      const path = this.files.pathOf(name);
      const headers = columns.map((column) => column.header);
      const writer =
        row.format === 'csv'
          ? csvWriter(path, headers)
          : xlsxWriter(path, headers, translate(locale, 'exportColumns.sheet'));
      const filters = JSON.parse(row.filters) as Partial<CustomerListQuery>;
      let cursor: string | undefined;
      let done = 0;
      do {
        const page = await this.customers.list(actor, {
          sort: '-updatedAt',
          ...filters,
          limit: pageSize,
          ...(cursor ? { cursor } : {}),
        } as CustomerListQuery);
        for (const customer of page.items) await writer.row(columns.map((column) => column.value(customer)));
        done += page.items.length;
        cursor = page.nextCursor ?? undefined;
        await this.repository.update(this.db, exportId, { rows_done: done });
        await context.heartbeat();
      } while (cursor);
      await writer.close();
      await this.repository.update(this.db, exportId, {
        status: 'succeeded',
        file_path: name,
        finished_at: this.now().toISOString(),
      });
    } catch (error) {
      await this.repository.update(this.db, exportId, failureOf(error, this.now()));
      throw error;
    }
  }

  private async getOwn(actor: Actor, id: string): Promise<ExportRow> {
    assertCan(actor, 'customers', 'export');
    const row = await this.repository.find(this.db, id);
    // Only the one who asked downloads it: the file holds what *they* may see.
    if (!row || row.created_by !== actor.id) throw notFound('EXPORT_NOT_FOUND');
    return row;
  }
}

const toExport = (row: ExportRow): Export => ({
  id: row.id,
  entity: 'customer',
  format: row.format as Export['format'],
  status: row.status as Export['status'],
  rowsDone: row.rows_done,
  error: row.error,
  createdAt: row.created_at,
  finishedAt: row.finished_at,
});
