import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomer, createDepartment, createUser, type Org, setupOrganization } from '../factories';
import { buildTestApp, type TestApp } from '../test-app';

describe('duplicate scan and merge', () => {
  let t: TestApp;
  let org: Org;

  beforeAll(async () => {
    t = await buildTestApp();
    org = await setupOrganization(t.app);
  });
  afterAll(() => t.close());

  const scan = async () => {
    const started = await org.admin.post('/api/v1/customers/duplicate-scans');
    expect(started.status).toBe(200);
    await t.services.jobs.drain();
    const latest = (await org.admin.get('/api/v1/customers/duplicate-scans/latest')).body.scan;
    expect(latest.status).toBe('succeeded');
    return latest;
  };
  const groupIds = async () =>
    (await org.admin.get('/api/v1/customers/duplicate-groups', { limit: 100 })).body.items.map(
      (group: { members: Array<{ name: string }> }) => group.members.map((member) => member.name).sort(),
    );

  it('groups customers sharing a phone or email, the same name key, or a name with a typo', async () => {
    const ack = { acknowledgeDuplicates: true };
    // A near name (网路 for 网络) counts only with the same address, or the same city when neither has one.
    const inHangzhou = { province: '浙江省', city: '杭州市' };
    await createCustomer(org.admin, {
      name: '杭州云帆网络科技有限公司',
      phones: ['13500000001'],
      ...inHangzhou,
    });
    await createCustomer(org.admin, { name: '杭州云帆网络科技股份有限公司', ...ack });
    await createCustomer(org.admin, { name: '杭州云帆网路科技有限公司', ...inHangzhou, ...ack });
    await createCustomer(org.admin, {
      name: '杭州云帆网纹科技有限公司',
      city: '宁波市',
      province: '浙江省',
      address: '别处 1 号',
      ...ack,
    });
    await createCustomer(org.admin, { name: 'Blue Ocean Trading Co., Ltd.', email: 'hi@blueocean.com' });
    await createCustomer(org.admin, { name: '蓝海贸易', ...ack });
    const contactHolder = await createCustomer(org.admin, { name: '完全不同的名字' });
    await org.admin.post('/api/v1/contacts', {
      customerId: contactHolder.id,
      name: '联系人',
      email: 'HI@blueocean.com',
    });
    await createCustomer(org.admin, { name: '第一分店' });
    await createCustomer(org.admin, { name: '第二分店' });
    await createCustomer(org.admin, { name: '毫不相干的公司' });

    const result = await scan();
    expect(result.customersScanned).toBe(10);
    const groups = await groupIds();
    expect(groups).toEqual(
      expect.arrayContaining([
        ['杭州云帆网络科技有限公司', '杭州云帆网络科技股份有限公司', '杭州云帆网路科技有限公司'].sort(),
        ['Blue Ocean Trading Co., Ltd.', '完全不同的名字'].sort(),
      ]),
    );
    expect(groups).toHaveLength(2);
    const page = (await org.admin.get('/api/v1/customers/duplicate-groups')).body.items;
    const hangzhou = page.find((group: { members: unknown[] }) => group.members.length === 3);
    expect(hangzhou.matchedOn).toContain('name');
    const ocean = page.find((group: { members: unknown[] }) => group.members.length === 2);
    expect(ocean.matchedOn).toEqual(['email']);
  });

  it('a rescan keeps the groups it finds again, and replaces those that changed', async () => {
    const groupsNow = async () =>
      (await org.admin.get('/api/v1/customers/duplicate-groups', { limit: 100 })).body.items as Array<{
        id: string;
        members: Array<{ name: string }>;
      }>;
    const before = await groupsNow();
    await scan();
    const again = await groupsNow();
    // Found again: the same groups, with the same ids (a reviewer's list does not reshuffle).
    expect(again.map((group) => group.id).sort()).toEqual(before.map((group) => group.id).sort());

    // A third holder of the Blue Ocean email changes that group: it is replaced, the other stays.
    const ocean = before.find((group) => group.members.some((member) => member.name === '完全不同的名字'));
    const holder = await createCustomer(org.admin, { name: '第四个持有人' });
    const contact = await org.admin.post('/api/v1/contacts', {
      customerId: holder.id,
      name: '另一位联系人',
      email: 'hi@blueocean.com',
    });
    expect(contact.status).toBe(201);
    await scan();
    const after = await groupsNow();
    expect(after.map((group) => group.id)).not.toContain(ocean?.id);
    const replaced = after.find((group) => group.members.some((member) => member.name === '第四个持有人'));
    expect(replaced?.members.map((member) => member.name).sort()).toEqual(
      ['Blue Ocean Trading Co., Ltd.', '完全不同的名字', '第四个持有人'].sort(),
    );
    const kept = before.filter((group) => group.id !== ocean?.id).map((group) => group.id);
    expect(after.map((group) => group.id)).toEqual(expect.arrayContaining(kept));
    expect(after).toHaveLength(before.length);
    // A deleted contact's email, and a deleted customer, tie nobody.
    const oceanNames = async () =>
      (await groupsNow())
        .find((group) => group.members.some((member) => member.name === '完全不同的名字'))
        ?.members.map((member) => member.name)
        .sort();
    expect((await org.admin.delete(`/api/v1/contacts/${contact.body.id}`)).status).toBe(200);
    await scan();
    expect(await oceanNames()).toEqual(['Blue Ocean Trading Co., Ltd.', '完全不同的名字'].sort());
    await org.admin.post('/api/v1/contacts', {
      customerId: holder.id,
      name: '又一位',
      email: 'hi@blueocean.com',
    });
    await org.admin.delete(`/api/v1/customers/${holder.id}`);
    await scan();
    expect(await oceanNames()).toEqual(['Blue Ocean Trading Co., Ltd.', '完全不同的名字'].sort());
  });

  it('pages through the groups largest first, each group once', async () => {
    // More groups of mixed sizes: 2 to 5 customers of one name with different legal forms.
    const names = ['北极星物流', '金色麦田餐饮', '青山绿水旅游', '红枫叶教育', '白云山制药', '海蓝之谜传媒'];
    const suffixes = ['', '有限公司', '股份有限公司', '集团', '集团有限公司'];
    for (const [index, size] of [2, 5, 3, 2, 4, 3].entries()) {
      for (const suffix of suffixes.slice(0, size)) {
        await createCustomer(org.admin, { name: `${names[index]}${suffix}`, acknowledgeDuplicates: true });
      }
    }
    await scan();
    const all = (await org.admin.get('/api/v1/customers/duplicate-groups', { limit: 100 })).body
      .items as Array<{
      id: string;
      members: unknown[];
    }>;
    const sizes = all.map((group) => group.members.length);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    const paged: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await org.admin.get('/api/v1/customers/duplicate-groups', {
        limit: 2,
        ...(cursor ? { cursor } : {}),
      });
      expect(page.status).toBe(200);
      paged.push(...page.body.items.map((group: { id: string }) => group.id));
      cursor = page.body.nextCursor ?? undefined;
    } while (cursor);
    expect(paged).toEqual(all.map((group) => group.id));
    const bad = await org.admin.get('/api/v1/customers/duplicate-groups', { cursor: 'not-a-cursor' });
    expect(bad.status).toBe(400);
  });

  it('merges with the chosen value per field, moving contacts and combining phones and tags', async () => {
    const rep = await createUser(t.app, org, { roleId: org.roles.rep, name: 'Merge Rep' });
    const survivor = await createCustomer(org.admin, {
      name: '合并测试有限公司',
      phones: ['13600000001'],
      tags: ['老客户'],
      industry: null,
      type: 'intent',
    });
    const other = await createCustomer(org.admin, {
      name: '合并测试股份有限公司',
      phones: ['13600000002'],
      tags: ['展会'],
      industry: '制造',
      type: 'deal',
      address: '中山路 1 号',
      ownerId: rep.id,
      acknowledgeDuplicates: true,
    });
    const contact = await org.admin.post('/api/v1/contacts', {
      customerId: other.id,
      name: '跟过来的联系人',
      mobile: '13600000003',
      isPrimary: true,
    });
    const member = await createUser(t.app, org, { roleId: org.roles.rep, name: 'Member' });
    await org.admin.put(`/api/v1/customers/${other.id}/members/${member.id}`, { access: 'read' });

    const merged = await org.admin.post('/api/v1/customers/merge', {
      survivorId: survivor.id,
      mergedIds: [other.id],
      values: { type: other.id, name: survivor.id },
    });
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);
    expect(merged.body).toMatchObject({
      id: survivor.id,
      name: '合并测试有限公司',
      type: 'deal',
      industry: '制造',
      address: '中山路 1 号',
      phones: ['+8613600000001', '+8613600000002'],
      tags: ['展会', '老客户'],
      ownerId: org.adminId,
    });
    const contacts = (await org.admin.get('/api/v1/contacts', { customerId: survivor.id })).body.items;
    expect(contacts.map((c: { id: string }) => c.id)).toEqual([contact.body.id]);
    const members = (await org.admin.get(`/api/v1/customers/${survivor.id}/members`)).body.items;
    expect(members.map((m: { userName: string }) => m.userName)).toEqual(['Member']);

    // The merged one is in the recycle bin, marked, and cannot come back.
    expect((await org.admin.get(`/api/v1/customers/${other.id}`)).body.deletedAt).not.toBeNull();
    const restore = await org.admin.post(`/api/v1/customers/${other.id}/restore`);
    expect(restore.status).toBe(422);
    expect(restore.body.error.code).toBe('CUSTOMER_MERGED');
    // Duplicate checks now find the contact's phone on the survivor.
    const check = await org.admin.post('/api/v1/customers/duplicate-check', { phones: ['13600000003'] });
    expect(check.body.matches.map((m: { customerId: string }) => m.customerId)).toEqual([survivor.id]);
    // History on both sides.
    const history = (await org.admin.get(`/api/v1/customers/${survivor.id}/history`)).body.items[0];
    expect(history.changes).toContainEqual(
      expect.objectContaining({ field: 'mergedFrom', new: ['合并测试股份有限公司'] }),
    );
    expect(history.changes).toContainEqual(
      expect.objectContaining({ field: 'type', old: 'intent', new: 'deal' }),
    );
    const goneHistory = (await org.admin.get(`/api/v1/customers/${other.id}/history`)).body.items[0];
    expect(goneHistory).toMatchObject({
      action: 'delete',
      changes: [expect.objectContaining({ field: 'mergedInto', new: survivor.id })],
    });
    const lifecycle = (await org.admin.get(`/api/v1/customers/${survivor.id}/lifecycle`)).body;
    expect(lifecycle.typeChanges[0]).toMatchObject({ toType: 'deal', reason: 'merge' });
  });

  it('refuses merges the user may not make, and bad requests, changing nothing', async () => {
    const rep = await createUser(t.app, org, { roleId: org.roles.rep });
    const a = await createCustomer(rep.client, { name: '代表的客户甲' });
    const b = await createCustomer(org.admin, { name: '管理员的客户乙' });
    expect(
      (await rep.client.post('/api/v1/customers/merge', { survivorId: a.id, mergedIds: [b.id] })).status,
    ).toBe(403);
    const stale = await org.admin.post('/api/v1/customers/merge', {
      survivorId: a.id,
      mergedIds: [b.id],
      versions: { [b.id]: b.version + 1 },
    });
    expect(stale.status).toBe(409);
    const self = await org.admin.post('/api/v1/customers/merge', { survivorId: a.id, mergedIds: [a.id] });
    expect(self.status).toBe(400);
    const unknownField = await org.admin.post('/api/v1/customers/merge', {
      survivorId: a.id,
      mergedIds: [b.id],
      values: { color: a.id },
    });
    expect(unknownField.body.error.fields['values.color']).toBeTruthy();
    const outsider = await org.admin.post('/api/v1/customers/merge', {
      survivorId: a.id,
      mergedIds: [b.id],
      values: { name: '0190c0de-0000-7000-8000-000000000000' },
    });
    expect(outsider.status).toBe(400);
    expect((await org.admin.get(`/api/v1/customers/${b.id}`)).body.deletedAt).toBeNull();
    const branch = await createDepartment(org, '分部');
    const manager = await createUser(t.app, org, { roleId: org.roles.manager, departmentId: branch });
    const mine = await createCustomer(manager.client, { name: '经理的客户' });
    const notVisible = await manager.client.post('/api/v1/customers/merge', {
      survivorId: mine.id,
      mergedIds: [b.id],
    });
    expect(notVisible.status).toBe(400);
    expect(notVisible.body.error.fields['mergedIds.0']).toBeTruthy();
  });

  it('dismissed groups close, and a later scan does not propose them again; merged groups resolve', async () => {
    await scan();
    const page = (await org.admin.get('/api/v1/customers/duplicate-groups')).body.items;
    const ocean = page.find((group: { matchedOn: string[] }) => group.matchedOn.includes('email'));
    expect((await org.admin.post(`/api/v1/customers/duplicate-groups/${ocean.id}/dismiss`)).status).toBe(200);
    const hangzhou = page.find((group: { members: unknown[] }) => group.members.length === 3);
    const [first, ...rest] = hangzhou.members.map((member: { id: string }) => member.id);
    expect(
      (
        await org.admin.post('/api/v1/customers/merge', {
          survivorId: first,
          mergedIds: rest,
          groupId: hangzhou.id,
        })
      ).status,
    ).toBe(200);
    await scan();
    const names = await groupIds();
    expect(names.flat()).not.toContain('完全不同的名字');
    expect(names.flat().filter((name: string) => name.startsWith('杭州云帆'))).toEqual([]);
    const rep = await createUser(t.app, org, { roleId: org.roles.rep });
    expect((await rep.client.get('/api/v1/customers/duplicate-groups')).status).toBe(403);
  });
});
