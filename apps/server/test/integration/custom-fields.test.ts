import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomer, createUser, type Org, setupOrganization } from '../factories';
import { buildTestApp, type TestApp } from '../test-app';

describe('custom fields', () => {
  let t: TestApp;
  let org: Org;

  beforeAll(async () => {
    t = await buildTestApp();
    org = await setupOrganization(t.app);
    const fields = [
      {
        entity: 'customer',
        key: 'size',
        label: '规模',
        type: 'select',
        options: [
          { value: 'small', label: '小' },
          { value: 'large', label: '大' },
        ],
        filterable: true,
        showInList: true,
        sort: 1,
      },
      { entity: 'customer', key: 'score', label: 'Score', type: 'number', filterable: true, sort: 2 },
      { entity: 'customer', key: 'budget', label: '预算', type: 'money', sort: 3 },
      {
        entity: 'customer',
        key: 'channels',
        label: '渠道',
        type: 'multiSelect',
        options: [
          { value: 'web', label: 'Web' },
          { value: 'shop', label: '门店' },
        ],
        filterable: true,
        sort: 4,
      },
      { entity: 'customer', key: 'signed_on', label: '签约日', type: 'date', sort: 5 },
      { entity: 'customer', key: 'vip', label: 'VIP', type: 'boolean', filterable: true, sort: 6 },
      { entity: 'customer', key: 'hotline', label: '热线', type: 'phone', sort: 7 },
      { entity: 'customer', key: 'homepage', label: '主页', type: 'url', sort: 8 },
      { entity: 'contact', key: 'hobby', label: '爱好', type: 'text', required: true },
    ];
    for (const field of fields) {
      const response = await org.admin.post('/api/v1/custom-fields', field);
      expect(response.status, JSON.stringify(response.body)).toBe(201);
    }
  });
  afterAll(() => t.close());

  it('lists definitions in form order to every user, and lets only administrators define them', async () => {
    const rep = await createUser(t.app, org, { roleId: org.roles.rep });
    const list = await rep.client.get('/api/v1/custom-fields', { entity: 'customer' });
    expect(list.status).toBe(200);
    expect(list.body.items.map((field: { key: string }) => field.key)).toEqual([
      'size',
      'score',
      'budget',
      'channels',
      'signed_on',
      'vip',
      'hotline',
      'homepage',
    ]);
    const forbidden = await rep.client.post('/api/v1/custom-fields', {
      entity: 'customer',
      key: 'x',
      label: 'X',
      type: 'text',
    });
    expect(forbidden.status).toBe(403);
    const taken = await org.admin.post('/api/v1/custom-fields', {
      entity: 'customer',
      key: 'size',
      label: 'X',
      type: 'text',
    });
    expect(taken.status).toBe(409);
    const badKey = await org.admin.post('/api/v1/custom-fields', {
      entity: 'customer',
      key: 'Bad Key',
      label: 'X',
      type: 'text',
    });
    expect(badKey.body.error.fields.key).toBeTruthy();
    const noOptions = await org.admin.post('/api/v1/custom-fields', {
      entity: 'customer',
      key: 'tier',
      label: 'Tier',
      type: 'select',
    });
    expect(noOptions.body.error.fields.options).toBeTruthy();
  });

  it('stores checked, normalised values and reads them back', async () => {
    const created = await org.admin.post('/api/v1/customers', {
      name: '自定义字段客户',
      custom: {
        size: 'large',
        score: '4.5',
        budget: 1_250_000,
        channels: ['web', 'shop', 'web'],
        signed_on: '2026-11-30',
        vip: true,
        hotline: '400-800-8888',
        homepage: 'https://example.cn',
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.custom).toEqual({
      size: 'large',
      score: 4.5,
      budget: 1_250_000,
      channels: ['web', 'shop'],
      signed_on: '2026-11-30',
      vip: true,
      hotline: '+864008008888',
      homepage: 'https://example.cn',
    });
    const updated = await org.admin.patch(`/api/v1/customers/${created.body.id}`, {
      version: created.body.version,
      custom: { score: 3, homepage: null },
    });
    expect(updated.status).toBe(200);
    expect(updated.body.custom).toMatchObject({ size: 'large', score: 3 });
    expect(updated.body.custom).not.toHaveProperty('homepage');
    const history = await org.admin.get(`/api/v1/customers/${created.body.id}/history`);
    expect(history.body.items[0].changes.map((change: { field: string }) => change.field)).toContain(
      'custom',
    );
  });

  it('refuses wrong values field by field, in the caller language, writing nothing', async () => {
    const response = await org.admin.inLocale('zh-CN').post('/api/v1/customers', {
      name: '错误值客户',
      custom: {
        size: 'huge',
        score: 'many',
        budget: 12.5,
        channels: 'web',
        signed_on: '30/11/2026',
        vip: 'yes',
        hotline: '123',
        nope: 1,
      },
    });
    expect(response.status).toBe(400);
    expect(Object.keys(response.body.error.fields).sort()).toEqual(
      [
        'custom.budget',
        'custom.channels',
        'custom.hotline',
        'custom.nope',
        'custom.score',
        'custom.signed_on',
        'custom.size',
        'custom.vip',
      ].sort(),
    );
    expect(response.body.error.fields['custom.size']).toBe('请从列出的选项中选择。');
    const found = await org.admin.get('/api/v1/customers', { q: '错误值客户' });
    expect(found.body.items).toEqual([]);
    // Days that do not exist; text over its limit (the limit is named).
    const days = await org.admin.inLocale('en').post('/api/v1/customers', {
      name: '不存在的日期',
      custom: { signed_on: '2023-02-31' },
    });
    expect(days.body.error.fields).toEqual({ 'custom.signed_on': 'Enter a date as YYYY-MM-DD.' });
    expect(
      (
        await org.admin.inLocale('en').post('/api/v1/customers', {
          name: '不存在的日期',
          custom: { signed_on: '2024-02-29' },
        })
      ).status,
    ).toBe(201);
  });

  it('takes a blank value as no value: a number is not 0, a required field is not filled', async () => {
    const blank = await createCustomer(org.admin, { name: '空白数字客户', custom: { score: '   ' } });
    expect((await org.admin.get(`/api/v1/customers/${blank.id}`)).body.custom.score).toBeUndefined();
    const contact = await org.admin.inLocale('en').post('/api/v1/contacts', {
      customerId: blank.id,
      name: '空白爱好',
      custom: { hobby: '  ' },
    });
    expect([contact.status, contact.body.error.fields]).toEqual([400, { 'custom.hobby': 'Required.' }]);
  });

  it('requires a required field on create, and on update only when it is sent', async () => {
    const customer = await createCustomer(org.admin, { name: '联系人字段客户' });
    const missing = await org.admin.post('/api/v1/contacts', { customerId: customer.id, name: '没有爱好' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields['custom.hobby']).toBeTruthy();
    const contact = await org.admin.post('/api/v1/contacts', {
      customerId: customer.id,
      name: '有爱好',
      custom: { hobby: ' 钓鱼 ' },
    });
    expect(contact.status).toBe(201);
    expect(contact.body.custom).toEqual({ hobby: '钓鱼' });
    const rename = await org.admin.patch(`/api/v1/contacts/${contact.body.id}`, {
      version: contact.body.version,
      name: '改名',
    });
    expect(rename.status).toBe(200);
    const cleared = await org.admin.patch(`/api/v1/contacts/${contact.body.id}`, {
      version: rename.body.version,
      custom: { hobby: null },
    });
    expect(cleared.status).toBe(400);
  });

  it('filters lists by filterable custom fields, and refuses the others', async () => {
    const a = await createCustomer(org.admin, {
      name: '筛选甲',
      custom: { size: 'small', score: 2, channels: ['web'], vip: false },
    });
    const b = await createCustomer(org.admin, {
      name: '筛选乙',
      custom: { size: 'large', score: 5, channels: ['shop', 'web'], vip: true },
    });
    const names = async (custom: object) =>
      (await org.admin.get('/api/v1/customers', { custom: JSON.stringify(custom), limit: 200 })).body.items
        .map((item: { id: string }) => item.id)
        .filter((id: string) => id === a.id || id === b.id);
    expect(await names({ size: 'small' })).toEqual([a.id]);
    expect(await names({ score: { min: 3 } })).toEqual([b.id]);
    expect(await names({ score: 5 })).toEqual([b.id]);
    expect(await names({ score: { min: 1, max: 2 } })).toEqual([a.id]);
    expect(await names({ channels: 'shop' })).toEqual([b.id]);
    expect((await names({ channels: 'web' })).sort()).toEqual([a.id, b.id].sort());
    expect(await names({ vip: true })).toEqual([b.id]);
    expect(await names({ vip: false })).toEqual([a.id]);
    const counts = await org.admin.get('/api/v1/customers/type-counts', {
      custom: JSON.stringify({ size: 'large' }),
    });
    expect(counts.body.counts.intent).toBeGreaterThanOrEqual(1);
    const notFilterable = await org.admin.get('/api/v1/customers', { custom: JSON.stringify({ budget: 1 }) });
    expect(notFilterable.status).toBe(400);
    expect(notFilterable.body.error.fields['custom.budget']).toBeTruthy();
    const notJson = await org.admin.get('/api/v1/customers', { custom: '{oops' });
    expect(notJson.status).toBe(400);
  });

  it('archives a field: hidden from forms, values kept, no longer accepted; options may be relabelled, not removed', async () => {
    const list = (await org.admin.get('/api/v1/custom-fields', { entity: 'customer' })).body.items;
    const size = list.find((field: { key: string }) => field.key === 'size');
    const removed = await org.admin.patch(`/api/v1/custom-fields/${size.id}`, {
      options: [{ value: 'small', label: '小' }],
    });
    expect(removed.status).toBe(400);
    const relabelled = await org.admin.patch(`/api/v1/custom-fields/${size.id}`, {
      options: [
        { value: 'small', label: '小型' },
        { value: 'large', label: '大型' },
        { value: 'mid', label: '中型' },
      ],
    });
    expect(relabelled.status).toBe(200);
    const customer = await createCustomer(org.admin, { name: '归档字段客户', custom: { size: 'mid' } });
    const archived = await org.admin.patch(`/api/v1/custom-fields/${size.id}`, { archived: true });
    expect(archived.body.archived).toBe(true);
    expect(
      (await org.admin.get('/api/v1/custom-fields', { entity: 'customer' })).body.items.map(
        (f: { key: string }) => f.key,
      ),
    ).not.toContain('size');
    expect((await org.admin.get(`/api/v1/customers/${customer.id}`)).body.custom.size).toBe('mid');
    const refused = await org.admin.patch(`/api/v1/customers/${customer.id}`, {
      version: customer.version,
      custom: { size: 'small' },
    });
    expect(refused.status).toBe(400);
  });
});
