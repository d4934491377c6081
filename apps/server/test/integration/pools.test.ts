import { defaultPoolRules } from '@kehu/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_PASSWORD,
  createCustomer,
  createDepartment,
  createUser,
  login,
  type Org,
  setupOrganization,
  USER_PASSWORD,
} from '../factories';
import { buildTestApp, type TestApp } from '../test-app';

const day = 86_400_000;
type User = Awaited<ReturnType<typeof createUser>>;

describe('public pools (公海)', () => {
  let t: TestApp;
  let org: Org;
  let east: string;
  let west: string;
  let repA: User;
  let repB: User;
  let westRep: User;
  let poolId: string;

  beforeAll(async () => {
    t = await buildTestApp();
    org = await setupOrganization(t.app, 'zh-CN');
    east = await createDepartment(org, '华东');
    west = await createDepartment(org, '华西');
    repA = await createUser(t.app, org, { roleId: org.roles.rep, departmentId: east, name: '代表甲' });
    repB = await createUser(t.app, org, { roleId: org.roles.rep, departmentId: east, name: '代表乙' });
    westRep = await createUser(t.app, org, { roleId: org.roles.rep, departmentId: west, name: '西部代表' });
    const pool = await org.admin.post('/api/v1/pools', {
      name: '华东公海',
      departmentIds: [east],
      adminIds: [],
      rules: {
        ...defaultPoolRules,
        reclaim: { noFollowUpDays: 30, noNewOpportunityDays: null, noDealDays: null },
        byLevel: { A: { noFollowUpDays: 60, noNewOpportunityDays: null, noDealDays: null } },
        warnDaysBefore: 3,
        dailyClaimQuota: 2,
        reclaimCooldownDays: 7,
        ownershipCap: 5,
        lockCap: 1,
      },
    });
    expect(pool.status, JSON.stringify(pool.body)).toBe(201);
    poolId = pool.body.id;
  });
  afterAll(() => t.close());

  it('lets a rep return a customer with a reason, and another rep of the department claim it', async () => {
    const customer = await createCustomer(repA.client, { name: '退回公海的客户', phones: ['13700001111'] });
    const pools = await repA.client.get('/api/v1/pools');
    expect(pools.body.items.map((pool: { name: string }) => pool.name)).toEqual(['华东公海']);
    expect((await westRep.client.get('/api/v1/pools')).body.items).toEqual([]);

    const returned = await repA.client.post('/api/v1/pools/return', {
      customerIds: [customer.id],
      poolId,
      reason: '客户暂无需求',
    });
    expect(returned.body).toEqual({ moved: 1 });
    expect((await repA.client.get(`/api/v1/customers/${customer.id}`)).status).toBe(404);
    expect((await repA.client.get('/api/v1/customers', { q: '退回公海' })).body.items).toEqual([]);
    // Whoever may still open it reads which pool holds it and why.
    expect((await org.admin.get(`/api/v1/customers/${customer.id}`)).body).toMatchObject({
      ownerId: null,
      poolId,
      poolName: '华东公海',
      poolReason: '客户暂无需求',
    });

    const listed = await repB.client.get(`/api/v1/pools/${poolId}/customers`);
    expect(listed.body.items[0]).toMatchObject({
      id: customer.id,
      poolReason: '客户暂无需求',
      previousOwnerName: '代表甲',
      phones: ['137****1111'],
    });
    expect((await org.admin.get(`/api/v1/pools/${poolId}/customers`)).body.items[0].phones).toEqual([
      '+8613700001111',
    ]);
    expect((await westRep.client.get(`/api/v1/pools/${poolId}/customers`)).status).toBe(404);
    // Searching a pool by name: a fragment, any letter case, wildcards taken literally.
    const latin = await createCustomer(repA.client, { name: 'Harbor Logistics 100%' });
    await repA.client.post('/api/v1/pools/return', { customerIds: [latin.id], poolId, reason: '暂无需求' });
    const search = async (q: string) =>
      (await repB.client.get(`/api/v1/pools/${poolId}/customers`, { q })).body.items.map(
        (item: { id: string }) => item.id,
      );
    expect(await search('harbor')).toEqual([latin.id]);
    expect(await search('0%')).toEqual([latin.id]);
    expect(await search('%')).toEqual([latin.id]);
    expect(await search('退回')).toEqual([customer.id]);
    // A duplicate check names the pool that holds it (nobody owns it now).
    const check = await westRep.client.post('/api/v1/customers/duplicate-check', { phones: ['13700001111'] });
    expect(check.body.matches[0]).toMatchObject({ ownerName: null, poolName: '华东公海', visible: false });

    // The previous owner waits out the cooldown; a colleague claims at once.
    const early = await repA.client.post('/api/v1/pools/claim', { customerIds: [customer.id] });
    expect(early.status).toBe(422);
    expect(early.body.error.code).toBe('CLAIM_COOLDOWN');
    expect(early.body.error.message).toContain('退回公海的客户');
    const claimed = await repB.client.post('/api/v1/pools/claim', { customerIds: [customer.id] });
    expect(claimed.body).toEqual({ moved: 1 });
    const mine = await repB.client.get(`/api/v1/customers/${customer.id}`);
    expect(mine.body).toMatchObject({ ownerId: repB.id, departmentId: east, poolId: null });
    const lifecycle = (await repB.client.get(`/api/v1/customers/${customer.id}/lifecycle`)).body.ownerChanges;
    expect(
      lifecycle.map((change: { action: string; reason: string | null }) => [change.action, change.reason]),
    ).toEqual([
      ['claim', null],
      ['return', '客户暂无需求'],
    ]);
  });

  it('holds the daily claim quota and the ownership cap', async () => {
    const ids: string[] = [];
    for (let index = 0; index < 3; index++) {
      const customer = await createCustomer(org.admin, {
        name: `配额客户${index}`,
        phones: [`1370000200${index}`],
      });
      ids.push(customer.id);
    }
    expect(
      (await org.admin.post('/api/v1/pools/return', { customerIds: ids, poolId, reason: '整理' })).status,
    ).toBe(200);
    const fresh = await createUser(t.app, org, { roleId: org.roles.rep, departmentId: east });
    const tooMany = await fresh.client.inLocale('zh-CN').post('/api/v1/pools/claim', { customerIds: ids });
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.error.code).toBe('CLAIM_QUOTA_LEFT');
    expect(tooMany.body.error.message).toBe(
      '今天还能领取 2 个（每天上限 2 个），不能领取 3 个：请少选一些客户。',
    );
    expect((await fresh.client.post('/api/v1/pools/claim', { customerIds: ids.slice(0, 2) })).status).toBe(
      200,
    );
    const third = await fresh.client.post('/api/v1/pools/claim', { customerIds: [ids[2]] });
    expect(third.body.error.code).toBe('CLAIM_QUOTA');
    t.clock.advance(day);
    // Next day the quota is back; the cap (5) counts what they own.
    for (let index = 0; index < 3; index++) await createCustomer(fresh.client, { name: `自有客户${index}` });
    const capped = await fresh.client.post('/api/v1/pools/claim', { customerIds: [ids[2]] });
    expect(capped.status).toBe(422);
    expect(capped.body.error.code).toBe('OWNERSHIP_CAP');
  });

  it('lets a pool administrator assign, and nobody else', async () => {
    const customer = await createCustomer(org.admin, { name: '待分配客户' });
    await org.admin.post('/api/v1/pools/return', { customerIds: [customer.id], poolId, reason: '待分配' });
    const notAdmin = await repB.client.post(`/api/v1/pools/${poolId}/assign`, {
      customerIds: [customer.id],
      toUserId: repA.id,
    });
    expect(notAdmin.status).toBe(403);
    await org.admin.patch(`/api/v1/pools/${poolId}`, { adminIds: [repB.id] });
    const assigned = await repB.client.post(`/api/v1/pools/${poolId}/assign`, {
      customerIds: [customer.id],
      toUserId: repA.id,
      reason: '区域划分',
    });
    expect(assigned.body).toEqual({ moved: 1 });
    expect((await repA.client.get(`/api/v1/customers/${customer.id}`)).body.ownerId).toBe(repA.id);
    const notes = (await repA.client.get('/api/v1/notifications')).body;
    expect(notes.items[0]).toMatchObject({ kind: 'pool.assigned', payload: { count: 1, pool: '华东公海' } });
    expect(notes.unread).toBeGreaterThan(0);
    expect((await repA.client.post('/api/v1/notifications/read', {})).status).toBe(200);
    expect((await repA.client.get('/api/v1/notifications')).body.unread).toBe(0);
  });

  it('reclaims after N days without a follow-up, warns first, spares won and locked customers, and is idempotent', async () => {
    const created = await createUser(t.app, org, {
      roleId: org.roles.rep,
      departmentId: east,
      name: '回收测试代表',
    });
    let rep = created;
    // Weeks pass in this test: sessions expire, so everyone signs in again after each jump.
    const later = async (ms: number) => {
      t.clock.advance(ms);
      org = { ...org, admin: await login(t.app, 'admin@example.com', ADMIN_PASSWORD) };
      rep = { ...created, client: await login(t.app, created.email, USER_PASSWORD) };
      westRep = { ...westRep, client: await login(t.app, westRep.email, USER_PASSWORD) };
      repA = { ...repA, client: await login(t.app, repA.email, USER_PASSWORD) };
    };
    const plain = await createCustomer(rep.client, { name: '将被回收', type: 'potential' });
    const won = await createCustomer(rep.client, { name: '已成交不回收', type: 'deal' });
    const locked = await createCustomer(rep.client, { name: '锁定不回收' });
    const levelA = await createCustomer(rep.client, { name: 'A级六十天', level: 'A' });
    expect((await rep.client.put(`/api/v1/customers/${locked.id}/lock`, { locked: true })).status).toBe(200);
    const second = await createCustomer(rep.client, { name: '第二个锁' });
    const overCap = await rep.client.put(`/api/v1/customers/${second.id}/lock`, { locked: true });
    expect(overCap.status).toBe(422);
    expect(overCap.body.error.code).toBe('LOCK_CAP');
    const westCustomer = await createCustomer(westRep.client, { name: '华西客户不归华东' });

    await later(28 * day);
    const warned = await org.admin.post('/api/v1/pools/reclaim');
    expect(warned.body.reclaimed).toBe(0);
    expect(warned.body.warned).toBeGreaterThanOrEqual(2);
    const warnings = (await rep.client.get('/api/v1/notifications')).body.items.filter(
      (n: { kind: string }) => n.kind === 'pool.reclaimWarning',
    );
    expect(warnings.map((n: { payload: { name: string } }) => n.payload.name).sort()).toEqual(
      ['将被回收', '第二个锁'].sort(),
    );
    expect((await org.admin.post('/api/v1/pools/reclaim')).body).toEqual({ reclaimed: 0, warned: 0 });
    expect(
      (await rep.client.get('/api/v1/notifications')).body.items.filter(
        (n: { kind: string }) => n.kind === 'pool.reclaimWarning',
      ),
    ).toHaveLength(2);

    await later(3 * day);
    const run = await org.admin.post('/api/v1/pools/reclaim');
    expect(run.status).toBe(200);
    const pooled = (await org.admin.get(`/api/v1/pools/${poolId}/customers`, { limit: 200 })).body.items.map(
      (c: { name: string }) => c.name,
    );
    expect(pooled).toEqual(expect.arrayContaining(['将被回收', '第二个锁']));
    expect(pooled).not.toEqual(expect.arrayContaining(['已成交不回收']));
    for (const id of [won.id, locked.id, levelA.id])
      expect((await rep.client.get(`/api/v1/customers/${id}`)).status).toBe(200);
    expect((await westRep.client.get(`/api/v1/customers/${westCustomer.id}`)).status).toBe(200);
    const reclaimedEntry = (await org.admin.get(`/api/v1/customers/${plain.id}/lifecycle`)).body
      .ownerChanges[0];
    expect(reclaimedEntry).toMatchObject({
      action: 'reclaim',
      reason: 'auto:noFollowUpDays:30',
      fromOwnerName: '回收测试代表',
    });
    const again = await org.admin.post('/api/v1/pools/reclaim');
    expect(again.body.reclaimed).toBe(0);
    // The rep did not return it: the cooldown says a rule reclaimed it.
    const back = await rep.client.inLocale('en').post('/api/v1/pools/claim', { customerIds: [plain.id] });
    expect([back.status, back.body.error.code]).toEqual([422, 'CLAIM_COOLDOWN_RECLAIMED']);
    expect(back.body.error.message).toContain('was reclaimed from you');

    // Level A has its own 60 days.
    await later(30 * day);
    await org.admin.post('/api/v1/pools/reclaim');
    expect((await rep.client.get(`/api/v1/customers/${levelA.id}`)).status).toBe(404);
    expect((await repA.client.post('/api/v1/pools/reclaim')).status).toBe(403);
  });

  it('refuses bad pool definitions and deleting a pool that holds customers', async () => {
    const bad = await org.admin.post('/api/v1/pools', {
      name: '',
      rules: { ...defaultPoolRules, dailyClaimQuota: -1 },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields)).toEqual(
      expect.arrayContaining(['name', 'rules.dailyClaimQuota']),
    );
    expect((await repA.client.post('/api/v1/pools', { name: 'X' })).status).toBe(403);
    // Departments and administrators that do not exist: nobody could use the pool.
    const nobody = '00000000-0000-4000-8000-000000000000';
    const ghost = await org.admin.post('/api/v1/pools', {
      name: '幽灵公海',
      departmentIds: [east, nobody],
      adminIds: [nobody],
      rules: defaultPoolRules,
    });
    expect([ghost.status, Object.keys(ghost.body.error.fields)]).toEqual([
      400,
      ['departmentIds.1', 'adminIds.0'],
    ]);
    const ghostEdit = await org.admin.patch(`/api/v1/pools/${poolId}`, { adminIds: [nobody] });
    expect([ghostEdit.status, Object.keys(ghostEdit.body.error.fields)]).toEqual([400, ['adminIds.0']]);
    const full = await org.admin.delete(`/api/v1/pools/${poolId}`);
    expect(full.status).toBe(422);
    expect(full.body.error.code).toBe('POOL_NOT_EMPTY');
  });

  it('keeps ownership and pools apart: only the owner or a manager returns a customer; a new owner takes it out of its pool', async () => {
    // The reclaim test moved the clock past the sessions' lifetime.
    org = { ...org, admin: await login(t.app, 'admin@example.com', ADMIN_PASSWORD) };
    repA = { ...repA, client: await login(t.app, repA.email, USER_PASSWORD) };
    repB = { ...repB, client: await login(t.app, repB.email, USER_PASSWORD) };
    const shared = await createCustomer(repA.client, { name: '协作者不能退回' });
    await repA.client.put(`/api/v1/customers/${shared.id}/members/${repB.id}`, { access: 'write' });
    const byMember = await repB.client.inLocale('zh-CN').post('/api/v1/pools/return', {
      customerIds: [shared.id],
      poolId,
      reason: '想要',
    });
    expect([byMember.status, byMember.body.error.fields]).toEqual([
      400,
      { 'customerIds.0': '只有负责人或主管可以把该客户退回公海。' },
    ]);
    expect((await repA.client.get(`/api/v1/customers/${shared.id}`)).body).toMatchObject({
      ownerId: repA.id,
      poolId: null,
    });

    // An edit or a handover that gives a pooled customer an owner takes it out of the pool.
    const pooled = async (name: string) => {
      const customer = await createCustomer(org.admin, { name });
      await org.admin.post('/api/v1/pools/return', { customerIds: [customer.id], poolId, reason: '待分配' });
      return (await org.admin.get(`/api/v1/customers/${customer.id}`)).body as {
        id: string;
        version: number;
      };
    };
    const edited = await pooled('编辑出公海');
    const patched = await org.admin.patch(`/api/v1/customers/${edited.id}`, {
      version: edited.version,
      ownerId: repA.id,
    });
    expect(patched.body).toMatchObject({ ownerId: repA.id, poolId: null, pooledAt: null });
    const handed = await pooled('移交出公海');
    const transfer = await org.admin.post('/api/v1/customers/transfer', {
      customerIds: [handed.id],
      toUserId: repB.id,
      reason: '指派',
    });
    expect(transfer.status).toBe(200);
    expect((await org.admin.get(`/api/v1/customers/${handed.id}`)).body).toMatchObject({
      ownerId: repB.id,
      poolId: null,
    });
    const inPool = (await org.admin.get(`/api/v1/pools/${poolId}/customers`, { limit: 200 })).body.items.map(
      (item: { id: string }) => item.id,
    );
    expect(inPool).not.toContain(edited.id);
    expect(inPool).not.toContain(handed.id);
    const lifecycle = (await org.admin.get(`/api/v1/customers/${edited.id}/lifecycle`)).body.ownerChanges;
    expect(lifecycle[0]).toMatchObject({ action: 'assign', fromOwnerId: null, toOwnerId: repA.id });
  });
});
