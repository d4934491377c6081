import type { DuplicateGroup, DuplicateMatchKind, DuplicateScan } from '@kehu/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { notFound, ruleViolation } from '../../platform/errors/app-error';
import { newId } from '../../platform/ids';
import { failureOf } from '../../platform/jobs/job-failure';
import type { JobContext, JobRunner } from '../../platform/jobs/job-runner';
import { pacedYield } from '../../platform/jobs/yield';
import { companyNameKey } from '../../platform/normalize/company-name.normalize';
import { decodeCursor, encodeCursor, invalidCursor } from '../../platform/pagination/cursor';
import { type Actor, assertCan } from '../../platform/permissions/actor';
import type { DepartmentsService } from '../departments/departments.service';
import type { SettingsService } from '../settings/settings.service';
import type { UsersService } from '../users/users.service';
import type { CustomersRepository } from './customers.repository';
import { addressKey, groupDuplicatesPaced, type ScanRecord } from './duplicates/duplicate-grouping';
import { DuplicateGroupsRepository, pairKey, type ScanRow } from './duplicates/duplicate-groups.repository';

export const DUPLICATE_SCAN_JOB = 'customers.duplicate-scan';
const chunk = 10_000;

/** The duplicate scan across all customers, and the groups it found (listed, dismissed). */
export class CustomerDuplicatesService {
  private readonly groups = new DuplicateGroupsRepository();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => Date,
    private readonly jobs: JobRunner,
    private readonly customers: CustomersRepository,
    private readonly settings: SettingsService,
    private readonly users: UsersService,
    private readonly departments: DepartmentsService,
  ) {
    jobs.register(DUPLICATE_SCAN_JOB, (payload, context) => this.run(payload as { scanId: string }, context));
  }

  /** Merging deletes customers: scanning, listing and resolving groups need the delete permission. */
  private assertMayResolve(actor: Actor) {
    assertCan(actor, 'customers', 'delete');
  }

  async startScan(actor: Actor): Promise<DuplicateScan> {
    this.assertMayResolve(actor);
    const latest = await this.groups.latestScan(this.db);
    if (latest && (latest.status === 'queued' || latest.status === 'running')) return toScan(latest);
    const id = newId();
    await this.db.transaction().execute(async (trx) => {
      const jobId = await this.jobs.enqueue(trx, DUPLICATE_SCAN_JOB, { scanId: id }, { createdBy: actor.id });
      await this.groups.insertScan(trx, {
        id,
        status: 'queued',
        customers_scanned: 0,
        groups_found: 0,
        error: null,
        job_id: jobId,
        created_by: actor.id,
        created_at: this.now().toISOString(),
        finished_at: null,
      });
    });
    return toScan((await this.groups.findScan(this.db, id)) as ScanRow);
  }

  async latestScan(actor: Actor): Promise<DuplicateScan | null> {
    this.assertMayResolve(actor);
    const row = await this.groups.latestScan(this.db);
    return row ? toScan(row) : null;
  }

  /** Open groups, largest first, with the members the actor may see (two or more). */
  async listGroups(actor: Actor, page: { limit: number; cursor?: string }) {
    this.assertMayResolve(actor);
    const items: DuplicateGroup[] = [];
    let cursor = page.cursor ? afterOf(page.cursor) : undefined;
    let exhausted = false;
    // Groups the actor sees fewer than two members of are skipped; keep reading until the page is full.
    while (items.length < page.limit && !exhausted) {
      const rows = await this.groups.listOpen(this.db, cursor, page.limit * 2);
      exhausted = rows.length < page.limit * 2;
      const members = await this.groups.membersOf(
        this.db,
        rows.map((row) => row.id),
      );
      const visible = new Set(
        (await this.customers.findManyVisible(this.db, actor, [...members.values()].flat())).map(
          (row) => row.id,
        ),
      );
      const ids = [...new Set([...members.values()].flat().filter((id) => visible.has(id)))];
      const details = new Map((await this.customers.findManyByIds(this.db, ids)).map((row) => [row.id, row]));
      const [userNames, departmentNames] = await Promise.all([
        this.users.namesOf(
          this.db,
          [...details.values()].map((row) => row.owner_id),
        ),
        this.departments.namesOf(
          this.db,
          [...details.values()].map((row) => row.department_id),
        ),
      ]);
      for (const row of rows) {
        cursor = { size: row.size, id: row.id };
        const shown = (members.get(row.id) ?? [])
          .map((id) => details.get(id))
          .filter((c) => c && !c.deleted_at);
        if (shown.length < 2) continue;
        const reasons = JSON.parse(row.reasons) as {
          matchedOn: DuplicateMatchKind[];
          similarity: number | null;
        };
        items.push({
          id: row.id,
          matchedOn: reasons.matchedOn,
          similarity: reasons.similarity,
          members: shown.map((customer) => {
            const c = customer as NonNullable<typeof customer>;
            return {
              id: c.id,
              name: c.name,
              type: c.type,
              ownerName: c.owner_id ? (userNames.get(c.owner_id) ?? null) : null,
              departmentName: c.department_id ? (departmentNames.get(c.department_id) ?? null) : null,
              phones: JSON.parse(c.phones) as string[],
              email: c.email,
              province: c.province,
              city: c.city,
              createdAt: c.created_at,
              updatedAt: c.updated_at,
              version: c.version,
            };
          }),
        });
        if (items.length >= page.limit) break;
      }
    }
    const more =
      items.length >= page.limit && cursor
        ? (await this.groups.listOpen(this.db, cursor, 1)).length > 0
        : false;
    return { items, nextCursor: more && cursor ? encodeCursor([cursor.size, cursor.id]) : null };
  }

  /** "These are different customers": the group closes and later scans do not propose its pairs. */
  async dismiss(actor: Actor, groupId: string): Promise<void> {
    this.assertMayResolve(actor);
    await this.db.transaction().execute(async (trx) => {
      const group = await this.groups.findGroup(trx, groupId);
      if (!group) throw notFound('DUPLICATE_GROUP_NOT_FOUND');
      if (group.status !== 'open') throw ruleViolation('DUPLICATE_GROUP_RESOLVED');
      const members = (await this.groups.membersOf(trx, [groupId])).get(groupId) ?? [];
      const visible = await this.customers.findManyVisible(trx, actor, members);
      if (visible.length < 2) throw notFound('DUPLICATE_GROUP_NOT_FOUND');
      const at = this.now().toISOString();
      // Only the pairs the user judged: members they cannot see stay open to a later scan.
      await this.groups.dismiss(
        trx,
        visible.map((row) => row.id),
        actor.id,
        at,
      );
      await this.groups.resolveGroup(trx, groupId, 'dismissed', at, actor.id);
    });
  }

  /**
   * For merges: an open group that held merged customers is resolved once at most one of its
   * members is left (a big group merged in parts stays open for the rest).
   */
  async resolveGroupsOf(executor: Kysely<Database>, customerIds: string[], actorId: string, at: string) {
    const groups = await this.groups.openGroupsWith(executor, customerIds);
    const members = await this.groups.membersOf(
      executor,
      groups.map((group) => group.id),
    );
    const live = new Set(
      (await this.customers.findManyByIds(executor, [...new Set([...members.values()].flat())]))
        .filter((row) => !row.deleted_at)
        .map((row) => row.id),
    );
    for (const group of groups) {
      const left = (members.get(group.id) ?? []).filter((id) => live.has(id));
      if (left.length <= 1) await this.groups.resolveGroup(executor, group.id, 'merged', at, actorId);
    }
  }

  private async run({ scanId }: { scanId: string }, context: JobContext) {
    try {
      await this.groups.updateScan(this.db, scanId, { status: 'running' });
      const { found, scanned } = await this.findGroups(scanId, context);
      const at = this.now().toISOString();
      await this.db.transaction().execute((trx) =>
        this.groups.replaceOpenGroups(
          trx,
          scanId,
          found.map((group) => ({
            ids: group.ids,
            reasons: { matchedOn: group.matchedOn, similarity: group.similarity },
          })),
          at,
        ),
      );
      await this.groups.updateScan(this.db, scanId, {
        status: 'succeeded',
        groups_found: found.length,
        customers_scanned: scanned,
        finished_at: this.now().toISOString(),
      });
    } catch (error) {
      await this.groups.updateScan(this.db, scanId, failureOf(error, this.now()));
      throw error;
    }
  }

  /**
   * Every customer's name key and place, the shared identities, and the groups they make. A method
   * of its own so that the million records are garbage before the groups are stored.
   */
  private async findGroups(scanId: string, context: JobContext) {
    const records: ScanRecord[] = [];
    let afterSeq = 0;
    for (;;) {
      const rows = await this.groups.scanChunk(this.db, afterSeq, chunk);
      if (rows.length === 0) break;
      for (const row of rows) {
        records.push({
          id: row.id,
          key: row.name_key ?? companyNameKey(row.name),
          address: addressKey(row.address),
          city: row.city ?? '',
        });
      }
      afterSeq = Number(rows.at(-1)?.seq);
      await this.groups.updateScan(this.db, scanId, { customers_scanned: records.length });
      await context.heartbeat();
    }
    const [identityGroups, dismissed, settings] = await Promise.all([
      this.groups.sharedIdentities(this.db),
      this.groups.dismissedPairs(this.db),
      this.settings.dataQuality(this.db),
    ]);
    const found = await groupDuplicatesPaced(
      records,
      identityGroups,
      settings.nameSimilarityThreshold,
      (a, b) => dismissed.has(pairKey(a, b)),
      pacedYield(),
    );
    return { found, scanned: records.length };
  }
}

/** A page's cursor: the (size, id) of its last group. */
const afterOf = (cursor: string): { size: number; id: string } => {
  const [size, id] = decodeCursor(cursor, 2);
  if (typeof size !== 'number' || typeof id !== 'string') {
    throw invalidCursor();
  }
  return { size, id };
};

const toScan = (row: ScanRow): DuplicateScan => ({
  id: row.id,
  status: row.status as DuplicateScan['status'],
  customersScanned: row.customers_scanned,
  groupsFound: row.groups_found,
  error: row.error,
  createdAt: row.created_at,
  finishedAt: row.finished_at,
});
