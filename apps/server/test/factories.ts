import type { FastifyInstance } from 'fastify';
import { ApiClient, sessionCookieOf } from './test-app';

export const ADMIN_PASSWORD = 'admin-pass-123';
export const USER_PASSWORD = 'user-pass-123';

export interface Org {
  admin: ApiClient;
  adminId: string;
  rootDepartmentId: string;
  roles: { admin: string; manager: string; rep: string };
}

/** Runs first-run setup through the API and returns the signed-in administrator. */
export async function setupOrganization(app: FastifyInstance, locale: 'en' | 'zh-CN' = 'en'): Promise<Org> {
  const anonymous = new ApiClient(app);
  const response = await anonymous.post('/api/v1/setup', {
    organizationName: 'Acme 测试',
    adminName: 'Ada Admin',
    adminEmail: 'admin@example.com',
    adminPassword: ADMIN_PASSWORD,
    locale,
  });
  if (response.status !== 201) throw new Error(`setup failed: ${JSON.stringify(response.body)}`);
  const admin = new ApiClient(app, {
    cookie: sessionCookieOf(response.headers),
    csrfToken: response.body.csrfToken,
  });
  const roles = (await admin.get('/api/v1/roles')).body.items as Array<{
    id: string;
    isAdmin: boolean;
    dataScope: string;
  }>;
  return {
    admin,
    adminId: response.body.user.id,
    rootDepartmentId: response.body.user.departmentId,
    roles: {
      admin: roles.find((role) => role.isAdmin)?.id as string,
      manager: roles.find((role) => role.dataScope === 'department_and_below')?.id as string,
      rep: roles.find((role) => role.dataScope === 'own')?.id as string,
    },
  };
}

export async function login(app: FastifyInstance, email: string, password: string): Promise<ApiClient> {
  const response = await new ApiClient(app).post('/api/v1/auth/login', { email, password });
  if (response.status !== 200) throw new Error(`login failed: ${JSON.stringify(response.body)}`);
  return new ApiClient(app, {
    cookie: sessionCookieOf(response.headers),
    csrfToken: response.body.csrfToken,
  });
}

let counter = 0;

/** Creates a user through the admin API and signs them in. */
export async function createUser(
  app: FastifyInstance,
  org: Org,
  options: { roleId: string; departmentId?: string | null; managerId?: string | null; name?: string },
): Promise<{ id: string; email: string; client: ApiClient }> {
  counter += 1;
  const email = `user${counter}-${Date.now()}@example.com`;
  const response = await org.admin.post('/api/v1/users', {
    email,
    name: options.name ?? `User ${counter}`,
    password: USER_PASSWORD,
    roleId: options.roleId,
    departmentId: options.departmentId ?? org.rootDepartmentId,
    managerId: options.managerId ?? null,
  });
  if (response.status !== 201) throw new Error(`user create failed: ${JSON.stringify(response.body)}`);
  return { id: response.body.id, email, client: await login(app, email, USER_PASSWORD) };
}

export async function createDepartment(org: Org, name: string, parentId?: string): Promise<string> {
  const response = await org.admin.post('/api/v1/departments', {
    name,
    parentId: parentId ?? org.rootDepartmentId,
  });
  if (response.status !== 201) throw new Error(`department create failed: ${JSON.stringify(response.body)}`);
  return response.body.id;
}

export async function createCustomer(client: ApiClient, fields: Record<string, unknown> = {}) {
  counter += 1;
  const response = await client.post('/api/v1/customers', { name: `Customer ${counter}`, ...fields });
  if (response.status !== 201) throw new Error(`customer create failed: ${JSON.stringify(response.body)}`);
  return response.body as { id: string; version: number; name: string; ownerId: string };
}
