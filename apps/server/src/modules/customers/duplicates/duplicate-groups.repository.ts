import { type Insertable, type Kysely, type Selectable, sql } from 'kysely';
import type { Database, DuplicateGroupsTable, DuplicateScansTable } from '../../../db/schema';
import { newId } from '../../../platform/ids';

export type ScanRow = Selectable<DuplicateScansTable>;
export type GroupRow = Selectable<DuplicateGroupsTable>;

/** Duplicate scans, the groups they found, and the pairs users dismissed. */
export class DuplicateGroupsRepository {
  async insertScan(executor: Kysely<Database>, row: Insertable<DuplicateScansTable>) {
    await executor.insertInto('duplicate_scans').values(row).execute();
  }

  async updateScan(executor: Kysely<Database>, id: string, values: Partial<ScanRow>) {
    await executor.updateTable('duplicate_scans').set(values).where('id', '=', id).execute();
  }

  findScan(executor: Kysely<Database>, id: string) {
    return executor.selectFrom('duplicate_scans').selectAll().where('id', '=', id).executeTakeFirst();
  }

  latestScan(executor: Kysely<Database>) {
    return executor
      .selectFrom('duplicate_scans')
      .selectAll()
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
  }

  /** Live customers in `seq` order, a chunk at a time (the scan reads them all, never at once in SQL). */
  scanChunk(executor: Kysely<Database>, afterSeq: number, limit: number) {
    return executor
      .selectFrom('customers')
      .select(['seq', 'id', 'name', 'name_key', 'address', 'city'])
      .where('deleted_at', 'is', null)
      .where('seq', '>', afterSeq)
      .orderBy('seq')
      .limit(limit)
      .execute();
  }

  /**
   * Phones and emails held by more than one customer (theirs or their live contacts'). Two steps:
   * the values held by several customers, from the (kind, value, customer_id) index alone (~2 s for
   * 3.5M entries at 1M customers), then their holders, looked up by value with the live customers
   * and contacts. One query that joined the grouped values back to every entry took ~10 s.
   */
  async sharedIdentities(executor: Kysely<Database>) {
    const shared = await executor
      .selectFrom('customer_identities')
      .select(['kind', 'value'])
      .groupBy(['kind', 'value'])
      .having(sql<number>`count(distinct customer_id)`, '>', 1)
      .execute();
    const valuesByKind = new Map<'phone' | 'email', string[]>();
    for (const row of shared) {
      const values = valuesByKind.get(row.kind);
      if (values) values.push(row.value);
      else valuesByKind.set(row.kind, [row.value]);
    }
    const groups = new Map<string, { kind: 'phone' | 'email'; ids: string[] }>();
    for (const [kind, values] of valuesByKind) {
      for (let start = 0; start < values.length; start += 500) {
        const holders = await executor
          .selectFrom('customer_identities as i')
          .innerJoin('customers as c', 'c.id', 'i.customer_id')
          .leftJoin('contacts as k', 'k.id', 'i.contact_id')
          .select(['i.value', 'i.customer_id'])
          .where('i.kind', '=', kind)
          .where('i.value', 'in', values.slice(start, start + 500))
          .where('c.deleted_at', 'is', null)
          .where('k.deleted_at', 'is', null)
          .execute();
        for (const row of holders) {
          const key = `${kind}:${row.value}`;
          const group = groups.get(key) ?? { kind, ids: [] };
          if (!group.ids.includes(row.customer_id)) group.ids.push(row.customer_id);
          groups.set(key, group);
        }
      }
    }
    return [...groups.values()].filter((group) => group.ids.length > 1);
  }

  async dismissedPairs(executor: Kysely<Database>): Promise<Set<string>> {
    const rows = await executor
      .selectFrom('duplicate_dismissals')
      .select(['customer_a', 'customer_b'])
      .execute();
    return new Set(rows.map((row) => pairKey(row.customer_a, row.customer_b)));
  }

  /**
   * The scan's groups replace the open groups of earlier scans (merged and dismissed ones stay). A
   * group found again (same members, same reasons) is kept as it is — its id, its place in the list —
   * so a rescan writes only what changed instead of deleting and rewriting every group (at 1M
   * customers, 190 000 groups and 550 000 members: ~20 s of writes).
   */
  async replaceOpenGroups(
    executor: Kysely<Database>,
    scanId: string,
    groups: Array<{ ids: string[]; reasons: unknown }>,
    at: string,
  ) {
    const { bySignature: existing, repeated } = await this.openGroupsBySignature(executor);
    const fresh: Array<{ ids: string[]; reasons: string; id: string }> = [];
    const seen = new Set<string>();
    for (const group of groups) {
      const reasons = JSON.stringify(group.reasons);
      const signature = signatureOf(group.ids, reasons);
      if (seen.has(signature)) continue;
      seen.add(signature);
      if (existing.has(signature)) existing.delete(signature);
      else fresh.push({ ids: group.ids, reasons, id: newId() });
    }
    const stale = [...existing.values(), ...repeated];
    for (let start = 0; start < stale.length; start += 500) {
      const part = stale.slice(start, start + 500);
      await executor.deleteFrom('duplicate_group_members').where('group_id', 'in', part).execute();
      await executor.deleteFrom('duplicate_groups').where('id', 'in', part).execute();
    }
    for (let start = 0; start < fresh.length; start += 200) {
      const part = fresh.slice(start, start + 200);
      await executor
        .insertInto('duplicate_groups')
        .values(
          part.map((group) => ({
            id: group.id,
            scan_id: scanId,
            status: 'open',
            reasons: group.reasons,
            size: group.ids.length,
            created_at: at,
            resolved_at: null,
            resolved_by: null,
          })),
        )
        .execute();
      // SQLite binds at most 32 766 values a statement: members go in slices.
      const members = part.flatMap((group) =>
        group.ids.map((customerId) => ({ group_id: group.id, customer_id: customerId })),
      );
      for (let offset = 0; offset < members.length; offset += 5000) {
        await executor
          .insertInto('duplicate_group_members')
          .values(members.slice(offset, offset + 5000))
          .execute();
      }
    }
    return { kept: seen.size - fresh.length, added: fresh.length, removed: stale.length };
  }

  /**
   * Open groups by what they hold (`signatureOf`), read in id order a page at a time; `repeated`
   * are the ids of groups that hold the same as an earlier one.
   */
  private async openGroupsBySignature(executor: Kysely<Database>) {
    const bySignature = new Map<string, string>();
    const repeated: string[] = [];
    const put = (group: { id: string; reasons: string; ids: string[] }) => {
      const signature = signatureOf(group.ids, group.reasons);
      if (bySignature.has(signature)) repeated.push(group.id);
      else bySignature.set(signature, group.id);
    };
    let afterId: string | undefined;
    for (;;) {
      let query = executor
        .selectFrom('duplicate_groups as g')
        .innerJoin('duplicate_group_members as m', 'm.group_id', 'g.id')
        .select(['g.id', 'g.reasons', 'm.customer_id'])
        .where('g.status', '=', 'open')
        .orderBy('g.id')
        .limit(20_000);
      if (afterId) query = query.where('g.id', '>', afterId);
      const rows = await query.execute();
      if (rows.length === 0) return { bySignature, repeated };
      // A page ends on a whole group: the last group's rows are read again with the next page.
      const lastId = rows.length === 20_000 ? rows.at(-1)?.id : undefined;
      let current: { id: string; reasons: string; ids: string[] } | undefined;
      for (const row of rows) {
        if (row.id === lastId) break;
        if (current?.id !== row.id) {
          if (current) put(current);
          current = { id: row.id, reasons: row.reasons, ids: [] };
        }
        current.ids.push(row.customer_id);
      }
      if (current) put(current);
      if (!lastId) return { bySignature, repeated };
      // The page was one group only (a group larger than a page is impossible: ≤ 500 members).
      afterId = rows.findLast((row) => row.id !== lastId)?.id ?? lastId;
    }
  }

  /** Open groups, largest first, a keyset page after (size, id) — read through (status, size, id). */
  listOpen(executor: Kysely<Database>, after: { size: number; id: string } | undefined, limit: number) {
    let query = executor
      .selectFrom('duplicate_groups')
      .selectAll()
      .where('status', '=', 'open')
      .orderBy('size', 'desc')
      .orderBy('id')
      .limit(limit);
    if (after) {
      query = query.where((eb) =>
        eb.or([eb('size', '<', after.size), eb.and([eb('size', '=', after.size), eb('id', '>', after.id)])]),
      );
    }
    return query.execute();
  }

  async membersOf(executor: Kysely<Database>, groupIds: string[]) {
    if (groupIds.length === 0) return new Map<string, string[]>();
    const rows = await executor
      .selectFrom('duplicate_group_members')
      .select(['group_id', 'customer_id'])
      .where('group_id', 'in', groupIds)
      .execute();
    const map = new Map<string, string[]>();
    for (const row of rows) {
      const members = map.get(row.group_id);
      if (members) members.push(row.customer_id);
      else map.set(row.group_id, [row.customer_id]);
    }
    return map;
  }

  findGroup(executor: Kysely<Database>, id: string) {
    return executor.selectFrom('duplicate_groups').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async resolveGroup(
    executor: Kysely<Database>,
    id: string,
    status: 'merged' | 'dismissed',
    at: string,
    by: string,
  ) {
    await executor
      .updateTable('duplicate_groups')
      .set({ status, resolved_at: at, resolved_by: by })
      .where('id', '=', id)
      .execute();
  }

  /** Open groups that hold any of these customers (a merge resolves them). */
  async openGroupsWith(executor: Kysely<Database>, customerIds: string[]) {
    return executor
      .selectFrom('duplicate_groups as g')
      .innerJoin('duplicate_group_members as m', 'm.group_id', 'g.id')
      .select('g.id')
      .distinct()
      .where('g.status', '=', 'open')
      .where('m.customer_id', 'in', customerIds)
      .execute();
  }

  async dismiss(executor: Kysely<Database>, ids: string[], by: string, at: string) {
    const pairs: Array<[string, string]> = [];
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) pairs.push(orderPair(ids[i] as string, ids[j] as string));
    }
    if (pairs.length === 0) return;
    await executor
      .insertInto('duplicate_dismissals')
      .values(pairs.map(([a, b]) => ({ customer_a: a, customer_b: b, dismissed_by: by, dismissed_at: at })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

const orderPair = (a: string, b: string): [string, string] => (a < b ? [a, b] : [b, a]);
export const pairKey = (a: string, b: string) => orderPair(a, b).join('|');

/** What a group holds, whatever the order its members were found in. */
const signatureOf = (ids: readonly string[], reasons: string) => `${[...ids].sort().join(',')}|${reasons}`;
