import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomer, createUser, type Org, setupOrganization } from '../factories';
import { buildTestApp, type TestApp } from '../test-app';

describe('customers', () => {
  let t: TestApp;
  let org: Org;

  beforeAll(async () => {
    t = await buildTestApp();
    org = await setupOrganization(t.app);
  });
  afterAll(() => t.close());

  it('creates a customer with every field and reads it back', async () => {
    const response = await org.admin.post('/api/v1/customers', {
      kind: 'company',
      name: '  北京星云科技有限公司 ',
      type: 'potential',
      level: 'A',
      industry: '软件',
      source: 'website',
      province: '北京市',
      city: '北京市',
      district: '海淀区',
      address: '中关村大街 1 号',
      phones: ['010-8888 6666', '+86 138 0013 8000'],
      email: 'Sales@XingYun.CN',
      website: 'https://xingyun.cn',
      tags: ['vip', '重点'],
      notes: 'Met at the expo',
    });
    expect(response.status).toBe(201);
    const customer = response.body;
    expect(customer).toMatchObject({
      name: '北京星云科技有限公司',
      type: 'potential',
      level: 'A',
      email: 'sales@xingyun.cn',
      phones: ['+861088886666', '+8613800138000'],
      tags: ['vip', '重点'],
      ownerId: org.adminId,
      ownerName: 'Ada Admin',
      departmentId: org.rootDepartmentId,
      createdBy: org.adminId,
      version: 1,
      deletedAt: null,
    });
    const read = await org.admin.get(`/api/v1/customers/${customer.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(customer);
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    const unknown = await org.admin.get('/api/v1/customers/0190c0de-0000-7000-8000-000000000000');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('CUSTOMER_NOT_FOUND');
    const malformed = await org.admin.get('/api/v1/customers/not-a-uuid');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.fields.id).toBeTruthy();
  });

  it('rejects bad input with the field named and writes nothing', async () => {
    const before = (await org.admin.get('/api/v1/customers', { limit: 200 })).body.items.length;
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ name: '' }, 'name'],
      [{ name: '   ' }, 'name'],
      [{ name: 'x'.repeat(10_000) }, 'name'],
      [{ name: 'A', email: 'not-an-email' }, 'email'],
      [{ name: 'A', phones: ['call me maybe'] }, 'phones.0'],
      [{ name: 'A', phones: ['12'] }, 'phones.0'],
      [{ name: 'A', website: 'javascript:alert(1)' }, 'website'],
      [{ name: 'A', type: 'friend' }, 'type'],
      [{ name: 'A', level: 'Z' }, 'level'],
      [{ name: 42 }, 'name'],
      [{ name: 'A', tags: 'vip' }, 'tags'],
      [{ name: 'A', isVip: true }, 'isVip'],
      [{ name: 'A', ownerId: 'someone' }, 'ownerId'],
    ];
    for (const [body, field] of cases) {
      const response = await org.admin.post('/api/v1/customers', body);
      expect(response.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(response.body.error.code).toBe('VALIDATION_FAILED');
      expect(Object.keys(response.body.error.fields)).toContain(field);
    }
    expect((await org.admin.get('/api/v1/customers', { limit: 200 })).body.items.length).toBe(before);
    // A value of the wrong type is not reported as missing.
    const wrongType = await org.admin.inLocale('zh-CN').post('/api/v1/customers', { name: 42, tags: 'vip' });
    expect(wrongType.body.error.fields).toEqual({ name: '应为 文本。', tags: '应为 列表。' });
    const missing = await org.admin.inLocale('en').post('/api/v1/customers', {});
    expect(missing.body.error.fields).toEqual({ name: 'Required.' });
  });

  it('refuses an oversized body with 413', async () => {
    const response = await org.admin.post('/api/v1/customers', {
      name: 'Big',
      notes: 'x'.repeat(2 * 1024 * 1024),
    });
    expect(response.status).toBe(413);
    expect(response.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('stores SQL, HTML, emoji and mixed scripts as plain text', async () => {
    const name = `Robert'); DROP TABLE customers;-- <script>alert(1)</script> 😀 混合 Script`;
    const created = await createCustomer(org.admin, { name, notes: '<img src=x onerror=alert(1)>' });
    const read = await org.admin.get(`/api/v1/customers/${created.id}`);
    expect(read.body.name).toBe(name);
    expect(read.body.notes).toBe('<img src=x onerror=alert(1)>');
    const found = await org.admin.get('/api/v1/customers', { q: 'DROP TABLE' });
    expect(found.body.items.map((c: { id: string }) => c.id)).toContain(created.id);
  });

  it('updates with optimistic locking: a stale version gets 409 and changes nothing', async () => {
    const created = await createCustomer(org.admin, { name: 'Versioned Ltd', type: 'intent' });
    const first = await org.admin.patch(`/api/v1/customers/${created.id}`, { version: 1, type: 'potential' });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(2);
    const stale = await org.admin.patch(`/api/v1/customers/${created.id}`, {
      version: 1,
      name: 'Overwritten',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('STALE_RECORD');
    expect((await org.admin.get(`/api/v1/customers/${created.id}`)).body.name).toBe('Versioned Ltd');
    const missingVersion = await org.admin.patch(`/api/v1/customers/${created.id}`, { name: 'No version' });
    expect(missingVersion.status).toBe(400);
    expect(missingVersion.body.error.fields.version).toBeTruthy();
  });

  it('records who changed which field from what to what, in order', async () => {
    const created = await createCustomer(org.admin, { name: 'History Co', level: 'C', tags: ['a'] });
    await org.admin.patch(`/api/v1/customers/${created.id}`, {
      version: 1,
      level: 'A',
      tags: ['a', 'b'],
      name: 'History Co',
    });
    await org.admin.delete(`/api/v1/customers/${created.id}`);
    await org.admin.post(`/api/v1/customers/${created.id}/restore`);
    const history = await org.admin.get(`/api/v1/customers/${created.id}/history`);
    expect(history.status).toBe(200);
    const [restore, remove, update, create] = history.body.items;
    expect([restore.action, remove.action, update.action, create.action]).toEqual([
      'restore',
      'delete',
      'update',
      'create',
    ]);
    expect(update.actorName).toBe('Ada Admin');
    expect(update.changes).toEqual([
      { field: 'level', old: 'C', new: 'A' },
      { field: 'tags', old: ['a'], new: ['a', 'b'] },
    ]);
    expect(create.changes).toContainEqual({ field: 'name', old: null, new: 'History Co' });
  });

  it('deletes into the recycle bin and restores from it', async () => {
    const created = await createCustomer(org.admin, { name: 'Binned Inc' });
    expect((await org.admin.delete(`/api/v1/customers/${created.id}`)).status).toBe(200);
    const live = await org.admin.get('/api/v1/customers', { limit: 200 });
    expect(live.body.items.map((c: { id: string }) => c.id)).not.toContain(created.id);
    const bin = await org.admin.get('/api/v1/customers', { deleted: 'true' });
    expect(bin.body.items.map((c: { id: string }) => c.id)).toContain(created.id);
    expect((await org.admin.patch(`/api/v1/customers/${created.id}`, { version: 2, name: 'x' })).status).toBe(
      404,
    );
    const restored = await org.admin.post(`/api/v1/customers/${created.id}/restore`);
    expect(restored.status).toBe(200);
    expect(restored.body.deletedAt).toBeNull();
    expect((await org.admin.post(`/api/v1/customers/${created.id}/restore`)).status).toBe(409);
  });
});

describe('customer list: filters, sorting, keyset pages, search', () => {
  let t: TestApp;
  let org: Org;
  const names = [
    '北京星云科技有限公司',
    '上海海纳贸易有限公司',
    '深圳华信电子股份有限公司',
    '杭州云帆科技有限公司',
    'Acme Logistics Ltd.',
    'Globex Technology Inc.',
    '张伟',
  ];

  beforeAll(async () => {
    t = await buildTestApp();
    org = await setupOrganization(t.app);
    for (const [index, name] of names.entries()) {
      await createCustomer(org.admin, {
        name,
        kind: name === '张伟' ? 'individual' : 'company',
        type: index % 2 === 0 ? 'deal' : 'intent',
        level: index < 3 ? 'A' : 'B',
        industry: name.includes('科技') || name.includes('Technology') ? 'software' : 'other',
        source: 'exhibition',
        phones: [`1381234${String(index).padStart(4, '0')}`],
        email: `contact${index}@example${index}.com`,
        tags: index < 2 ? ['vip'] : [],
      });
      t.clock.advance(60_000);
    }
  });
  afterAll(() => t.close());

  const namesOf = (body: { items: Array<{ name: string }> }) => body.items.map((c) => c.name);

  it('finds customers by a two-character Chinese query', async () => {
    const response = await org.admin.get('/api/v1/customers', { q: '科技' });
    expect(response.status).toBe(200);
    expect(namesOf(response.body).sort()).toEqual(['北京星云科技有限公司', '杭州云帆科技有限公司'].sort());
  });

  it('finds customers by one character, by a longer part of the name, and case-insensitively', async () => {
    expect(namesOf((await org.admin.get('/api/v1/customers', { q: '张' })).body)).toEqual(['张伟']);
    expect(namesOf((await org.admin.get('/api/v1/customers', { q: '海纳贸易' })).body)).toEqual([
      '上海海纳贸易有限公司',
    ]);
    expect(namesOf((await org.admin.get('/api/v1/customers', { q: 'technology' })).body)).toEqual([
      'Globex Technology Inc.',
    ]);
    expect(namesOf((await org.admin.get('/api/v1/customers', { q: 'ac' })).body)).toEqual([
      'Acme Logistics Ltd.',
    ]);
  });

  it('finds customers by phone (any part, with or without separators) and by email', async () => {
    expect(namesOf((await org.admin.get('/api/v1/customers', { q: '13812340003' })).body)).toEqual([
      '杭州云帆科技有限公司',
    ]);
    expect(namesOf((await org.admin.get('/api/v1/customers', { q: '138-1234-0004' })).body)).toEqual([
      'Acme Logistics Ltd.',
    ]);
    expect((await org.admin.get('/api/v1/customers', { q: '1381234' })).body.items).toHaveLength(
      names.length,
    );
    expect(namesOf((await org.admin.get('/api/v1/customers', { q: 'contact5@example5.com' })).body)).toEqual([
      'Globex Technology Inc.',
    ]);
    expect(namesOf((await org.admin.get('/api/v1/customers', { q: 'example6' })).body)).toEqual(['张伟']);
    expect((await org.admin.get('/api/v1/customers', { q: 'nothing-like-this' })).body.items).toEqual([]);
  });

  it('treats search wildcards and FTS syntax in the query as plain text', async () => {
    for (const q of ['%', '_', '"', 'a" OR "b', '*', 'NEAR(a b)']) {
      const response = await org.admin.get('/api/v1/customers', { q });
      expect(response.status, q).toBe(200);
      expect(response.body.items, q).toEqual([]);
    }
  });

  it('filters by type, level, kind, tag, industry, source, owner, department and created range', async () => {
    const count = async (query: Record<string, string>) =>
      (await org.admin.get('/api/v1/customers', { ...query, limit: 200 })).body.items.length;
    expect(await count({ type: 'deal' })).toBe(4);
    expect(await count({ type: 'intent' })).toBe(3);
    expect(await count({ level: 'A' })).toBe(3);
    expect(await count({ kind: 'individual' })).toBe(1);
    expect(await count({ tag: 'vip' })).toBe(2);
    expect(await count({ industry: 'software' })).toBe(3);
    expect(await count({ source: 'exhibition' })).toBe(7);
    expect(await count({ ownerId: org.adminId })).toBe(7);
    expect(await count({ departmentId: org.rootDepartmentId })).toBe(7);
    expect(await count({ type: 'deal', level: 'A' })).toBe(2);
    expect(await count({ createdFrom: '2026-11-23', createdTo: '2026-11-23' })).toBe(7);
    expect(await count({ createdFrom: '2026-11-24' })).toBe(0);
    expect(await count({ q: '科技', type: 'deal' })).toBe(1);
  });

  it('sorts by any sortable column and walks keyset pages without gaps or repeats', async () => {
    for (const sort of [
      'name',
      '-name',
      'createdAt',
      '-createdAt',
      'updatedAt',
      '-updatedAt',
      'lastFollowUpAt',
      '-lastFollowUpAt',
    ]) {
      const all = namesOf((await org.admin.get('/api/v1/customers', { sort, limit: 200 })).body);
      const paged: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await org.admin.get('/api/v1/customers', { sort, limit: 2, cursor });
        expect(page.status).toBe(200);
        paged.push(...namesOf(page.body));
        cursor = page.body.nextCursor ?? undefined;
      } while (cursor);
      expect(paged, sort).toEqual(all);
      expect(new Set(paged).size).toBe(names.length);
    }
    const byName = namesOf((await org.admin.get('/api/v1/customers', { sort: 'name', limit: 200 })).body);
    expect(byName).toEqual([...byName].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const newest = namesOf((await org.admin.get('/api/v1/customers', { sort: '-createdAt', limit: 1 })).body);
    expect(newest).toEqual(['张伟']);
  });

  it('pages search results too', async () => {
    const paged: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await org.admin.get('/api/v1/customers', { q: '1381234', limit: 3, cursor });
      paged.push(...namesOf(page.body));
      cursor = page.body.nextCursor ?? undefined;
    } while (cursor);
    expect(paged.sort()).toEqual([...names].sort());
  });

  it('rejects a bad sort, limit or cursor with 400', async () => {
    expect((await org.admin.get('/api/v1/customers', { sort: 'password' })).status).toBe(400);
    expect((await org.admin.get('/api/v1/customers', { limit: 1000 })).status).toBe(400);
    const cursor = await org.admin.get('/api/v1/customers', { cursor: 'garbage!' });
    expect(cursor.status).toBe(400);
    expect(cursor.body.error.fields.cursor).toBeTruthy();
  });

  it('finds a renamed customer by its new name only', async () => {
    const created = await createCustomer(org.admin, { name: '旧名字公司' });
    await org.admin.patch(`/api/v1/customers/${created.id}`, { version: 1, name: '新名称集团' });
    expect(namesOf((await org.admin.get('/api/v1/customers', { q: '旧名' })).body)).toEqual([]);
    expect(namesOf((await org.admin.get('/api/v1/customers', { q: '新名' })).body)).toEqual(['新名称集团']);
  });
});

describe('customer list: a broad filter with another sort lets the sort index drive (same results)', () => {
  let t: TestApp;
  let org: Org;

  beforeAll(async () => {
    // A cap of 3 matches makes every filter here "broad", so the rewritten query is the one tested.
    t = await buildTestApp({ sortProbeCap: 3 });
    org = await setupOrganization(t.app);
    const names = ['Delta', 'alpha', 'Charlie', 'bravo', 'Echo', 'foxtrot', 'Golf', 'hotel'];
    for (const [index, name] of names.entries()) {
      await createCustomer(org.admin, {
        name,
        type: index % 3 === 0 ? 'intent' : 'deal',
        tags: index < 5 ? ['vip'] : [],
      });
      t.clock.advance(1000);
    }
  });
  afterAll(() => t.close());

  const walk = async (query: Record<string, string>) => {
    const names: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await org.admin.get('/api/v1/customers', { ...query, limit: 2, cursor });
      expect(page.status).toBe(200);
      names.push(...page.body.items.map((c: { name: string }) => c.name));
      cursor = page.body.nextCursor ?? undefined;
    } while (cursor);
    return names;
  };

  it('filters and sorts exactly as the plain query does', async () => {
    const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    expect(await walk({ type: 'deal', sort: 'name' })).toEqual(
      ['alpha', 'Charlie', 'Echo', 'foxtrot', 'hotel'].sort(byteOrder),
    );
    expect(await walk({ type: 'deal', sort: '-createdAt' })).toEqual([
      'hotel',
      'foxtrot',
      'Echo',
      'Charlie',
      'alpha',
    ]);
    expect(await walk({ tag: 'vip', type: 'deal', sort: 'createdAt' })).toEqual(['alpha', 'Charlie', 'Echo']);
    expect(await walk({ createdFrom: '2026-11-23', createdTo: '2026-11-23', sort: 'name' })).toHaveLength(8);
  });

  it('applies the data scope the same way', async () => {
    const rep = await createUser(t.app, org, { roleId: org.roles.rep });
    for (const name of ['Zulu', 'Yankee', 'Xray', 'Whiskey']) await createCustomer(rep.client, { name });
    const names: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await rep.client.get('/api/v1/customers', { sort: '-name', limit: 3, cursor });
      names.push(...page.body.items.map((c: { name: string }) => c.name));
      cursor = page.body.nextCursor ?? undefined;
    } while (cursor);
    expect(names).toEqual(['Zulu', 'Yankee', 'Xray', 'Whiskey']);
  });
});
