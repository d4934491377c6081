import type { CustomerLevel, ReclaimRule, ReclaimRun } from '@kehu/contracts';
import { dateIn } from '@kehu/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import type { Notice, Notifier } from '../../../platform/notifications/notifier';
import { type Actor, assertCan } from '../../../platform/permissions/actor';
import type { DepartmentsService } from '../../departments/departments.service';
import type { OrganizationService } from '../../organization/organization.service';
import { type PoolDefinition, poolForDepartment } from './pool-access';
import type { PoolMovesService } from './pool-moves.service';
import type { PoolsService } from './pools.service';

export const RECLAIM_JOB = 'pools.reclaim';

/** The reclaim runs daily at 02:00 where the organisation works, when nobody is working. */
export const RECLAIM_HOUR = 2;
const dayMs = 86_400_000;
const batch = 500;
const ruleKeys = ['noFollowUpDays', 'noNewOpportunityDays', 'noDealDays'] as const;
const lastEvent = {
  noFollowUpDays: 'last_follow_up_at',
  noNewOpportunityDays: 'last_opportunity_at',
  noDealDays: 'last_deal_at',
} as const;

type Candidate = Awaited<ReturnType<PoolsService['repository']['reclaimCandidates']>>[number];

/**
 * The reclaim: owned customers whose owner let a rule's time run out go back to their
 * department's pool, and owners are warned first. Counting starts when the owner got the customer
 * (or at its last follow-up / opportunity / deal, whichever is later). Idempotent: a second run the
 * same day finds nothing more to move, and a warning is sent once per customer and deadline.
 */
export class PoolReclaimService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => Date,
    private readonly pools: PoolsService,
    private readonly moves: PoolMovesService,
    private readonly departments: DepartmentsService,
    private readonly notifier: Notifier,
    private readonly organization: Pick<OrganizationService, 'timeZone'>,
  ) {}

  /** On demand, for users who manage pools. */
  async runNow(actor: Actor): Promise<ReclaimRun> {
    assertCan(actor, 'pools', 'manage');
    return this.run();
  }

  async run(): Promise<ReclaimRun> {
    const pools = await this.pools.definitions();
    const paths = await this.departments.pathsOf(this.db);
    const totals = { reclaimed: 0, warned: 0 };
    for (const pool of pools) {
      const ids = [...paths.entries()]
        .filter(([, path]) => poolForDepartment(pools, path)?.id === pool.id)
        .map(([id]) => id);
      const departments = { ids, includeNone: pool.departmentIds.length === 0 };
      const overridden = Object.keys(pool.rules.byLevel) as CustomerLevel[];
      for (const level of overridden) {
        const rule = pool.rules.byLevel[level];
        if (rule) await this.apply(pool, rule, departments, { only: level }, totals);
      }
      await this.apply(pool, pool.rules.reclaim, departments, { except: overridden }, totals);
    }
    return totals;
  }

  private async apply(
    pool: PoolDefinition,
    rule: ReclaimRule,
    departments: { ids: string[]; includeNone: boolean },
    level: { only?: string; except?: string[] },
    totals: ReclaimRun,
  ) {
    const active = ruleKeys.filter((key) => rule[key] !== null);
    if (active.length === 0) return;
    const now = this.now();
    // The reclaim date a warning names is a date where the organisation works.
    const timeZone = await this.organization.timeZone();
    const shortest = Math.min(...active.map((key) => rule[key] as number));
    const warnDays = pool.rules.warnDaysBefore ?? 0;
    const before = new Date(now.getTime() - Math.max(0, shortest - warnDays) * dayMs).toISOString();
    let afterId: string | undefined;
    for (;;) {
      const rows = await this.pools.repository.reclaimCandidates(
        this.db,
        departments,
        { exemptWon: pool.rules.exemptWon, exemptLocked: pool.rules.exemptLocked, before, level },
        afterId,
        batch,
      );
      if (rows.length === 0) return;
      afterId = rows.at(-1)?.id;
      await this.db.transaction().execute(async (trx) => {
        const notices: Notice[] = [];
        const warnedIds: string[] = [];
        // Moved together per reason (at most one per rule): a few statements for the whole batch.
        const reclaimed = new Map<string, Candidate[]>();
        const at = now.toISOString();
        for (const row of rows) {
          const due = deadlineOf(row, rule, active);
          if (!due || !row.owner_id) continue;
          if (due.at <= now) {
            const reason = `auto:${due.rule}:${rule[due.rule]}`;
            reclaimed.set(reason, [...(reclaimed.get(reason) ?? []), row]);
            totals.reclaimed += 1;
            notices.push({
              userId: row.owner_id,
              kind: 'pool.reclaimed',
              payload: { name: row.name, pool: pool.name, rule: due.rule, days: rule[due.rule] },
              dedupeKey: `reclaimed:${row.id}:${at.slice(0, 10)}`,
            });
          } else if (warnDays > 0 && due.at.getTime() - warnDays * dayMs <= now.getTime()) {
            // Once per deadline: a second run the same day (or the next) warns nobody again.
            const warnFrom = due.at.getTime() - warnDays * dayMs;
            if (row.reclaim_warned_at && Date.parse(row.reclaim_warned_at) >= warnFrom) continue;
            totals.warned += 1;
            warnedIds.push(row.id);
            notices.push({
              userId: row.owner_id,
              kind: 'pool.reclaimWarning',
              payload: {
                name: row.name,
                pool: pool.name,
                rule: due.rule,
                days: rule[due.rule],
                on: dateIn(timeZone, due.at),
              },
              link: `/customers/${row.id}`,
              dedupeKey: `reclaim-warning:${row.id}:${due.at.toISOString().slice(0, 10)}`,
            });
          }
        }
        for (const [reason, moving] of reclaimed) {
          await this.moves.toPoolMany(trx, moving, pool, 'reclaim', reason, null, at);
        }
        await this.notifier.notify(trx, notices);
        await this.pools.repository.markReclaimWarned(trx, warnedIds, at);
      });
    }
  }
}

/** The earliest moment a rule reclaims the customer, and which rule. */
function deadlineOf(row: Candidate, rule: ReclaimRule, active: ReadonlyArray<(typeof ruleKeys)[number]>) {
  const owned = Date.parse(row.owner_since ?? row.created_at);
  let best: { at: Date; rule: (typeof ruleKeys)[number] } | undefined;
  for (const key of active) {
    const event = row[lastEvent[key]];
    const start = Math.max(owned, event ? Date.parse(event) : 0);
    const at = new Date(start + (rule[key] as number) * dayMs);
    if (!best || at < best.at) best = { at, rule: key };
  }
  return best;
}
