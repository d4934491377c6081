import { defaultDataQualitySettings } from '@kehu/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomer, createDepartment, createUser, type Org, setupOrganization } from '../factories';
import { buildTestApp, type TestApp } from '../test-app';

describe('customer data quality', () => {
  let t: TestApp;
  let org: Org;

  beforeAll(async () => {
    t = await buildTestApp();
    org = await setupOrganization(t.app);
  });
  afterAll(() => t.close());

  it('normalises phones to E.164, emails, full-width names and short region names on create and update', async () => {
    const created = await org.admin.post('/api/v1/customers', {
      name: '  ＡＢＣ　测试贸易有限公司 ',
      phones: ['（010）8888 6666', '138-0013-8001', '+86 138 0013 8001'],
      email: 'Info@ABC-Trade.CN',
      province: '广东',
      city: '深圳',
      district: '南山区',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      name: 'ABC 测试贸易有限公司',
      phones: ['+861088886666', '+8613800138001'],
      email: 'info@abc-trade.cn',
      province: '广东省',
      city: '深圳市',
      district: '南山区',
    });
    const updated = await org.admin.patch(`/api/v1/customers/${created.body.id}`, {
      version: created.body.version,
      district: '福田区',
      phones: ['0755 2345 6789'],
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      province: '广东省',
      city: '深圳市',
      district: '福田区',
      phones: ['+8675523456789'],
    });
    // The national form of a stored number still finds it.
    const found = await org.admin.get('/api/v1/customers', { q: '0755 2345' });
    expect(found.body.items.map((item: { id: string }) => item.id)).toContain(created.body.id);
  });

  it('names every wrong field at once, in the caller language, and writes nothing', async () => {
    const before = (await org.admin.get('/api/v1/customers', { limit: 200 })).body.items.length;
    const response = await org.admin.inLocale('zh-CN').post('/api/v1/customers', {
      name: '区域错误公司',
      phones: ['12345'],
      province: '广东省',
      city: '杭州市',
    });
    expect(response.status).toBe(400);
    expect(Object.keys(response.body.error.fields).sort()).toEqual(['city', 'phones.0']);
    expect(response.body.error.fields.city).toMatch(/省|市/);
    const unknownProvince = await org.admin.post('/api/v1/customers', { name: 'X', province: '火星省' });
    expect(unknownProvince.status).toBe(400);
    expect(unknownProvince.body.error.fields.province).toBeTruthy();
    expect((await org.admin.get('/api/v1/customers', { limit: 200 })).body.items.length).toBe(before);
  });

  it('blocks a customer whose phone another rep already has, telling who owns it but nothing else', async () => {
    const east = await createDepartment(org, 'East');
    const owner = await createUser(t.app, org, {
      roleId: org.roles.rep,
      departmentId: east,
      name: 'Owner Rep',
    });
    const other = await createUser(t.app, org, { roleId: org.roles.rep, name: 'Other Rep' });
    await createCustomer(owner.client, {
      name: '独特电话公司',
      phones: ['13900139000'],
      email: 'boss@unique.cn',
    });

    const check = await other.client.post('/api/v1/customers/duplicate-check', {
      phones: ['+86 139 0013 9000'],
    });
    expect(check.status).toBe(200);
    expect(check.body.verdict).toBe('block');
    expect(check.body.matches).toEqual([
      {
        customerId: null,
        name: '独特电话公司',
        matchedOn: ['phone'],
        similarity: null,
        ownerName: 'Owner Rep',
        departmentName: 'East',
        poolName: null,
        visible: false,
        action: 'block',
      },
    ]);

    const blocked = await other.client.post('/api/v1/customers', {
      name: 'Another name',
      phones: ['139 0013 9000'],
      acknowledgeDuplicates: true,
    });
    expect(blocked.status).toBe(409);
    expect(blocked.body.error.code).toBe('DUPLICATE_BLOCKED');
    expect(blocked.body.error.details.duplicates[0]).toMatchObject({
      ownerName: 'Owner Rep',
      visible: false,
    });
    expect(JSON.stringify(blocked.body)).not.toContain('13900139000');

    // The owner sees it as theirs, with its id.
    const own = await owner.client.post('/api/v1/customers/duplicate-check', { email: 'BOSS@unique.cn' });
    expect(own.body.matches[0]).toMatchObject({ visible: true, matchedOn: ['email'] });
    expect(own.body.matches[0].customerId).toBeTruthy();
  });

  it('finds a contact phone as a duplicate of its customer', async () => {
    const customer = await createCustomer(org.admin, { name: '联系人电话公司' });
    const contact = await org.admin.post('/api/v1/contacts', {
      customerId: customer.id,
      name: '王五',
      mobile: '137 0013 7000',
    });
    expect(contact.status).toBe(201);
    expect(contact.body.mobile).toBe('+8613700137000');
    const check = await org.admin.post('/api/v1/customers/duplicate-check', { phones: ['13700137000'] });
    expect(check.body.matches.map((match: { customerId: string }) => match.customerId)).toEqual([
      customer.id,
    ]);
    const deleted = await org.admin.delete(`/api/v1/contacts/${contact.body.id}`);
    expect(deleted.status).toBe(200);
    const after = await org.admin.post('/api/v1/customers/duplicate-check', { phones: ['13700137000'] });
    expect(after.body.matches).toEqual([]);
  });

  it('warns about a similar company name and saves once the user acknowledges it', async () => {
    await createCustomer(org.admin, { name: '北京星云科技有限公司' });
    for (const name of ['北京星云科技股份有限公司', '北京星云科技（集团）', '北京星云料技有限公司']) {
      const warned = await org.admin.post('/api/v1/customers', { name });
      expect(warned.status, name).toBe(409);
      expect(warned.body.error.code).toBe('DUPLICATE_WARNING');
      expect(warned.body.error.details.duplicates[0]).toMatchObject({
        name: '北京星云科技有限公司',
        matchedOn: ['name'],
      });
      expect(warned.body.error.details.duplicates[0].similarity).toBeGreaterThanOrEqual(0.85);
    }
    const different = await org.admin.post('/api/v1/customers', { name: '上海远航物流有限公司' });
    expect(different.status).toBe(201);
    const saved = await org.admin.post('/api/v1/customers', {
      name: '北京星云科技股份有限公司',
      acknowledgeDuplicates: true,
    });
    expect(saved.status).toBe(201);
    // Editing a customer does not find itself.
    const renamed = await org.admin.patch(`/api/v1/customers/${different.body.id}`, {
      version: different.body.version,
      name: '上海远航物流股份有限公司',
    });
    expect(renamed.status).toBe(200);
  });

  it('lets an administrator change the rules and the phone region, and refuses others', async () => {
    const rep = await createUser(t.app, org, { roleId: org.roles.rep });
    expect((await rep.client.get('/api/v1/settings/data-quality')).status).toBe(403);
    const read = await org.admin.get('/api/v1/settings/data-quality');
    expect(read.body).toEqual(defaultDataQualitySettings);

    const bad = await org.admin.inLocale('zh-CN').put('/api/v1/settings/data-quality', {
      ...defaultDataQualitySettings,
      phoneRegion: 'XX',
      nameSimilarityThreshold: 2,
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['nameSimilarityThreshold']);
    const badRegion = await org.admin.put('/api/v1/settings/data-quality', {
      ...defaultDataQualitySettings,
      phoneRegion: 'XX',
    });
    expect(badRegion.status).toBe(400);
    expect(badRegion.body.error.fields.phoneRegion).toBeTruthy();

    const changed = await org.admin.put('/api/v1/settings/data-quality', {
      ...defaultDataQualitySettings,
      phoneRegion: 'US',
      duplicateRules: {
        ...defaultDataQualitySettings.duplicateRules,
        manual: { phone: 'warn', email: 'off', name: 'block' },
      },
    });
    expect(changed.status).toBe(200);
    const american = await org.admin.post('/api/v1/customers', {
      name: 'Golden Gate Bakery',
      phones: ['(415) 555-2671'],
    });
    expect(american.status).toBe(201);
    expect(american.body.phones).toEqual(['+14155552671']);
    const nameBlocked = await org.admin.post('/api/v1/customers', {
      name: 'Golden Gate Bakery LLC',
      acknowledgeDuplicates: true,
    });
    expect(nameBlocked.status).toBe(409);
    expect(nameBlocked.body.error.code).toBe('DUPLICATE_BLOCKED');
    const phoneWarned = await org.admin.post('/api/v1/customers', {
      name: 'Other Bakery',
      phones: ['+1 415 555 2671'],
    });
    expect(phoneWarned.body.error.code).toBe('DUPLICATE_WARNING');
    const history = await org.admin.get('/api/v1/customers', { limit: 1 });
    expect(history.status).toBe(200);
    await org.admin.put('/api/v1/settings/data-quality', defaultDataQualitySettings);
  });

  it('backfills name keys and identities of rows stored without them', async () => {
    const customer = await createCustomer(org.admin, { name: '回填测试有限公司', phones: ['13600136000'] });
    const contact = await org.admin.post('/api/v1/contacts', {
      customerId: customer.id,
      name: '回填联系人',
      mobile: '13600136001',
    });
    expect(contact.status).toBe(201);
    await t.database.db
      .updateTable('customers')
      .set({ name_key: null })
      .where('id', '=', customer.id)
      .execute();
    await t.database.db.deleteFrom('customer_identities').where('customer_id', '=', customer.id).execute();
    const { backfillCustomerKeys } = await import('../../src/modules/customers/customer-backfill');
    expect(
      await backfillCustomerKeys(t.database.db, t.services.customers.repository, t.services.settings),
    ).toBe(1);
    const check = await org.admin.post('/api/v1/customers/duplicate-check', {
      name: '回填测试',
      phones: ['136 0013 6000'],
    });
    expect(check.body.matches[0]).toMatchObject({ customerId: customer.id, matchedOn: ['phone', 'name'] });
    const byContact = await org.admin.post('/api/v1/customers/duplicate-check', {
      phones: ['136-0013-6001'],
    });
    expect(byContact.body.matches.map((match: { customerId: string }) => match.customerId)).toEqual([
      customer.id,
    ]);
  });
});
