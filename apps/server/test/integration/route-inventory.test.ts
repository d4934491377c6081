import type { RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { ApiClient, buildTestApp, type TestApp } from '../test-app';

/** Public routes: everything else under /api/v1 must require a signed-in user. */
const PUBLIC_ROUTES = new Set([
  'GET /api/v1/setup/status',
  'POST /api/v1/setup',
  'POST /api/v1/auth/login',
  'GET /api/v1/public/forms/:key',
  'POST /api/v1/public/forms/:key/submissions',
]);

describe('route inventory', () => {
  let t: TestApp;
  const routes: RouteOptions[] = [];

  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it('collects every route', async () => {
    // A second app on the same database, with a hook registered before the routes are.
    const config = loadConfig({}, { logLevel: 'silent' });
    const { app } = await buildApp(config, {
      database: t.database,
      beforeRoutes: (instance) => instance.addHook('onRoute', (route) => void routes.push(route)),
    });
    await app.ready();
    expect(routes.filter((route) => route.url.startsWith('/api/v1/')).length).toBeGreaterThan(30);
  });

  it('every /api/v1 route declares who may call it, and only the known ones are public', () => {
    for (const route of routes.filter((r) => r.url.startsWith('/api/v1/'))) {
      for (const method of [route.method].flat()) {
        if (method === 'HEAD') continue;
        const key = `${method} ${route.url}`;
        const auth = (route.config as { auth?: string } | undefined)?.auth;
        expect(auth, key).toBeDefined();
        expect(auth === 'public', key).toBe(PUBLIC_ROUTES.has(key));
      }
    }
  });

  it('every /api/v1 route has a response schema for success and for errors', () => {
    for (const route of routes.filter((r) => r.url.startsWith('/api/v1/'))) {
      const response = (route.schema as { response?: Record<string, unknown> } | undefined)?.response ?? {};
      const key = `${[route.method].flat().join(',')} ${route.url}`;
      expect(
        Object.keys(response).some((status) => status.startsWith('2')),
        key,
      ).toBe(true);
      expect(response['400'], key).toBeDefined();
    }
  });

  it('every guarded route answers 401 without a session', async () => {
    const anonymous = new ApiClient(t.app);
    for (const route of routes.filter((r) => r.url.startsWith('/api/v1/'))) {
      for (const method of [route.method].flat()) {
        if (method === 'HEAD' || PUBLIC_ROUTES.has(`${method} ${route.url}`)) continue;
        const url = route.url.replace(':id', '0190c0de-0000-7000-8000-000000000000');
        const response = await anonymous.request(method as 'GET', url, method === 'GET' ? undefined : {});
        expect(response.status, `${method} ${url}`).toBe(401);
      }
    }
  });

  it('serves the OpenAPI document with every route and the docs page', async () => {
    const anonymous = new ApiClient(t.app);
    const json = await anonymous.get('/api/docs/json');
    expect(json.status).toBe(200);
    expect(json.body.openapi).toMatch(/^3\./);
    expect(Object.keys(json.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/customers', '/api/v1/customers/{id}', '/api/v1/contacts']),
    );
    expect(json.body.components.schemas.Customer).toBeDefined();
    const page = await anonymous.get('/api/docs');
    expect([200, 302]).toContain(page.status);
  });

  it('answers unknown API routes with the error envelope', async () => {
    const response = await new ApiClient(t.app).get('/api/v1/nothing-here');
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('ROUTE_NOT_FOUND');
  });
});
