import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomer, createDepartment, createUser, type Org, setupOrganization } from '../factories';
import type { ApiClient } from '../test-app';
import { buildTestApp, type TestApp } from '../test-app';

/**
 * The organisation:            root
 *                         ┌──────┴──────┐
 *                       sales        service
 *                      ┌──┴──┐
 *                   east     west
 * repEast1, repEast2 in east (repEast2 reports to repEast1), repWest in west, a manager of sales
 * (department and below), a department-scope lead in east, and an all-scope auditor in service.
 */
describe('data scopes', () => {
  let t: TestApp;
  let org: Org;
  let ids: Record<string, string>;
  let clients: Record<string, ApiClient>;
  let customers: Record<string, string>;

  const visibleNames = async (client: ApiClient) =>
    ((await client.get('/api/v1/customers', { limit: 200 })).body.items as Array<{ name: string }>)
      .map((c) => c.name)
      .sort();

  beforeAll(async () => {
    t = await buildTestApp();
    org = await setupOrganization(t.app);
    const sales = await createDepartment(org, 'Sales');
    const east = await createDepartment(org, 'East', sales);
    const west = await createDepartment(org, 'West', sales);
    const service = await createDepartment(org, 'Service');

    const role = async (name: string, dataScope: string) =>
      (
        await org.admin.post('/api/v1/roles', {
          name,
          dataScope,
          permissions: {
            customers: ['view', 'create', 'edit'],
            contacts: ['view', 'create', 'edit'],
            users: ['view'],
          },
        })
      ).body.id as string;
    const leadRole = await role('East lead', 'department');
    const teamRole = await role('Team lead', 'own_and_subordinates');
    const auditorRole = await role('Auditor', 'all');

    const repEast1 = await createUser(t.app, org, { roleId: teamRole, departmentId: east, name: 'East One' });
    const repEast2 = await createUser(t.app, org, {
      roleId: org.roles.rep,
      departmentId: east,
      managerId: repEast1.id,
    });
    const repWest = await createUser(t.app, org, { roleId: org.roles.rep, departmentId: west });
    const manager = await createUser(t.app, org, { roleId: org.roles.manager, departmentId: sales });
    const lead = await createUser(t.app, org, { roleId: leadRole, departmentId: east });
    const auditor = await createUser(t.app, org, { roleId: auditorRole, departmentId: service });

    ids = {
      repEast1: repEast1.id,
      repEast2: repEast2.id,
      repWest: repWest.id,
      manager: manager.id,
      sales,
      east,
      west,
      service,
    };
    clients = {
      repEast1: repEast1.client,
      repEast2: repEast2.client,
      repWest: repWest.client,
      manager: manager.client,
      lead: lead.client,
      auditor: auditor.client,
    };
    customers = {
      east1: (await createCustomer(repEast1.client, { name: 'east1 customer' })).id,
      east2: (await createCustomer(repEast2.client, { name: 'east2 customer' })).id,
      west: (await createCustomer(repWest.client, { name: 'west customer' })).id,
      sales: (await createCustomer(manager.client, { name: 'sales customer' })).id,
      root: (await createCustomer(org.admin, { name: 'admin customer' })).id,
    };
  });
  afterAll(() => t.close());

  it('own: a rep sees only their own customers', async () => {
    expect(await visibleNames(clients.repWest as ApiClient)).toEqual(['west customer']);
    expect(await visibleNames(clients.repEast2 as ApiClient)).toEqual(['east2 customer']);
  });

  it('own and subordinates: a team lead sees their reports’ customers', async () => {
    expect(await visibleNames(clients.repEast1 as ApiClient)).toEqual(['east1 customer', 'east2 customer']);
  });

  it('department: sees the department’s customers, not those of sibling or parent departments', async () => {
    expect(await visibleNames(clients.lead as ApiClient)).toEqual(['east1 customer', 'east2 customer']);
  });

  it('department and below: a manager sees the whole subtree', async () => {
    expect(await visibleNames(clients.manager as ApiClient)).toEqual([
      'east1 customer',
      'east2 customer',
      'sales customer',
      'west customer',
    ]);
  });

  it('all: an all-scope role and the administrator see everything', async () => {
    expect(await visibleNames(clients.auditor as ApiClient)).toHaveLength(5);
    expect(await visibleNames(org.admin)).toHaveLength(5);
  });

  it('applies the scope to search as well', async () => {
    const response = await (clients.repWest as ApiClient).get('/api/v1/customers', { q: 'customer' });
    expect(response.body.items.map((c: { name: string }) => c.name)).toEqual(['west customer']);
  });

  it('answers 404 (not 403) for a customer outside the scope, on read, history, edit and delete', async () => {
    const rep = clients.repWest as ApiClient;
    const id = customers.east1 as string;
    for (const response of [
      await rep.get(`/api/v1/customers/${id}`),
      await rep.get(`/api/v1/customers/${id}/history`),
      await rep.get(`/api/v1/customers/${id}/contacts`),
      await rep.patch(`/api/v1/customers/${id}`, { version: 1, name: 'hijacked' }),
    ]) {
      expect(response.status).toBe(404);
      expect(response.body.error.code).toBe('CUSTOMER_NOT_FOUND');
    }
    expect((await org.admin.get(`/api/v1/customers/${id}`)).body.name).toBe('east1 customer');
  });

  it('answers 403 for a function the role lacks (a rep may not delete), and changes nothing', async () => {
    const rep = clients.repWest as ApiClient;
    const response = await rep.delete(`/api/v1/customers/${customers.west}`);
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('FORBIDDEN');
    expect((await rep.get(`/api/v1/customers/${customers.west}`)).body.deletedAt).toBeNull();
  });

  it('refuses to hand a customer to another owner without the transfer permission', async () => {
    const rep = clients.repWest as ApiClient;
    const response = await rep.post('/api/v1/customers', { name: 'gift', ownerId: ids.repEast2 });
    expect(response.status).toBe(400);
    expect(response.body.error.fields.ownerId).toBeTruthy();
    const otherDepartment = await rep.post('/api/v1/customers', {
      name: 'filed elsewhere',
      departmentId: ids.east,
    });
    expect(otherDepartment.status).toBe(400);
    expect(otherDepartment.body.error.fields.departmentId).toBeTruthy();
  });

  it('lets a manager transfer a customer; it leaves the old owner’s view and its department follows the new owner', async () => {
    const manager = clients.manager as ApiClient;
    const before = (await manager.get(`/api/v1/customers/${customers.west}`)).body;
    const moved = await manager.patch(`/api/v1/customers/${customers.west}`, {
      version: before.version,
      ownerId: ids.repEast2,
    });
    expect(moved.status).toBe(200);
    expect(moved.body.ownerId).toBe(ids.repEast2);
    expect(moved.body.departmentId).toBe(ids.east);
    expect(await visibleNames(clients.repWest as ApiClient)).toEqual([]);
    const history = await manager.get(`/api/v1/customers/${customers.west}/history`);
    const ownerChange = history.body.items[0].changes.find((c: { field: string }) => c.field === 'ownerId');
    expect(ownerChange).toMatchObject({ old: ids.repWest, new: ids.repEast2, newLabel: expect.any(String) });
    expect(ownerChange.oldLabel).toMatch(/^User /);
    expect(await visibleNames(clients.repEast2 as ApiClient)).toEqual(['east2 customer', 'west customer']);
  });

  it('hides the users and roles administration from a rep', async () => {
    const rep = clients.repWest as ApiClient;
    expect(
      (
        await rep.post('/api/v1/users', {
          email: 'x@example.com',
          name: 'X',
          password: 'password-1',
          roleId: org.roles.admin,
        })
      ).status,
    ).toBe(403);
    expect((await rep.get('/api/v1/roles')).status).toBe(403);
    expect((await rep.post('/api/v1/departments', { name: 'Mine' })).status).toBe(403);
    expect((await rep.patch(`/api/v1/users/${ids.repWest}`, { roleId: org.roles.admin })).status).toBe(403);
  });
});
