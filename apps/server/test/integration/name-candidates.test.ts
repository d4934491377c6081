import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NameCandidatesRepository } from '../../src/modules/customers/duplicates/name-candidates.repository';
import { newId } from '../../src/platform/ids';
import { companyNameKey } from '../../src/platform/normalize/company-name.normalize';
import { buildTestApp, type TestApp, testDialect } from '../test-app';

/**
 * The entry-time name lookup on SQLite reads the rarest bigrams of a name. These tests hold its two
 * bounds: a common bigram (more rows than one gram may give) adds no arbitrary candidates when the
 * name has a rare one, and the lookup stops adding grams once it has enough candidates.
 */

/** Characters used once each across every seeded name, so that no filler bigram repeats. */
let nextFiller = 0x5000;
const filler = () => String.fromCodePoint(nextFiller++);

describe.runIf(testDialect === 'sqlite')('entry-time name candidates (SQLite)', () => {
  let t: TestApp;
  const repository = new NameCandidatesRepository('sqlite');

  const seed = async (names: string[]) => {
    const at = new Date().toISOString();
    const rows = names.map((name) => ({
      id: newId(),
      kind: 'company',
      name,
      name_key: companyNameKey(name),
      type: 'intent',
      level: null,
      industry: null,
      source: null,
      province: null,
      city: null,
      district: null,
      address: null,
      phones: '[]',
      email: null,
      website: null,
      notes: null,
      owner_id: null,
      department_id: null,
      last_follow_up_at: null,
      custom: '{}',
      type_changed_at: null,
      pool_id: null,
      pooled_at: null,
      pool_reason: null,
      previous_owner_id: null,
      owner_since: null,
      locked: null,
      last_opportunity_at: null,
      last_deal_at: null,
      reclaim_warned_at: null,
      version: 1,
      created_at: at,
      created_by: null,
      updated_at: at,
      updated_by: null,
      deleted_at: null,
      deleted_by: null,
    }));
    await t.database.db
      .transaction()
      .execute((trx) => t.services.customers.repository.insertMany(trx, rows, new Map()));
    return new Map(rows.map((row) => [row.id, row.name]));
  };

  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it('a common bigram adds no candidates when the name has a rare one', async () => {
    // 科技 in 600 names (more than one gram may contribute), 甲乙 in three.
    const common = await seed(Array.from({ length: 600 }, () => `${filler()}${filler()}科技`));
    const rare = await seed(['甲乙丙', '甲乙丁', '戊甲乙'].map((name) => `${name}${filler()}`));
    const found = await repository.find(t.database.db, companyNameKey('甲乙科技'), undefined);
    const ids = found.map((row) => row.id);
    expect(ids).toEqual(expect.arrayContaining([...rare.keys()]));
    expect(ids.filter((id) => common.has(id))).toEqual([]);
    // A name of common grams only still gets candidates from them.
    const onlyCommon = await repository.find(t.database.db, companyNameKey('科技'), undefined);
    expect(onlyCommon.filter((row) => common.has(row.id)).length).toBeGreaterThan(0);
  });

  it('stops adding rare grams once it has enough candidates', async () => {
    // Four rare bigrams of the looked-up name, each held by 450 different names.
    const grams = ['子丑', '寅卯', '辰巳', '午未'];
    const holders = new Map<string, Set<string>>();
    for (const gram of grams) {
      const seeded = await seed(Array.from({ length: 450 }, () => `${gram}${filler()}${filler()}`));
      holders.set(gram, new Set(seeded.keys()));
    }
    const found = await repository.find(t.database.db, companyNameKey(grams.join('')), undefined);
    const ids = new Set(found.map((row) => row.id));
    // Whole grams are taken, rarest first, until the candidates are enough: not all 1 800.
    const complete = grams.filter((gram) => [...(holders.get(gram) ?? [])].every((id) => ids.has(id)));
    expect(complete.length).toBeGreaterThanOrEqual(2);
    expect(complete.length).toBeLessThan(grams.length);
    expect(ids.size).toBe(complete.length * 450);
  });
});
