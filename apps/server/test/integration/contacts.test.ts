import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomer, createUser, type Org, setupOrganization } from '../factories';
import { buildTestApp, type TestApp } from '../test-app';

describe('contacts', () => {
  let t: TestApp;
  let org: Org;
  let customerId: string;

  beforeAll(async () => {
    t = await buildTestApp();
    org = await setupOrganization(t.app);
    customerId = (await createCustomer(org.admin, { name: '杭州云帆科技有限公司' })).id;
  });
  afterAll(() => t.close());

  const contactsOf = async (id: string) =>
    (await org.admin.get(`/api/v1/customers/${id}/contacts`)).body.items as Array<{
      name: string;
      isPrimary: boolean;
    }>;

  it('creates contacts on a customer and keeps exactly one primary', async () => {
    const first = await org.admin.post('/api/v1/contacts', {
      customerId,
      name: '李娜',
      title: '采购经理',
      mobile: '13900001111',
      email: 'Li.Na@YunFan.cn',
      wechat: 'lina_wx',
      birthday: '1990-05-20',
      isPrimary: true,
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      customerName: '杭州云帆科技有限公司',
      email: 'li.na@yunfan.cn',
      isPrimary: true,
      version: 1,
    });
    const second = await org.admin.post('/api/v1/contacts', {
      customerId,
      name: 'Wang Fang',
      isPrimary: true,
    });
    expect(second.status).toBe(201);
    const contacts = await contactsOf(customerId);
    expect(contacts.filter((c) => c.isPrimary).map((c) => c.name)).toEqual(['Wang Fang']);
  });

  it('validates contact fields and the customer reference', async () => {
    const bad = await org.admin.post('/api/v1/contacts', {
      customerId,
      name: '',
      mobile: 'abc',
      birthday: '1990-13-40',
      email: 'x',
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['birthday', 'email', 'mobile', 'name']);
    const missing = await org.admin.post('/api/v1/contacts', {
      customerId: '0190c0de-0000-7000-8000-000000000000',
      name: 'Ghost',
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields.customerId).toBeTruthy();
  });

  it('searches contacts by name, mobile and email', async () => {
    const byName = await org.admin.get('/api/v1/contacts', { q: '李娜' });
    expect(byName.body.items.map((c: { name: string }) => c.name)).toEqual(['李娜']);
    expect((await org.admin.get('/api/v1/contacts', { q: '1390000' })).body.items).toHaveLength(1);
    expect((await org.admin.get('/api/v1/contacts', { q: 'yunfan' })).body.items).toHaveLength(1);
    expect((await org.admin.get('/api/v1/contacts', { q: '100%' })).body.items).toHaveLength(0);
  });

  it('edits with a version check and records the history', async () => {
    const contact = (await org.admin.get('/api/v1/contacts', { q: 'Wang Fang' })).body.items[0];
    const updated = await org.admin.patch(`/api/v1/contacts/${contact.id}`, {
      version: contact.version,
      title: 'CEO',
    });
    expect(updated.status).toBe(200);
    expect(
      (await org.admin.patch(`/api/v1/contacts/${contact.id}`, { version: contact.version, title: 'CTO' }))
        .status,
    ).toBe(409);
    const history = await org.admin.get(`/api/v1/contacts/${contact.id}/history`);
    expect(history.body.items[0].changes).toEqual([{ field: 'title', old: null, new: 'CEO' }]);
  });

  it('deletes and restores a contact', async () => {
    const contact = (await org.admin.get('/api/v1/contacts', { q: 'Wang Fang' })).body.items[0];
    expect((await org.admin.delete(`/api/v1/contacts/${contact.id}`)).status).toBe(200);
    expect((await contactsOf(customerId)).map((c) => c.name)).toEqual(['李娜']);
    expect((await org.admin.post(`/api/v1/contacts/${contact.id}/restore`)).status).toBe(200);
    expect((await contactsOf(customerId)).map((c) => c.name).sort()).toEqual(['Wang Fang', '李娜'].sort());
  });

  it('shows a rep only the contacts of customers in their scope', async () => {
    const rep = await createUser(t.app, org, { roleId: org.roles.rep });
    const own = await createCustomer(rep.client, { name: 'Rep Co' });
    expect(
      (await rep.client.post('/api/v1/contacts', { customerId: own.id, name: 'Rep Contact' })).status,
    ).toBe(201);
    const blocked = await rep.client.post('/api/v1/contacts', { customerId, name: 'Sneaky' });
    expect(blocked.status).toBe(400);
    expect(blocked.body.error.fields.customerId).toBeTruthy();
    const list = await rep.client.get('/api/v1/contacts');
    expect(list.body.items.map((c: { name: string }) => c.name)).toEqual(['Rep Contact']);
    const foreign = (await org.admin.get('/api/v1/contacts', { q: '李娜' })).body.items[0];
    expect((await rep.client.get(`/api/v1/contacts/${foreign.id}`)).status).toBe(404);
  });
});
