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
import { ApiClient, buildTestApp, type TestApp } from '../test-app';

describe('departments, users and roles', () => {
  let t: TestApp;
  let org: Org;

  beforeAll(async () => {
    t = await buildTestApp();
    org = await setupOrganization(t.app);
  });
  afterAll(() => t.close());

  it('manages a department tree: create, rename, move, refuse cycles and non-empty deletes', async () => {
    const sales = await createDepartment(org, 'Sales');
    const east = await createDepartment(org, 'East', sales);
    const renamed = await org.admin.patch(`/api/v1/departments/${east}`, { name: '华东' });
    expect(renamed.body.name).toBe('华东');
    const cycle = await org.admin.patch(`/api/v1/departments/${sales}`, { parentId: east });
    expect(cycle.status).toBe(422);
    expect(cycle.body.error.code).toBe('DEPARTMENT_CYCLE');
    expect((await org.admin.delete(`/api/v1/departments/${sales}`)).status).toBe(409);
    const moved = await org.admin.patch(`/api/v1/departments/${east}`, { parentId: org.rootDepartmentId });
    expect(moved.body.parentId).toBe(org.rootDepartmentId);
    expect((await org.admin.delete(`/api/v1/departments/${sales}`)).status).toBe(200);
    const list = await org.admin.get('/api/v1/departments');
    expect(list.body.items.map((d: { name: string }) => d.name).sort()).toEqual(['Acme 测试', '华东'].sort());
  });

  it('moving a department moves the scope of its subtree with it', async () => {
    const north = await createDepartment(org, 'North');
    const team = await createDepartment(org, 'North team', north);
    const managerOfNorth = await createUser(t.app, org, { roleId: org.roles.manager, departmentId: north });
    const rep = await createUser(t.app, org, { roleId: org.roles.rep, departmentId: team });
    await createCustomer(rep.client, { name: 'north team customer' });
    const names = async () =>
      (await managerOfNorth.client.get('/api/v1/customers')).body.items.map((c: { name: string }) => c.name);
    expect(await names()).toEqual(['north team customer']);
    await org.admin.patch(`/api/v1/departments/${team}`, { parentId: org.rootDepartmentId });
    expect(await names()).toEqual([]);
  });

  it('creates users, refuses duplicate emails and unknown roles', async () => {
    const created = await org.admin.post('/api/v1/users', {
      email: 'New.Rep@Example.com',
      name: '新销售',
      password: 'password-123',
      roleId: org.roles.rep,
      departmentId: org.rootDepartmentId,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      email: 'new.rep@example.com',
      status: 'active',
      roleName: 'Sales rep',
    });
    const duplicate = await org.admin.post('/api/v1/users', {
      email: 'new.rep@example.com',
      name: 'Again',
      password: 'password-123',
      roleId: org.roles.rep,
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.code).toBe('EMAIL_TAKEN');
    const badRole = await org.admin.post('/api/v1/users', {
      email: 'other@example.com',
      name: 'Other',
      password: 'password-123',
      roleId: '0190c0de-0000-7000-8000-000000000000',
    });
    expect(badRole.status).toBe(400);
    expect(badRole.body.error.fields.roleId).toBeTruthy();
    const search = await org.admin.get('/api/v1/users', { q: '新销' });
    expect(search.body.items.map((u: { name: string }) => u.name)).toEqual(['新销售']);
  });

  it('disables a user: their sessions end and they cannot sign in; re-enabling restores access', async () => {
    const user = await createUser(t.app, org, { roleId: org.roles.rep });
    expect((await org.admin.patch(`/api/v1/users/${user.id}`, { status: 'disabled' })).body.status).toBe(
      'disabled',
    );
    expect((await user.client.get('/api/v1/auth/me')).status).toBe(401);
    const refused = await new ApiClient(t.app).post('/api/v1/auth/login', {
      email: user.email,
      password: USER_PASSWORD,
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('ACCOUNT_DISABLED');
    await org.admin.patch(`/api/v1/users/${user.id}`, { status: 'active' });
    expect((await login(t.app, user.email, USER_PASSWORD).then((c) => c.get('/api/v1/auth/me'))).status).toBe(
      200,
    );
  });

  it('resets a password: the user signs in with the new one only', async () => {
    const user = await createUser(t.app, org, { roleId: org.roles.rep });
    expect(
      (await org.admin.post(`/api/v1/users/${user.id}/password`, { password: 'reset-pass-789' })).status,
    ).toBe(200);
    expect((await user.client.get('/api/v1/auth/me')).status).toBe(401);
    expect(
      (await new ApiClient(t.app).post('/api/v1/auth/login', { email: user.email, password: USER_PASSWORD }))
        .status,
    ).toBe(401);
    expect(
      (
        await new ApiClient(t.app).post('/api/v1/auth/login', {
          email: user.email,
          password: 'reset-pass-789',
        })
      ).status,
    ).toBe(200);
  });

  it('refuses manager cycles', async () => {
    const boss = await createUser(t.app, org, { roleId: org.roles.rep });
    const report = await createUser(t.app, org, { roleId: org.roles.rep, managerId: boss.id });
    const cycle = await org.admin.patch(`/api/v1/users/${boss.id}`, { managerId: report.id });
    expect(cycle.status).toBe(422);
    expect(cycle.body.error.code).toBe('MANAGER_CYCLE');
    expect((await org.admin.patch(`/api/v1/users/${boss.id}`, { managerId: boss.id })).status).toBe(422);
  });

  it('keeps at least one active administrator', async () => {
    const me = await org.admin.get('/api/v1/auth/me');
    const response = await org.admin.patch(`/api/v1/users/${me.body.user.id}`, { status: 'disabled' });
    expect(response.status).toBe(422);
    expect(response.body.error.code).toBe('LAST_ADMIN');
    expect((await login(t.app, 'admin@example.com', ADMIN_PASSWORD)).constructor).toBe(ApiClient);
  });

  it('manages roles with function permissions and a data scope; the admin role is fixed', async () => {
    const created = await org.admin.post('/api/v1/roles', {
      name: 'Viewer',
      dataScope: 'department',
      permissions: { customers: ['view'], contacts: ['view'] },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Viewer',
      dataScope: 'department',
      isSystem: false,
      userCount: 0,
    });
    const badAction = await org.admin.post('/api/v1/roles', {
      name: 'Bad',
      dataScope: 'own',
      permissions: { customers: ['fly'] },
    });
    expect(badAction.status).toBe(400);
    expect(Object.keys(badAction.body.error.fields)[0]).toMatch(/^permissions\.customers/);
    const badScope = await org.admin.post('/api/v1/roles', {
      name: 'Bad',
      dataScope: 'galaxy',
      permissions: {},
    });
    expect(badScope.body.error.fields.dataScope).toBeTruthy();
    expect(
      (await org.admin.post('/api/v1/roles', { name: 'Viewer', dataScope: 'own', permissions: {} })).status,
    ).toBe(409);

    const viewer = await createUser(t.app, org, { roleId: created.body.id });
    expect((await viewer.client.get('/api/v1/customers')).status).toBe(200);
    expect((await viewer.client.post('/api/v1/customers', { name: 'Nope' })).status).toBe(403);
    expect((await org.admin.delete(`/api/v1/roles/${created.body.id}`)).status).toBe(409);

    expect((await org.admin.patch(`/api/v1/roles/${org.roles.admin}`, { dataScope: 'own' })).status).toBe(
      422,
    );
    expect((await org.admin.delete(`/api/v1/roles/${org.roles.admin}`)).status).toBe(422);
  });
});
