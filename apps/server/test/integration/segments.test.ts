import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomer, createDepartment, createUser, type Org, setupOrganization } from '../factories';
import { buildTestApp, type TestApp } from '../test-app';

describe('tags and saved views / segments', () => {
  let t: TestApp;
  let org: Org;

  beforeAll(async () => {
    t = await buildTestApp();
    org = await setupOrganization(t.app);
  });
  afterAll(() => t.close());

  it('lets administrators colour, rename and remove tags everywhere', async () => {
    const a = await createCustomer(org.admin, { name: 'Orchid Holdings', tags: ['vip', 'old'] });
    const b = await createCustomer(org.admin, { name: 'Granite Works', tags: ['old'] });
    const put = await org.admin.put('/api/v1/tags/vip', { color: 'gold', description: 'Top customers' });
    expect(put.body.items).toEqual([expect.objectContaining({ name: 'vip', color: 'gold' })]);
    const recoloured = await org.admin.put('/api/v1/tags/vip', { color: 'purple' });
    expect(recoloured.body.items).toEqual([
      expect.objectContaining({ color: 'purple', description: 'Top customers' }),
    ]);
    const renamed = await org.admin.put('/api/v1/tags/old', { color: '#ff0000', renameTo: 'vip' });
    expect(renamed.status).toBe(200);
    expect((await org.admin.get(`/api/v1/customers/${a.id}`)).body.tags).toEqual(['vip']);
    expect((await org.admin.get(`/api/v1/customers/${b.id}`)).body.tags).toEqual(['vip']);
    expect((await org.admin.delete('/api/v1/tags/vip')).status).toBe(200);
    expect((await org.admin.get(`/api/v1/customers/${a.id}`)).body.tags).toEqual([]);
    const rep = await createUser(t.app, org, { roleId: org.roles.rep });
    expect((await rep.client.put('/api/v1/tags/x', { color: 'red' })).status).toBe(403);
    expect((await org.admin.put('/api/v1/tags/x', { color: 'not a colour!' })).status).toBe(400);
    expect((await org.admin.delete('/api/v1/tags/never-used')).status).toBe(404);
  });

  it('saves a view privately or for the department, and computes members as the asking user', async () => {
    const sales = await createDepartment(org, 'Sales');
    const owner = await createUser(t.app, org, { roleId: org.roles.rep, departmentId: sales, name: 'Owner' });
    const colleague = await createUser(t.app, org, {
      roleId: org.roles.rep,
      departmentId: sales,
      name: 'Colleague',
    });
    const outsider = await createUser(t.app, org, { roleId: org.roles.rep, name: 'Outsider' });
    await createCustomer(owner.client, { name: 'Maple Logistics', type: 'deal', level: 'A' });
    await createCustomer(owner.client, { name: 'Harbor Foods', type: 'deal', level: 'B' });
    await createCustomer(colleague.client, { name: 'Summit Textiles', type: 'deal', level: 'A' });

    const created = await owner.client.post('/api/v1/segments', {
      name: 'A-level deals',
      filters: { type: 'deal', level: 'A' },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ visibility: 'private', ownerName: 'Owner', editable: true });
    expect((await colleague.client.get('/api/v1/segments')).body.items).toEqual([]);

    const members = await owner.client.get(`/api/v1/segments/${created.body.id}/members`);
    expect(members.body.items.map((c: { name: string }) => c.name)).toEqual(['Maple Logistics']);
    expect((await owner.client.get(`/api/v1/segments/${created.body.id}/count`)).body).toEqual({
      count: 1,
      capped: false,
    });

    await owner.client.patch(`/api/v1/segments/${created.body.id}`, { visibility: 'department' });
    const shared = (await colleague.client.get('/api/v1/segments')).body.items;
    expect(shared.map((s: { name: string; editable: boolean }) => [s.name, s.editable])).toEqual([
      ['A-level deals', false],
    ]);
    // The colleague sees the segment's members within their own scope only.
    const theirs = await colleague.client.get(`/api/v1/segments/${created.body.id}/members`);
    expect(theirs.body.items.map((c: { name: string }) => c.name)).toEqual(['Summit Textiles']);
    expect(
      (await colleague.client.patch(`/api/v1/segments/${created.body.id}`, { name: 'Mine now' })).status,
    ).toBe(403);
    expect((await outsider.client.get(`/api/v1/segments/${created.body.id}/members`)).status).toBe(404);

    // An administrator's list holds their own and their department's views, not everyone's private ones.
    await owner.client.post('/api/v1/segments', { name: 'Private of owner', filters: { type: 'intent' } });
    expect(
      (await org.admin.get('/api/v1/segments')).body.items.map((v: { name: string }) => v.name),
    ).not.toContain('Private of owner');
    const bad = await owner.client.post('/api/v1/segments', { name: 'Bad', filters: { type: 'friend' } });
    expect(bad.status).toBe(400);
    expect((await owner.client.delete(`/api/v1/segments/${created.body.id}`)).status).toBe(200);
    expect(
      (await owner.client.get('/api/v1/segments')).body.items.map((v: { name: string }) => v.name),
    ).toEqual(['Private of owner']);
  });
  it('refuses a view whose custom field is no longer filterable, by its name, instead of widening it', async () => {
    const field = await org.admin.post('/api/v1/custom-fields', {
      entity: 'customer',
      key: 'grade',
      label: 'Grade',
      type: 'select',
      options: [
        { value: 'gold', label: 'Gold' },
        { value: 'basic', label: 'Basic' },
      ],
      filterable: true,
    });
    await createCustomer(org.admin, { name: 'Gold One', custom: { grade: 'gold' } });
    await createCustomer(org.admin, { name: 'Basic One', custom: { grade: 'basic' } });
    const view = await org.admin.post('/api/v1/segments', {
      name: 'Gold customers',
      filters: { custom: JSON.stringify({ grade: 'gold' }) },
    });
    expect(view.status, JSON.stringify(view.body)).toBe(201);
    const members = async () => org.admin.inLocale('en').get(`/api/v1/segments/${view.body.id}/members`);
    expect((await members()).body.items.map((c: { name: string }) => c.name)).toEqual(['Gold One']);

    await org.admin.patch(`/api/v1/custom-fields/${field.body.id}`, { filterable: false });
    const stale = await members();
    expect([stale.status, stale.body.error.code]).toEqual([422, 'SEGMENT_FILTER_STALE']);
    expect(stale.body.error.message).toContain('Grade');
    expect((await org.admin.get(`/api/v1/segments/${view.body.id}/count`)).status).toBe(422);
  });
});
