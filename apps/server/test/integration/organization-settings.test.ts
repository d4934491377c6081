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
import { ApiClient, buildTestApp, type TestApp } from '../test-app';

const hour = 3_600_000;

describe('organisation settings and its time zone', () => {
  let t: TestApp;
  let org: Org;

  beforeAll(async () => {
    t = await buildTestApp();
    org = await setupOrganization(t.app, 'zh-CN');
  });
  afterAll(() => t.close());

  it('defaults to Beijing time, and an administrator changes the name, language and time zone', async () => {
    const settings = await org.admin.get('/api/v1/settings/organization');
    expect(settings.body).toEqual({ name: 'Acme 测试', defaultLocale: 'zh-CN', timeZone: 'Asia/Shanghai' });

    const bad = await org.admin.inLocale('zh-CN').patch('/api/v1/settings/organization', {
      timeZone: 'Mars/Olympus',
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields)).toEqual(['timeZone']);
    expect(bad.body.error.fields.timeZone).toContain('时区');

    const rep = await createUser(t.app, org, { roleId: org.roles.rep });
    expect((await rep.client.patch('/api/v1/settings/organization', { timeZone: 'UTC' })).status).toBe(403);

    const saved = await org.admin.patch('/api/v1/settings/organization', {
      name: 'Acme 上海',
      timeZone: 'europe/london',
    });
    expect(saved.body).toEqual({ name: 'Acme 上海', defaultLocale: 'zh-CN', timeZone: 'Europe/London' });
    expect((await org.admin.get('/api/v1/auth/me')).body.organization).toEqual({
      name: 'Acme 上海',
      timeZone: 'Europe/London',
    });
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'changes'])
      .where('entity_type', '=', 'organization')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]?.changes as string)).toEqual(
      expect.arrayContaining([
        { field: 'name', old: 'Acme 测试', new: 'Acme 上海' },
        { field: 'timeZone', old: 'Asia/Shanghai', new: 'Europe/London' },
      ]),
    );
    await org.admin.patch('/api/v1/settings/organization', { name: 'Acme 测试', timeZone: 'Asia/Shanghai' });
  });

  it("renews a rep's daily claim quota at midnight where the organisation works", async () => {
    const east = await createDepartment(org, '华东');
    const pool = await org.admin.post('/api/v1/pools', {
      name: '配额公海',
      departmentIds: [east],
      adminIds: [],
      rules: { ...defaultPoolRules, dailyClaimQuota: 1 },
    });
    expect(pool.status, JSON.stringify(pool.body)).toBe(201);
    const ids: string[] = [];
    for (let index = 0; index < 3; index++) {
      ids.push((await createCustomer(org.admin, { name: `时区配额客户${index}` })).id);
    }
    await org.admin.post('/api/v1/pools/return', { customerIds: ids, poolId: pool.body.id, reason: '整理' });
    const rep = await createUser(t.app, org, { roleId: org.roles.rep, departmentId: east });
    const claim = (id: string | undefined) => rep.client.post('/api/v1/pools/claim', { customerIds: [id] });

    // 08:00 UTC → 15:30 UTC: 23:30 in Beijing.
    t.clock.advance(7.5 * hour);
    expect((await claim(ids[0])).status).toBe(200);
    expect((await claim(ids[1])).body.error.code).toBe('CLAIM_QUOTA');
    // 16:30 UTC is 00:30 the next day in Beijing: a new quota, though the UTC day is the same.
    t.clock.advance(hour);
    expect((await claim(ids[1])).status).toBe(200);
    // Counted in UTC days, both claims are today's.
    await org.admin.patch('/api/v1/settings/organization', { timeZone: 'UTC' });
    expect((await claim(ids[2])).body.error.code).toBe('CLAIM_QUOTA');
    await org.admin.patch('/api/v1/settings/organization', { timeZone: 'Asia/Shanghai' });
  });

  it("reads the list's created-date range in days of the organisation", async () => {
    // From 16:30 UTC to 15:30 UTC the next day (23:30 in Beijing), then an hour on (00:30 the day after).
    t.clock.advance(23 * hour);
    const late = await createCustomer(org.admin, { name: '深夜录入的客户' });
    t.clock.advance(hour);
    const early = await createCustomer(org.admin, { name: '凌晨录入的客户' });
    const createdOn = async (date: string) =>
      (
        await org.admin.get('/api/v1/customers', { createdFrom: date, createdTo: date, q: '录入的客户' })
      ).body.items.map((item: { id: string }) => item.id);
    const [lateDay, earlyDay] = [late, early].map((customer) =>
      new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(
        new Date((customer as { createdAt?: string }).createdAt as string),
      ),
    );
    expect(lateDay).not.toBe(earlyDay);
    expect(await createdOn(lateDay as string)).toEqual([late.id]);
    expect(await createdOn(earlyDay as string)).toEqual([early.id]);
    // In UTC both were created the same day.
    await org.admin.patch('/api/v1/settings/organization', { timeZone: 'UTC' });
    expect((await createdOn(lateDay as string)).sort()).toEqual([late.id, early.id].sort());
    await org.admin.patch('/api/v1/settings/organization', { timeZone: 'Asia/Shanghai' });
  });

  it("names the reclaim date in a warning by the organisation's calendar", async () => {
    const north = await createDepartment(org, '华北');
    const pool = await org.admin.post('/api/v1/pools', {
      name: '回收日期公海',
      departmentIds: [north],
      adminIds: [],
      rules: {
        ...defaultPoolRules,
        reclaim: { noFollowUpDays: 2, noNewOpportunityDays: null, noDealDays: null },
        warnDaysBefore: 1,
      },
    });
    expect(pool.status, JSON.stringify(pool.body)).toBe(201);
    const rep = await createUser(t.app, org, { roleId: org.roles.rep, departmentId: north });
    const customer = await createCustomer(rep.client, { name: '待回收日期客户' });
    const due = new Date(t.clock.now().getTime() + 2 * 24 * hour);
    const local = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(due);
    // Past 16:00 UTC, the reclaim day in Beijing is a day later than in UTC.
    expect(local).not.toBe(due.toISOString().slice(0, 10));
    t.clock.advance(25 * hour);
    const signedIn = await login(t.app, rep.email, USER_PASSWORD);
    await (await login(t.app, 'admin@example.com', ADMIN_PASSWORD)).post('/api/v1/pools/reclaim');
    const warning = (await signedIn.get('/api/v1/notifications')).body.items.find(
      (notice: { kind: string; payload: { name: string } }) =>
        notice.kind === 'pool.reclaimWarning' && notice.payload.name === customer.name,
    );
    expect(warning?.payload.on).toBe(local);
  });

  it("names an export's file by the organisation's date", async () => {
    // The clock is past 16:00 UTC: already the next day in Beijing.
    const now = t.clock.now();
    const local = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(now);
    expect(local).not.toBe(now.toISOString().slice(0, 10));
    const created = await org.admin.post('/api/v1/exports', {
      entity: 'customer',
      format: 'csv',
      filters: {},
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    await t.services.jobs.drain();
    const download = await org.admin.request('GET', `/api/v1/exports/${created.body.id}/download`);
    expect(download.status).toBe(200);
    expect(String(download.headers['content-disposition'])).toContain(`customers-${local}.csv`);
  });
});

describe('first-run setup with a time zone', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it("stores the browser's time zone, and refuses one that does not exist", async () => {
    const anonymous = new ApiClient(t.app);
    const setup = {
      organizationName: 'Zeit GmbH',
      adminName: 'Ada',
      adminEmail: 'ada@example.com',
      adminPassword: ADMIN_PASSWORD,
      locale: 'en',
    };
    const bad = await anonymous.post('/api/v1/setup', { ...setup, timeZone: 'Europe/Atlantis' });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields)).toEqual(['timeZone']);
    const created = await anonymous.post('/api/v1/setup', { ...setup, timeZone: 'Europe/Berlin' });
    expect(created.status).toBe(201);
    expect(created.body.organization).toEqual({ name: 'Zeit GmbH', timeZone: 'Europe/Berlin' });
  });
});
