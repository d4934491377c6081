import { defaultPoolRules } from '@kehu/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomer, createUser, type Org, setupOrganization } from '../factories';
import { ApiClient, buildTestApp, type TestApp } from '../test-app';

describe('public web forms (web-to-lead)', () => {
  let t: TestApp;
  let org: Org;
  let visitor: ApiClient;
  let receiver: Awaited<ReturnType<typeof createUser>>;

  beforeAll(async () => {
    t = await buildTestApp({ formSubmissionsPerMinute: 5 });
    org = await setupOrganization(t.app, 'zh-CN');
    visitor = new ApiClient(t.app, undefined, 'zh-CN');
    receiver = await createUser(t.app, org, { roleId: org.roles.rep, name: '线索接收人' });
    await org.admin.post('/api/v1/custom-fields', {
      entity: 'customer',
      key: 'budget_range',
      label: '预算范围',
      type: 'select',
      options: [
        { value: 'low', label: '10 万以下' },
        { value: 'high', label: '10 万以上' },
      ],
    });
  });
  afterAll(() => t.close());

  const makeForm = async (overrides: Record<string, unknown> = {}) => {
    const response = await org.admin.post('/api/v1/web-forms', {
      name: '官网咨询',
      title: '联系我们',
      description: '留下信息，我们尽快回复',
      thankYou: '感谢您的留言！',
      fields: [
        { target: 'name', label: '公司名称', required: true },
        { target: 'contactName', required: true },
        { target: 'contactMobile', required: true },
        { target: 'email' },
        { target: 'custom.budget_range' },
        { target: 'notes', label: '需求' },
      ],
      receiverUserId: receiver.id,
      locale: 'zh-CN',
      ...overrides,
    });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body as { id: string; publicKey: string };
  };

  it('shows the form publicly and turns a submission into a customer with its contact, owned by the receiver', async () => {
    const form = await makeForm();
    expect(form.publicKey).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    const page = await visitor.get(`/api/v1/public/forms/${form.publicKey}`);
    expect(page.status).toBe(200);
    expect(
      page.body.fields.map((field: { name: string; label: string; type: string }) => [
        field.name,
        field.label,
        field.type,
      ]),
    ).toEqual([
      ['name', '公司名称', 'text'],
      ['contactName', '联系人', 'text'],
      ['contactMobile', '联系人手机', 'phone'],
      ['email', '邮箱', 'email'],
      ['custom.budget_range', '预算范围', 'select'],
      ['notes', '需求', 'textarea'],
    ]);
    expect(JSON.stringify(page.body)).not.toContain(receiver.id);

    const sent = await visitor.post(`/api/v1/public/forms/${form.publicKey}/submissions`, {
      values: {
        name: '  官网来的公司 ',
        contactName: '赵六',
        contactMobile: '139 8888 0001',
        email: 'Zhao@Lead.cn',
        'custom.budget_range': 'high',
        notes: '想了解报价',
      },
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    expect(sent.body).toEqual({ thankYou: '感谢您的留言！' });

    const found = (await receiver.client.get('/api/v1/customers', { q: '官网来的公司' })).body.items[0];
    expect(found).toMatchObject({
      name: '官网来的公司',
      source: '网页表单',
      ownerId: receiver.id,
      email: 'zhao@lead.cn',
      custom: { budget_range: 'high' },
      notes: '想了解报价',
    });
    const contacts = (await receiver.client.get('/api/v1/contacts', { customerId: found.id })).body.items;
    expect(contacts).toEqual([
      expect.objectContaining({ name: '赵六', mobile: '+8613988880001', isPrimary: true }),
    ]);
    const notices = (await receiver.client.get('/api/v1/notifications')).body.items;
    expect(notices[0]).toMatchObject({
      kind: 'webForm.submitted',
      payload: { form: '官网咨询', name: '官网来的公司' },
      link: `/customers/${found.id}`,
    });
    const submissions = (await org.admin.get(`/api/v1/web-forms/${form.id}/submissions`)).body.items;
    expect(submissions[0]).toMatchObject({ status: 'created', customerId: found.id });
  });

  it('names wrong or missing fields by the form’s own fields, and writes nothing', async () => {
    const form = await makeForm({ name: '校验表单' });
    const missing = await visitor.post(`/api/v1/public/forms/${form.publicKey}/submissions`, {
      values: { name: '只有名字' },
    });
    expect(missing.status).toBe(400);
    expect(Object.keys(missing.body.error.fields).sort()).toEqual(['contactMobile', 'contactName']);
    expect(missing.body.error.fields.contactName).toBe('必填。');
    const wrongPhone = await visitor.post(`/api/v1/public/forms/${form.publicKey}/submissions`, {
      values: { name: '错误电话公司', contactName: '钱七', contactMobile: '12345' },
    });
    expect(wrongPhone.status).toBe(400);
    expect(wrongPhone.body.error.fields.contactMobile).toBeTruthy();
    const unknown = await visitor.post(`/api/v1/public/forms/${form.publicKey}/submissions`, {
      values: { name: 'X', contactName: 'Y', contactMobile: '13988880009', ownerId: 'me' },
    });
    expect(unknown.body.error.fields.ownerId).toBeTruthy();
    expect((await org.admin.get('/api/v1/customers', { q: '错误电话公司' })).body.items).toEqual([]);
  });

  it('keeps bots out: the honeypot is answered politely and dropped; too many submissions per address are refused', async () => {
    const form = await makeForm({ name: '防垃圾表单' });
    const bot = await visitor.post(`/api/v1/public/forms/${form.publicKey}/submissions`, {
      values: { name: '机器人公司', contactName: 'Bot', contactMobile: '13988880100' },
      website_url: 'http://spam.example',
    });
    expect(bot.status).toBe(201);
    expect((await org.admin.get('/api/v1/customers', { q: '机器人公司' })).body.items).toEqual([]);
    const statuses: number[] = [];
    for (let index = 0; index < 7; index++) {
      const response = await visitor.post(`/api/v1/public/forms/${form.publicKey}/submissions`, {
        values: { name: `限流公司${index}`, contactName: '孙八', contactMobile: `1398888020${index}` },
      });
      statuses.push(response.status);
    }
    expect(statuses).toContain(429);
    const big = await visitor.post(`/api/v1/public/forms/${form.publicKey}/submissions`, {
      values: { notes: 'x'.repeat(40_000) },
    });
    expect([413, 429]).toContain(big.status);
  });

  it('records a blocked duplicate instead of creating it, and tells the receiver and the owner', async () => {
    const owner = await createUser(t.app, org, { roleId: org.roles.rep, name: '老客户负责人' });
    await createCustomer(owner.client, { name: '已有的老客户', phones: ['13988880300'] });
    await org.admin.put('/api/v1/settings/data-quality', {
      phoneRegion: 'CN',
      nameSimilarityThreshold: 0.85,
      duplicateRules: {
        manual: { phone: 'block', email: 'block', name: 'warn' },
        import: { phone: 'block', email: 'block', name: 'off' },
        webForm: { phone: 'block', email: 'warn', name: 'off' },
      },
    });
    const form = await makeForm({ name: '查重表单' });
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/public/forms/${form.publicKey}/submissions`,
      remoteAddress: '10.1.2.3',
      payload: { values: { name: '换了个名字', contactName: '周九', contactMobile: '13988880300' } },
    });
    expect(response.statusCode).toBe(201);
    const submissions = (await org.admin.get(`/api/v1/web-forms/${form.id}/submissions`)).body.items;
    expect(submissions[0]).toMatchObject({ status: 'duplicate', customerId: null });
    expect((await org.admin.get('/api/v1/customers', { q: '换了个名字' })).body.items).toEqual([]);
    const ownerNotes = (await owner.client.get('/api/v1/notifications')).body.items;
    expect(ownerNotes[0]).toMatchObject({ kind: 'webForm.duplicate', payload: { existing: '已有的老客户' } });
  });

  it('puts submissions into a pool when the pool receives them; closed forms and unknown keys are 404', async () => {
    const pool = (
      await org.admin.post('/api/v1/pools', {
        name: '线索池',
        rules: defaultPoolRules,
        adminIds: [receiver.id],
      })
    ).body;
    const form = await makeForm({ name: '进公海的表单', receiverUserId: null, receiverPoolId: pool.id });
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/public/forms/${form.publicKey}/submissions`,
      remoteAddress: '10.9.9.9',
      payload: { values: { name: '公海线索公司', contactName: '吴十', contactMobile: '13988880400' } },
    });
    expect(response.statusCode).toBe(201);
    const pooled = (await org.admin.get(`/api/v1/pools/${pool.id}/customers`)).body.items;
    expect(pooled.map((c: { name: string }) => c.name)).toContain('公海线索公司');
    // A new lead had no owner: the form's creator is not its previous owner (no cooldown for them).
    expect(pooled.find((c: { name: string }) => c.name === '公海线索公司')).toMatchObject({
      previousOwnerName: null,
    });
    await org.admin.patch(`/api/v1/web-forms/${form.id}`, { active: false });
    expect((await visitor.get(`/api/v1/public/forms/${form.publicKey}`)).status).toBe(404);
    expect((await visitor.get('/api/v1/public/forms/AAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404);
    const twoReceivers = await org.admin.post('/api/v1/web-forms', {
      name: 'x',
      title: 'x',
      thankYou: 'x',
      fields: [{ target: 'name' }],
      receiverUserId: receiver.id,
      receiverPoolId: pool.id,
      locale: 'en',
    });
    expect(twoReceivers.body.error.fields.receiverUserId).toBeTruthy();
    const refused = await receiver.client.post('/api/v1/web-forms', {
      name: 'x',
      title: 'x',
      thankYou: 'x',
      fields: [{ target: 'name' }],
      receiverUserId: receiver.id,
      locale: 'en',
    });
    expect(refused.status).toBe(403);
  });
});

describe('public web forms: bad values of the customer fields', () => {
  let t: TestApp;
  let org: Org;

  beforeAll(async () => {
    t = await buildTestApp({ formSubmissionsPerMinute: 100 });
    org = await setupOrganization(t.app, 'zh-CN');
  });
  afterAll(() => t.close());

  it('answers 400 by the form field, in the form language, never 500, and writes nothing', async () => {
    const created = await org.admin.post('/api/v1/web-forms', {
      name: '校验',
      title: '联系我们',
      thankYou: '谢谢',
      fields: [
        { target: 'name', required: true },
        { target: 'phone' },
        { target: 'email' },
        { target: 'contactName', required: true },
      ],
      receiverUserId: org.adminId,
      locale: 'zh-CN',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const visitor = new ApiClient(t.app, undefined, 'zh-CN');
    const post = (values: object) =>
      visitor.post(`/api/v1/public/forms/${created.body.publicKey}/submissions`, { values });
    const person = { contactName: '钱七' };
    const badPhone = await post({ name: '电话错误公司', phone: '12', ...person });
    expect([badPhone.status, Object.keys(badPhone.body.error.fields)]).toEqual([400, ['phone']]);
    const badEmail = await post({ name: '邮箱错误公司', email: 'nope', ...person });
    expect([badEmail.status, Object.keys(badEmail.body.error.fields)]).toEqual([400, ['email']]);
    expect(badEmail.body.error.fields.email).toContain('邮箱');
    const longName = await post({ name: '长'.repeat(300), ...person });
    expect([longName.status, Object.keys(longName.body.error.fields)]).toEqual([400, ['name']]);
    const listName = await post({ name: ['数组'], ...person });
    expect([listName.status, Object.keys(listName.body.error.fields)]).toEqual([400, ['name']]);
    const spaces = await post({ name: '空格联系人公司', contactName: '   ' });
    expect([spaces.status, spaces.body.error.fields]).toEqual([400, { contactName: '必填。' }]);
    expect((await org.admin.get('/api/v1/customers')).body.items).toEqual([]);
  });

  it('takes a lead although a required custom field is not on the form', async () => {
    await org.admin.post('/api/v1/custom-fields', {
      entity: 'customer',
      key: 'erp_system',
      label: '现用系统',
      type: 'text',
      required: true,
    });
    const created = await org.admin.post('/api/v1/web-forms', {
      name: '无必填字段的表单',
      title: '联系我们',
      thankYou: '谢谢',
      fields: [{ target: 'name', required: true }, { target: 'phone' }],
      receiverUserId: org.adminId,
      locale: 'zh-CN',
    });
    const visitor = new ApiClient(t.app, undefined, 'zh-CN');
    const sent = await visitor.post(`/api/v1/public/forms/${created.body.publicKey}/submissions`, {
      values: { name: '必填字段不在表单上', phone: '13900001234' },
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    // Entered by hand, the field is still required.
    const manual = await org.admin.post('/api/v1/customers', { name: '手工录入' });
    expect(Object.keys(manual.body.error.fields)).toEqual(['custom.erp_system']);
  });
});
