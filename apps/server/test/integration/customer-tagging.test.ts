import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomer, createUser, type Org, setupOrganization } from '../factories';
import { buildTestApp, type TestApp } from '../test-app';

describe('tags on a selection of customers', () => {
  let t: TestApp;
  let org: Org;

  beforeAll(async () => {
    t = await buildTestApp();
    org = await setupOrganization(t.app, 'zh-CN');
  });
  afterAll(() => t.close());

  const tagsOf = async (id: string) => (await org.admin.get(`/api/v1/customers/${id}`)).body.tags as string[];

  it('adds and removes tags on many customers at once, with a history entry for each one changed', async () => {
    // Similar names on purpose (one search finds them): saved over the duplicate warning.
    const similar = { acknowledgeDuplicates: true };
    const a = await createCustomer(org.admin, { name: '批量标签甲', tags: ['华东', '旧'], ...similar });
    const b = await createCustomer(org.admin, { name: '批量标签乙', tags: ['重点'], ...similar });
    const c = await createCustomer(org.admin, { name: '批量标签丙', tags: ['重点', '展会'], ...similar });

    const response = await org.admin.post('/api/v1/customers/tags', {
      customerIds: [a.id, b.id, c.id],
      add: ['重点', '展会'],
      remove: ['旧'],
    });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    // c already had both and not the removed one: unchanged, not counted, no history.
    expect(response.body).toEqual({ changed: 2 });
    expect(await tagsOf(a.id)).toEqual(['华东', '展会', '重点']);
    expect(await tagsOf(b.id)).toEqual(['展会', '重点']);
    expect(await tagsOf(c.id)).toEqual(['展会', '重点']);

    const history = (await org.admin.get(`/api/v1/customers/${a.id}/history`)).body.items;
    expect(history[0].changes).toContainEqual(
      expect.objectContaining({ field: 'tags', old: ['华东', '旧'], new: ['华东', '展会', '重点'] }),
    );
    expect((await org.admin.get(`/api/v1/customers/${c.id}/history`)).body.items).toHaveLength(1);
    // The list filter sees the new tag straight away.
    const tagged = await org.admin.get('/api/v1/customers', { tag: '展会', q: '批量标签' });
    expect(tagged.body.items).toHaveLength(3);
    // An edit of what was read before the bulk change is refused (the version moved on).
    const stale = await org.admin.patch(`/api/v1/customers/${a.id}`, { version: a.version, notes: 'x' });
    expect(stale.status).toBe(409);
  });

  it('refuses, naming the customer, what the user may not change, and changes none of the selection', async () => {
    const rep = await createUser(t.app, org, { roleId: org.roles.rep, name: '标签销售' });
    const own = await createCustomer(rep.client, { name: '自己的客户' });
    const other = await createCustomer(org.admin, { name: '别人的客户' });
    const refused = await rep.client.post('/api/v1/customers/tags', {
      customerIds: [own.id, other.id],
      add: ['重点'],
    });
    expect(refused.status).toBe(400);
    expect(Object.keys(refused.body.error.fields)).toEqual(['customerIds.1']);
    expect(await tagsOf(own.id)).toEqual([]);

    const nothing = await rep.client.post('/api/v1/customers/tags', { customerIds: [own.id] });
    expect(nothing.status).toBe(400);
    expect(Object.keys(nothing.body.error.fields)).toEqual(['add']);

    const full = await createCustomer(org.admin, {
      name: '标签已满',
      tags: Array.from({ length: 20 }, (_, index) => `标签${index}`),
    });
    const tooMany = await org.admin.post('/api/v1/customers/tags', {
      customerIds: [other.id, full.id],
      add: ['再加一个'],
    });
    expect(tooMany.status).toBe(400);
    expect(Object.keys(tooMany.body.error.fields)).toEqual(['customerIds.1']);
    expect(await tagsOf(other.id)).toEqual([]);
  });
});
