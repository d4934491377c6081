import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomer, createUser, type Org, setupOrganization } from '../factories';
import { buildTestApp, type TestApp } from '../test-app';

describe('customer export', () => {
  let t: TestApp;
  let org: Org;

  beforeAll(async () => {
    t = await buildTestApp();
    org = await setupOrganization(t.app, 'zh-CN');
    await org.admin.post('/api/v1/custom-fields', {
      entity: 'customer',
      key: 'tier',
      label: '等级标签',
      type: 'select',
      options: [{ value: 'gold', label: '金牌' }],
    });
  });
  afterAll(() => t.close());

  const exportAs = async (client: typeof org.admin, body: object) => {
    const created = await client.post('/api/v1/exports', body);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    await t.services.jobs.drain();
    const done = (await client.get(`/api/v1/exports/${created.body.id}`)).body;
    expect(done.status).toBe('succeeded');
    return { done, download: await client.request('GET', `/api/v1/exports/${created.body.id}/download`) };
  };

  it('exports the filtered list to CSV with headers in the user language and formulas neutralised', async () => {
    await createCustomer(org.admin, {
      name: '导出测试甲有限公司',
      type: 'deal',
      phones: ['13811110001'],
      tags: ['导出'],
      custom: { tier: 'gold' },
    });
    await createCustomer(org.admin, { name: '=1+2 导出测试乙', tags: ['导出'], phones: ['13811110002'] });
    await createCustomer(org.admin, { name: '不导出的客户' });
    const { done, download } = await exportAs(org.admin, {
      entity: 'customer',
      format: 'csv',
      filters: { tag: '导出' },
    });
    expect(done.rowsDone).toBe(2);
    expect(download.status).toBe(200);
    expect(String(download.headers['content-disposition'])).toContain('customers-');
    const lines = String(download.body)
      .replace(/^\ufeff/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toContain('客户名称,客户类别,客户类型');
    expect(lines[0]).toContain('等级标签');
    expect(lines).toHaveLength(3);
    const body = lines.join('\n');
    expect(body).toContain('导出测试甲有限公司,公司,成交');
    expect(body).toContain('金牌');
    expect(body).toContain("'=1+2 导出测试乙");
    expect(body).not.toContain('不导出的客户');
    // Phone numbers are numbers, not formulas: no apostrophe in front of each one.
    expect(body).toContain(',+8613811110001,');
  });

  it('takes its own export back: an edited export re-imports, formulas still text, several phones per cell', async () => {
    const source = await createCustomer(org.admin, {
      name: '+往返 测试',
      tags: ['往返'],
      phones: ['13811110021', '021 6123 4567'],
      notes: '@备注',
    });
    const { download } = await exportAs(org.admin, {
      entity: 'customer',
      format: 'csv',
      filters: { tag: '往返' },
    });
    const exported = String(download.body);
    expect(exported).toContain("'+往返 测试");
    expect(exported).toContain('+8613811110021 / +862161234567');
    // The user deletes the original and imports the file again, as a backup or after editing it.
    expect((await org.admin.delete(`/api/v1/customers/${source.id}`)).status).toBe(200);
    const upload = (await org.admin.upload('/api/v1/imports', 'roundtrip.csv', exported)).body;
    expect(upload.mapping.slice(0, 2)).toEqual(['name', 'kind']);
    expect(upload.mapping[10]).toBe('phone');
    await org.admin.post(`/api/v1/imports/${upload.id}/start`, {
      mapping: upload.mapping,
      duplicatePolicy: 'create',
    });
    await t.services.jobs.drain();
    expect((await org.admin.get(`/api/v1/imports/${upload.id}`)).body.counts).toMatchObject({
      created: 1,
      failed: 0,
    });
    const back = (await org.admin.get('/api/v1/customers', { tag: '往返' })).body.items[0];
    expect(back).toMatchObject({
      name: '+往返 测试',
      phones: ['+8613811110021', '+862161234567'],
      notes: '@备注',
    });
  });

  it('exports xlsx, honours the search, and only holds the records the user may see', async () => {
    const rep = await createUser(t.app, org, { roleId: org.roles.rep, name: '导出员' });
    const repRole = await org.admin.get(`/api/v1/roles/${org.roles.rep}`);
    await org.admin.patch(`/api/v1/roles/${org.roles.rep}`, {
      permissions: {
        ...repRole.body.permissions,
        customers: [...repRole.body.permissions.customers, 'export'],
      },
    });
    await createCustomer(rep.client, { name: '导出员自己的客户' });
    const created = await rep.client.post('/api/v1/exports', {
      entity: 'customer',
      format: 'xlsx',
      filters: { q: '导出' },
    });
    expect(created.status).toBe(201);
    await t.services.jobs.drain();
    const file = await rep.client.download(`/api/v1/exports/${created.body.id}/download`);
    expect(file.status).toBe(200);
    expect(String(file.headers['content-type'])).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const names: string[] = [];
    sheet?.eachRow((row, number) => {
      if (number > 1) names.push(String(row.getCell(1).value));
    });
    // The admin's 导出… customers match the search too, but the rep may not see them.
    expect(names).toEqual(['导出员自己的客户']);
    expect(sheet?.getRow(1).getCell(1).value).toBe('客户名称');
    // xlsx cells are text, never formulas: no apostrophe is written into them.
    await createCustomer(rep.client, { name: '=SUM(1,2) 导出员', phones: ['13811110031'] });
    const second = await rep.client.post('/api/v1/exports', {
      entity: 'customer',
      format: 'xlsx',
      filters: { q: '导出员' },
    });
    await t.services.jobs.drain();
    const again = new ExcelJS.Workbook();
    await again.xlsx.load(
      (await rep.client.download(`/api/v1/exports/${second.body.id}/download`))
        .bytes as unknown as ArrayBuffer,
    );
    const cells = (again.worksheets[0]?.getSheetValues() ?? []).flat().map(String);
    expect(cells).toContain('=SUM(1,2) 导出员');
    expect(cells).toContain('+8613811110031');
  });

  it('refuses users without the export permission, and someone else’s export', async () => {
    const rep = await createUser(t.app, org, { roleId: org.roles.manager });
    const mine = await org.admin.post('/api/v1/exports', { entity: 'customer', format: 'csv' });
    expect((await rep.client.get(`/api/v1/exports/${mine.body.id}`)).status).toBe(404);
    // (the rep role got `export` in the previous test; a role without it:)
    const role = await org.admin.post('/api/v1/roles', {
      name: '只看',
      dataScope: 'own',
      permissions: { customers: ['view'] },
    });
    const viewer = await createUser(t.app, org, { roleId: role.body.id });
    expect((await viewer.client.post('/api/v1/exports', { entity: 'customer', format: 'csv' })).status).toBe(
      403,
    );
    const badFilter = await org.admin.post('/api/v1/exports', {
      entity: 'customer',
      format: 'csv',
      filters: { custom: '{"nope":1}' },
    });
    expect(badFilter.status).toBe(400);
    const notReady = await org.admin.post('/api/v1/exports', { entity: 'customer', format: 'csv' });
    expect((await org.admin.request('GET', `/api/v1/exports/${notReady.body.id}/download`)).status).toBe(422);
  });
});
