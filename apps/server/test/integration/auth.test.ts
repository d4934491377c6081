import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, createUser, login, type Org, setupOrganization, USER_PASSWORD } from '../factories';
import { ApiClient, buildTestApp, sessionCookieOf, type TestApp } from '../test-app';

describe('setup and sign-in', () => {
  let t: TestApp;
  let org: Org;

  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it('reports that setup is needed on a fresh database, and refuses API calls before sign-in', async () => {
    const anonymous = new ApiClient(t.app);
    expect((await anonymous.get('/api/v1/setup/status')).body).toEqual({ needsSetup: true });
    const customers = await anonymous.get('/api/v1/customers');
    expect(customers.status).toBe(401);
    expect(customers.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('validates the setup form with field names', async () => {
    const response = await new ApiClient(t.app).post('/api/v1/setup', {
      organizationName: '',
      adminName: 'A',
      adminEmail: 'not-an-email',
      adminPassword: 'short',
    });
    expect(response.status).toBe(400);
    expect(Object.keys(response.body.error.fields).sort()).toEqual([
      'adminEmail',
      'adminPassword',
      'organizationName',
    ]);
  });

  it('creates the organisation and signs the administrator in, once', async () => {
    org = await setupOrganization(t.app);
    const me = await org.admin.get('/api/v1/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ email: 'admin@example.com', isAdmin: true, dataScope: 'all' });
    expect(me.body.organization.name).toBe('Acme 测试');
    expect((await new ApiClient(t.app).get('/api/v1/setup/status')).body).toEqual({ needsSetup: false });

    const again = await new ApiClient(t.app).post('/api/v1/setup', {
      organizationName: 'Other',
      adminName: 'Eve',
      adminEmail: 'eve@example.com',
      adminPassword: 'password-123',
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('SETUP_ALREADY_DONE');
  });

  it('sets an HTTP-only SameSite session cookie and stores only a hash of it', async () => {
    const response = await new ApiClient(t.app).post('/api/v1/auth/login', {
      email: 'ADMIN@example.com',
      password: ADMIN_PASSWORD,
    });
    expect(response.status).toBe(200);
    const raw = String(response.headers['set-cookie']);
    expect(raw).toMatch(/HttpOnly/i);
    expect(raw).toMatch(/SameSite=Lax/i);
    const token = sessionCookieOf(response.headers).split('=')[1] as string;
    const stored = await t.database.db.selectFrom('sessions').select('id').execute();
    expect(stored.map((row) => row.id)).not.toContain(token);
  });

  it('refuses a wrong password without saying whether the email exists', async () => {
    const wrong = await new ApiClient(t.app).post('/api/v1/auth/login', {
      email: 'admin@example.com',
      password: 'nope-nope',
    });
    const unknown = await new ApiClient(t.app).post('/api/v1/auth/login', {
      email: 'ghost@example.com',
      password: 'nope-nope',
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error.code).toBe('INVALID_CREDENTIALS');
    expect(unknown.body.error).toEqual(wrong.body.error);
  });

  it('locks an account after five failed attempts, and unlocks it after the lock expires', async () => {
    const user = await createUser(t.app, org, { roleId: org.roles.rep });
    const anonymous = new ApiClient(t.app);
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect(
        (await anonymous.post('/api/v1/auth/login', { email: user.email, password: 'wrong-pass' })).status,
      ).toBe(401);
    }
    const fifth = await anonymous.post('/api/v1/auth/login', { email: user.email, password: 'wrong-pass' });
    expect(fifth.status).toBe(423);
    expect(fifth.body.error.code).toBe('ACCOUNT_LOCKED');
    // Even the right password is refused while locked.
    expect(
      (await anonymous.post('/api/v1/auth/login', { email: user.email, password: USER_PASSWORD })).status,
    ).toBe(423);
    t.clock.advance(16 * 60 * 1000);
    expect(
      (await anonymous.post('/api/v1/auth/login', { email: user.email, password: USER_PASSWORD })).status,
    ).toBe(200);
  });

  it('requires the CSRF header on cookie-authenticated writes', async () => {
    const login = await new ApiClient(t.app).post('/api/v1/auth/login', {
      email: 'admin@example.com',
      password: ADMIN_PASSWORD,
    });
    const cookie = sessionCookieOf(login.headers);
    const withoutToken = await t.app.inject({
      method: 'POST',
      url: '/api/v1/customers',
      headers: { cookie },
      payload: { name: 'No token' },
    });
    expect(withoutToken.statusCode).toBe(403);
    expect(withoutToken.json().error.code).toBe('CSRF_INVALID');
    const wrongToken = await t.app.inject({
      method: 'POST',
      url: '/api/v1/customers',
      headers: { cookie, 'x-csrf-token': 'forged' },
      payload: { name: 'Forged' },
    });
    expect(wrongToken.statusCode).toBe(403);
    const count = await t.database.db
      .selectFrom('customers')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('signs out: the session no longer works', async () => {
    const client = await login(t.app, 'admin@example.com', ADMIN_PASSWORD);
    expect((await client.post('/api/v1/auth/logout')).status).toBe(200);
    expect((await client.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('changes the password: the old one stops working and other sessions end', async () => {
    const user = await createUser(t.app, org, { roleId: org.roles.rep });
    const other = await login(t.app, user.email, USER_PASSWORD);
    const wrong = await user.client.post('/api/v1/auth/password', {
      currentPassword: 'bad-bad-bad',
      newPassword: 'new-pass-456',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields.currentPassword).toBeTruthy();
    const ok = await user.client.post('/api/v1/auth/password', {
      currentPassword: USER_PASSWORD,
      newPassword: 'new-pass-456',
    });
    expect(ok.status).toBe(200);
    expect((await user.client.get('/api/v1/auth/me')).status).toBe(200);
    expect((await other.get('/api/v1/auth/me')).status).toBe(401);
    expect(
      (await new ApiClient(t.app).post('/api/v1/auth/login', { email: user.email, password: USER_PASSWORD }))
        .status,
    ).toBe(401);
    expect(
      (await new ApiClient(t.app).post('/api/v1/auth/login', { email: user.email, password: 'new-pass-456' }))
        .status,
    ).toBe(200);
  });

  it('remembers the language per user and answers errors in it', async () => {
    const user = await createUser(t.app, org, { roleId: org.roles.rep });
    const changed = await user.client.patch('/api/v1/auth/me', { locale: 'zh-CN' });
    expect(changed.body.user.locale).toBe('zh-CN');
    const relogin = await login(t.app, user.email, USER_PASSWORD);
    expect((await relogin.get('/api/v1/auth/me')).body.user.locale).toBe('zh-CN');
    const zh = await user.client.inLocale('zh-CN').post('/api/v1/customers', { name: '' });
    expect(zh.status).toBe(400);
    expect(zh.body.error.message).toBe('部分字段填写有误。');
    expect(zh.body.error.fields.name).toBe('必填。');
    const en = await user.client.inLocale('en').post('/api/v1/customers', { name: '' });
    expect(en.body.error.fields.name).toBe('Required.');
  });

  it('ends a session seven days after sign-in', async () => {
    const client = await login(t.app, 'admin@example.com', ADMIN_PASSWORD);
    t.clock.advance(6 * 24 * 60 * 60 * 1000);
    expect((await client.get('/api/v1/auth/me')).status).toBe(200);
    t.clock.advance(2 * 24 * 60 * 60 * 1000);
    expect((await client.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('answers the health check with the database reachable', async () => {
    const response = await new ApiClient(t.app).get('/api/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });
});

describe('login rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ loginRateLimitPerMinute: 3 });
  });
  afterAll(() => t.close());

  it('answers 429 past the per-minute limit of login attempts from one address', async () => {
    const anonymous = new ApiClient(t.app);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      statuses.push(
        (await anonymous.post('/api/v1/auth/login', { email: 'x@example.com', password: 'whatever1' }))
          .status,
      );
    }
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses[3]).toBe(429);
    const limited = await anonymous.post('/api/v1/auth/login', {
      email: 'x@example.com',
      password: 'whatever1',
    });
    expect(limited.body.error.code).toBe('RATE_LIMITED');
  });
});

describe('production serialisation (responses not re-validated)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ validateResponses: 'false' });
  });
  afterAll(() => t.close());

  it('answers with the same shapes as the validated build', async () => {
    const org = await setupOrganization(t.app);
    const created = await org.admin.post('/api/v1/customers', {
      name: '序列化 Co',
      phones: ['13800138000'],
      tags: ['vip'],
    });
    expect(created.status).toBe(201);
    const read = await org.admin.get(`/api/v1/customers/${created.body.id}`);
    expect(read.body).toEqual(created.body);
    expect(read.body).toMatchObject({
      name: '序列化 Co',
      phones: ['+8613800138000'],
      tags: ['vip'],
      level: null,
    });
    const bad = await org.admin.post('/api/v1/customers', { name: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.name).toBe('Required.');
  });
});
