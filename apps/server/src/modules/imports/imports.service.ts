import type { Readable } from 'node:stream';
import {
  type CustomField,
  type Import,
  type ImportPreview,
  type ImportSettings,
  importSettingsSchema,
  type Locale,
} from '@kehu/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { SessionsRepository } from '../../platform/auth/sessions.repository';
import { AppError, invalidField, notFound, ruleViolation } from '../../platform/errors/app-error';
import type { FileStore } from '../../platform/files/file-store';
import { translate } from '../../platform/i18n/messages';
import { newId } from '../../platform/ids';
import { failureOf } from '../../platform/jobs/job-failure';
import type { JobContext, JobRunner } from '../../platform/jobs/job-runner';
import { type Actor, assertCan } from '../../platform/permissions/actor';
import type { ContactsService } from '../contacts/contacts.service';
import type { CustomFieldsService } from '../custom-fields/custom-fields.service';
import type { CustomerImportService } from '../customers/customer-import.service';
import type { OrganizationService } from '../organization/organization.service';
import { phoneRegionOf } from '../settings/phone-region';
import type { SettingsService } from '../settings/settings.service';
import { type ConversionSettings, rowConverter } from './converted-rows';
import { FailedRowsWriter } from './failed-rows.writer';
import { writeBatch } from './import-batch';
import { type ImportTarget, importTargets, isImportTarget, suggestMapping } from './import-fields';
import { type FileRow, readRows, type SniffedFile, sniffFile } from './import-file';
import { convertedBatches, UnreadableFileError } from './import-reader';
import { type ImportRow, ImportsRepository } from './imports.repository';

export const IMPORT_JOB = 'customers.import';
// Rows per transaction. Each commit is an fsync (synchronous=FULL), and other requests wait for the
// one SQLite connection while a batch is written: 2 000 rows hold it ~1.2 s here; 5 000 were 7 %
// faster but held it ~3 s, 1 000 were 7 % slower (bench/RESULTS-import.md).
const batchSize = 2000;
const sampleRows = 5;
/** An upload never started is deleted after this many days … */
export const draftRetentionDays = 7;
/** … and a finished import's files (the upload, the failed rows) after this many; its counts stay. */
export const importFileRetentionDays = 30;
const dayMs = 86_400_000;
const previewRows = 20;

class Rollback extends Error {}

/** CSV / Excel import of customers (and their first contacts): upload, mapping, preview, background run. */
export class ImportsService {
  private readonly repository = new ImportsRepository();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => Date,
    private readonly files: FileStore,
    private readonly jobs: JobRunner,
    private readonly sessions: SessionsRepository,
    private readonly organization: OrganizationService,
    private readonly settings: SettingsService,
    private readonly customFields: CustomFieldsService,
    private readonly customers: CustomerImportService,
    private readonly contacts: ContactsService,
    private readonly maxBytes: number,
  ) {
    jobs.register(IMPORT_JOB, (payload, context) => this.run(payload as { importId: string }, context));
  }

  /** Stores the file, tells what it is, and proposes a mapping of its headers. Nothing is imported yet. */
  async upload(actor: Actor, file: { filename: string; stream: Readable }): Promise<Import> {
    assertCan(actor, 'customers', 'import');
    const saved = await this.files.save(file.stream, this.maxBytes);
    if (saved.truncated) {
      throw new AppError(
        'IMPORT_FILE_TOO_LARGE',
        413,
        { megabytes: Math.round(this.maxBytes / 1024 / 1024) },
        { file: 'tooLarge' },
      );
    }
    const path = this.files.pathOf(saved.name);
    try {
      const sniffed = sniffFile(path);
      // The header and the sample rows, read now: a file that breaks within them is refused here,
      // before a draft exists (reading it later would fail on every look at the draft).
      const head = await firstRows(path, sniffed, sampleRows + 1);
      const headerCells = head[0]?.cells ?? [];
      if (headerCells.every((cell) => cell.trim() === ''))
        throw new AppError('IMPORT_FILE_EMPTY', 400, {}, { file: 'IMPORT_FILE_EMPTY' });
      const headers = headerCells.map((cell, index) => cell.trim() || `#${index + 1}`);
      const definitions = await this.customFields.definitionsOf(this.db, 'customer');
      const id = newId();
      await this.repository.insert(this.db, {
        id,
        entity: 'customer',
        status: 'draft',
        file_name: file.filename.slice(0, 255) || 'upload',
        file_path: saved.name,
        file_size: saved.size,
        format: sniffed.format,
        // The delimiter rides along with the encoding (one column): `utf-8|;`.
        encoding: sniffed.format === 'csv' ? `${sniffed.encoding}|${sniffed.delimiter}` : sniffed.encoding,
        headers: JSON.stringify(headers),
        mapping: JSON.stringify(suggestMapping(headers, definitions)),
        duplicate_policy: 'skip',
        job_id: null,
        rows_done: 0,
        bytes_done: 0,
        created_count: 0,
        updated_count: 0,
        skipped_count: 0,
        failed_count: 0,
        failed_path: null,
        error: null,
        created_by: actor.id,
        created_at: this.now().toISOString(),
        started_at: null,
        finished_at: null,
      });
      return await this.get(actor, id);
    } catch (error) {
      this.files.remove(saved.name);
      if (error instanceof AppError) throw error;
      // A parser that gives up (a broken xlsx, a binary file) is the file's fault, not the server's.
      throw new AppError('IMPORT_FILE_UNREADABLE', 400, {}, { file: 'IMPORT_FILE_UNREADABLE' });
    }
  }

  async get(actor: Actor, id: string): Promise<Import> {
    const row = await this.getOwn(actor, id);
    const definitions = await this.customFields.definitionsOf(this.db, 'customer');
    const sample =
      row.status === 'draft'
        ? (await firstRows(this.files.pathOf(row.file_path), sniffedOf(row), sampleRows + 1))
            .slice(1)
            .map((r) => r.cells)
        : [];
    return toImport(row, sample, definitions);
  }

  async list(actor: Actor) {
    assertCan(actor, 'customers', 'import');
    const rows = await this.repository.listOf(this.db, actor.isAdmin ? null : actor.id, 50);
    return rows.map((row) => {
      const { sample: _sample, targets: _targets, ...rest } = toImport(row, [], []);
      return rest;
    });
  }

  /** What the first rows would become with this mapping and policy: written, then rolled back. */
  /** `locale` is the request's language: the preview is read now, by the one who asked. */
  async preview(actor: Actor, id: string, request: ImportSettings, locale: Locale): Promise<ImportPreview> {
    const row = await this.getOwn(actor, id);
    const settings = await this.checkSettings(row, request);
    const fileRows = (
      await firstRows(this.files.pathOf(row.file_path), sniffedOf(row), previewRows + 1)
    ).slice(1);
    const converter = rowConverter(await this.conversionSettings(row, settings.mapping, locale));
    let preview: ImportPreview = { rows: [] };
    await this.db
      .transaction()
      .execute(async (trx) => {
        const result = await writeBatch(
          trx,
          this.services(),
          actor,
          fileRows.map(converter),
          settings.duplicatePolicy,
          locale,
          this.now().toISOString(),
        );
        preview = {
          rows: result.rows.map(({ row: batchRow, outcome, reason }) => ({
            rowNumber: batchRow.rowNumber,
            cells: batchRow.cells,
            outcome,
            reason,
          })),
        };
        throw new Rollback();
      })
      .catch((error) => {
        if (!(error instanceof Rollback)) throw error;
      });
    return preview;
  }

  async start(actor: Actor, id: string, request: ImportSettings): Promise<Import> {
    const row = await this.getOwn(actor, id);
    if (row.status !== 'draft') throw ruleViolation('IMPORT_ALREADY_STARTED');
    const settings = await this.checkSettings(row, request);
    await this.db.transaction().execute(async (trx) => {
      const jobId = await this.jobs.enqueue(trx, IMPORT_JOB, { importId: id }, { createdBy: actor.id });
      await this.repository.update(trx, id, {
        mapping: JSON.stringify(settings.mapping),
        duplicate_policy: settings.duplicatePolicy,
        status: 'queued',
        job_id: jobId,
      });
    });
    return this.get(actor, id);
  }

  /** The failed rows as a CSV file (the file's columns and the reason), for the importer. */
  async failedRowsFile(actor: Actor, id: string): Promise<{ path: string; fileName: string }> {
    const row = await this.getOwn(actor, id);
    if (!row.failed_path || !this.files.exists(row.failed_path)) throw notFound('IMPORT_NO_FAILED_ROWS');
    return {
      path: this.files.pathOf(row.failed_path),
      fileName: `${row.file_name.replace(/\.[^.]*$/, '')}-failed.csv`,
    };
  }

  /** File retention: deletes stale drafts, and the files of imports finished long ago. */
  async removeOldFiles(): Promise<{ drafts: number; finished: number }> {
    const now = this.now().getTime();
    const draftsBefore = new Date(now - draftRetentionDays * dayMs).toISOString();
    const finishedBefore = new Date(now - importFileRetentionDays * dayMs).toISOString();
    const removed = { drafts: 0, finished: 0 };
    for (;;) {
      const drafts = await this.repository.draftsBefore(this.db, draftsBefore, 500);
      for (const draft of drafts) {
        await this.repository.remove(this.db, draft.id);
        this.files.remove(draft.file_path);
      }
      removed.drafts += drafts.length;
      if (drafts.length < 500) break;
    }
    for (;;) {
      const finished = await this.repository.finishedWithFilesBefore(this.db, finishedBefore, 500);
      for (const row of finished) {
        this.files.remove(row.file_path);
        if (row.failed_path) this.files.remove(row.failed_path);
        await this.repository.update(this.db, row.id, {
          failed_path: null,
          files_removed_at: this.now().toISOString(),
        });
      }
      removed.finished += finished.length;
      if (finished.length < 500) break;
    }
    return removed;
  }

  /** The job: streams the file, converts and writes batches; progress commits with each batch. */
  private async run({ importId }: { importId: string }, context: JobContext): Promise<void> {
    const row = await this.repository.find(this.db, importId);
    if (!row || row.status === 'succeeded') return;
    let locale: Locale = await this.organization.defaultLocale();
    try {
      const actor = await this.sessions.actorForUser(this.db, row.created_by);
      if (!actor) throw new Error('the importing user is no longer active');
      locale = await this.localeOf(actor);
      await this.repository.update(this.db, importId, {
        status: 'running',
        started_at: row.started_at ?? this.now().toISOString(),
      });
      const mapping = JSON.parse(row.mapping) as Array<ImportTarget | null>;
      const conversion = await this.conversionSettings(row, mapping, locale);
      const failedName = row.failed_path ?? this.files.newName();
      if (!row.failed_path) await this.repository.update(this.db, importId, { failed_path: failedName });
      const failed = new FailedRowsWriter(this.files.pathOf(failedName));
      failed.start(JSON.parse(row.headers) as string[], translate(locale, 'imports.reasonHeader'));

      for await (const { rows, bytes } of convertedBatches({
        path: this.files.pathOf(row.file_path),
        sniffed: sniffedOf(row),
        skip: row.rows_done,
        batchSize,
        ahead: 2,
        conversion,
      })) {
        const result = await this.db.transaction().execute(async (trx) => {
          const written = await writeBatch(
            trx,
            this.services(),
            actor,
            rows,
            row.duplicate_policy as 'skip',
            locale,
            this.now().toISOString(),
          );
          await this.repository.addProgress(trx, importId, { rows: rows.length, bytes, ...written.counts });
          return written;
        });
        failed.append(
          result.rows
            .filter((entry) => entry.outcome === 'fail')
            .map((entry) => ({ cells: entry.row.cells, reason: entry.reason ?? '' })),
        );
        await context.heartbeat();
      }
      const done = await this.repository.find(this.db, importId);
      await this.repository.update(this.db, importId, {
        status: 'succeeded',
        bytes_done: row.file_size,
        finished_at: this.now().toISOString(),
        ...(done && done.failed_count === 0 ? { failed_path: null } : {}),
      });
      if (done && done.failed_count === 0) this.files.remove(failedName);
    } catch (error) {
      // The importer reads why in their language when it is the file's fault.
      const shown =
        error instanceof UnreadableFileError
          ? new Error(translate(locale, 'imports.unreadableAt', { line: error.line }))
          : error;
      await this.repository.update(this.db, importId, failureOf(shown, this.now()));
      throw error;
    }
  }

  private services() {
    return { customers: this.customers, contacts: this.contacts };
  }

  private async conversionSettings(
    row: ImportRow,
    mapping: Array<ImportTarget | null>,
    locale: Locale,
  ): Promise<ConversionSettings> {
    return {
      mapping,
      headers: JSON.parse(row.headers) as string[],
      customFields: (await this.customFields.definitionsOf(this.db, 'customer')).filter(
        (field) => !field.archived,
      ),
      phoneRegion: phoneRegionOf(await this.settings.dataQuality(this.db)),
      locale,
    };
  }

  private async checkSettings(
    row: ImportRow,
    request: ImportSettings,
  ): Promise<{ mapping: Array<ImportTarget | null>; duplicatePolicy: 'skip' | 'update' | 'create' }> {
    const settings = importSettingsSchema.parse(request);
    const headers = JSON.parse(row.headers) as string[];
    if (settings.mapping.length !== headers.length) throw invalidField('mapping', 'mappingLength');
    const definitions = await this.customFields.definitionsOf(this.db, 'customer');
    const seen = new Set<string>();
    for (const [index, target] of settings.mapping.entries()) {
      if (target === null) continue;
      if (!isImportTarget(target, definitions)) throw invalidField(`mapping.${index}`, 'invalid');
      if (seen.has(target)) throw invalidField(`mapping.${index}`, 'mappedTwice');
      seen.add(target);
    }
    if (!seen.has('name')) throw invalidField('mapping', 'nameNotMapped');
    return {
      mapping: settings.mapping as Array<ImportTarget | null>,
      duplicatePolicy: settings.duplicatePolicy,
    };
  }

  private async getOwn(actor: Actor, id: string): Promise<ImportRow> {
    assertCan(actor, 'customers', 'import');
    const row = await this.repository.find(this.db, id);
    if (!row || (row.created_by !== actor.id && !actor.isAdmin)) throw notFound('IMPORT_NOT_FOUND');
    return row;
  }

  private async localeOf(actor: Actor): Promise<Locale> {
    return actor.locale ?? (await this.organization.defaultLocale());
  }
}

function sniffedOf(row: ImportRow): SniffedFile {
  const bar = row.encoding.indexOf('|');
  const encoding = bar < 0 ? row.encoding : row.encoding.slice(0, bar);
  const delimiter = bar < 0 ? ',' : row.encoding.slice(bar + 1);
  return {
    format: row.format as SniffedFile['format'],
    encoding: encoding as SniffedFile['encoding'],
    delimiter,
  };
}

async function firstRows(path: string, sniffed: SniffedFile, count: number): Promise<FileRow[]> {
  const rows: FileRow[] = [];
  for await (const row of readRows(path, sniffed)) {
    rows.push(row);
    if (rows.length >= count) break;
  }
  return rows;
}

const builtInRequired = new Set<string>(['name']);

function toImport(row: ImportRow, sample: string[][], definitions: CustomField[]): Import {
  return {
    id: row.id,
    entity: 'customer',
    status: row.status as Import['status'],
    fileName: row.file_name,
    fileSize: Number(row.file_size),
    format: row.format as Import['format'],
    encoding: row.encoding.split('|')[0] as string,
    headers: JSON.parse(row.headers) as string[],
    mapping: JSON.parse(row.mapping) as Array<string | null>,
    duplicatePolicy: row.duplicate_policy as Import['duplicatePolicy'],
    sample,
    targets: [
      ...Object.keys(importTargets).map((value) => ({
        value,
        label: null,
        required: builtInRequired.has(value),
      })),
      ...definitions
        .filter((field) => !field.archived)
        .map((field) => ({ value: `custom.${field.key}`, label: field.label, required: field.required })),
    ],
    progress: {
      rowsDone: row.rows_done,
      bytesDone: Number(row.bytes_done),
      percent:
        row.status === 'succeeded'
          ? 100
          : row.file_size > 0
            ? Math.min(99, Math.floor((Number(row.bytes_done) / Number(row.file_size)) * 100))
            : 0,
    },
    counts: {
      created: row.created_count,
      updated: row.updated_count,
      skipped: row.skipped_count,
      failed: row.failed_count,
    },
    hasFailedRows: row.failed_count > 0 && row.failed_path !== null,
    error: row.error,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}
