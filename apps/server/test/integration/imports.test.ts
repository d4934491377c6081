import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCustomer, createUser, type Org, setupOrganization } from '../factories';
import { buildTestApp, type TestApp } from '../test-app';

/**
 * Text in a legacy double-byte encoding (Node encodes only UTF-8 and UTF-16): the bytes come from a
 * table built with the encoding's decoder, for the characters used here.
 */
const legacyEncoded = (encoding: 'gb18030' | 'shift_jis') => {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder(encoding, { fatal: true });
  for (let high = 0x81; high <= 0xfe; high++) {
    for (let low = 0x40; low <= 0xfe; low++) {
      try {
        const char = decoder.decode(new Uint8Array([high, low]));
        if (char.length === 1 && !table.has(char)) table.set(char, [high, low]);
      } catch {
        // not a character of this encoding
      }
    }
  }
  return (text: string) => {
    const bytes: number[] = [];
    for (const char of text) {
      const code = char.codePointAt(0) as number;
      if (code < 0x80) bytes.push(code);
      else bytes.push(...(table.get(char) ?? [0x3f]));
    }
    return Buffer.from(bytes);
  };
};
const gbk = legacyEncoded('gb18030');
const shiftJis = legacyEncoded('shift_jis');

describe('customer import', () => {
  let t: TestApp;
  let org: Org;

  beforeAll(async () => {
    t = await buildTestApp();
    org = await setupOrganization(t.app, 'zh-CN');
  });
  afterAll(() => t.close());

  const run = async (id: string, body: { mapping: Array<string | null>; duplicatePolicy: string }) => {
    const started = await org.admin.post(`/api/v1/imports/${id}/start`, body);
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    expect(started.body.status).toBe('queued');
    await t.services.jobs.drain();
    return (await org.admin.get(`/api/v1/imports/${id}`)).body;
  };

  it('maps Chinese headers, imports customers with their first contact, and reports the failed rows', async () => {
    const csv = [
      '客户名称,手机,联系人,邮箱,省份,城市,客户类型,标签,备注',
      '华东精密机械有限公司,139 1111 2222,张伟,Sales@HD-Precision.cn,浙江,杭州,潜在,重点、展会,"多行\n备注"',
      ',13911113333,无名,,,,,,',
      '西部能源股份有限公司,12345,李娜,,,,,,',
      '=HYPERLINK("http://evil")公司,13911114444,王五,,,,,,',
      '南方物流有限公司,13911115555,,info@south.cn,广东,深圳,成交,,',
    ].join('\r\n');
    const uploaded = await org.admin.upload('/api/v1/imports', '客户.csv', `\ufeff${csv}`);
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
    expect(uploaded.body).toMatchObject({
      status: 'draft',
      format: 'csv',
      encoding: 'utf-8',
      headers: ['客户名称', '手机', '联系人', '邮箱', '省份', '城市', '客户类型', '标签', '备注'],
      mapping: ['name', 'contactMobile', 'contactName', 'email', 'province', 'city', 'type', 'tags', 'notes'],
    });
    expect(uploaded.body.sample).toHaveLength(5);

    const preview = await org.admin.post(`/api/v1/imports/${uploaded.body.id}/preview`, {
      mapping: uploaded.body.mapping,
      duplicatePolicy: 'skip',
    });
    expect(preview.status).toBe(200);
    expect(preview.body.rows.map((row: { outcome: string }) => row.outcome)).toEqual([
      'create',
      'fail',
      'fail',
      'create',
      'create',
    ]);
    expect(preview.body.rows[1].reason).toContain('客户名称');
    expect(preview.body.rows[2].reason).toContain('手机');
    // The preview wrote nothing.
    expect((await org.admin.get('/api/v1/customers', { q: '华东精密' })).body.items).toEqual([]);

    const done = await run(uploaded.body.id, { mapping: uploaded.body.mapping, duplicatePolicy: 'skip' });
    expect(done).toMatchObject({
      status: 'succeeded',
      counts: { created: 3, updated: 0, skipped: 0, failed: 2 },
      progress: { rowsDone: 5, percent: 100 },
      hasFailedRows: true,
    });
    const customer = (await org.admin.get('/api/v1/customers', { q: '华东精密' })).body.items[0];
    expect(customer).toMatchObject({
      name: '华东精密机械有限公司',
      email: 'sales@hd-precision.cn',
      province: '浙江省',
      city: '杭州市',
      type: 'potential',
      tags: ['展会', '重点'],
      notes: '多行\n备注',
      source: '导入',
    });
    const contacts = (await org.admin.get('/api/v1/contacts', { customerId: customer.id })).body.items;
    expect(contacts).toEqual([
      expect.objectContaining({ name: '张伟', mobile: '+8613911112222', isPrimary: true }),
    ]);
    const history = (await org.admin.get(`/api/v1/customers/${customer.id}/history`)).body.items;
    expect(history[0]).toMatchObject({ action: 'create' });
    const lifecycle = (await org.admin.get(`/api/v1/customers/${customer.id}/lifecycle`)).body;
    expect(lifecycle.typeChanges[0]).toMatchObject({ toType: 'potential', reason: 'import' });
    // The imported phone is found by the duplicate check, and by search in its national form.
    const check = await org.admin.post('/api/v1/customers/duplicate-check', { phones: ['13911112222'] });
    expect(check.body.matches[0]).toMatchObject({ customerId: customer.id, matchedOn: ['phone'] });

    const failed = await org.admin.get(`/api/v1/imports/${uploaded.body.id}/failed-rows`);
    expect(failed.status).toBe(200);
    expect(failed.headers['content-type']).toContain('text/csv');
    const lines = String(failed.body)
      .replace(/^\ufeff/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe('客户名称,手机,联系人,邮箱,省份,城市,客户类型,标签,备注,失败原因');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toContain('12345');
    const formula = (await org.admin.get('/api/v1/customers', { q: 'HYPERLINK' })).body.items[0];
    expect(formula.name.startsWith('=')).toBe(true); // stored as typed; exports neutralise it
  });

  it('applies the duplicate policy: skip, update the existing customer, or create anyway (unless the rule blocks)', async () => {
    const existing = await createCustomer(org.admin, {
      name: '重复测试科技有限公司',
      phones: ['13822220000'],
      tags: ['老客户'],
    });
    const csv =
      '公司名称,电话,行业,标签\n重复测试科技有限公司,13822220000,软件,新标签\n另一家公司,13822220000,硬件,\n';
    const upload = async () => (await org.admin.upload('/api/v1/imports', 'dup.csv', csv)).body;

    const skip = await upload();
    const skipped = await run(skip.id, { mapping: skip.mapping, duplicatePolicy: 'skip' });
    expect(skipped.counts).toEqual({ created: 0, updated: 0, skipped: 2, failed: 0 });

    const update = await upload();
    const updated = await run(update.id, { mapping: update.mapping, duplicatePolicy: 'update' });
    expect(updated.counts).toEqual({ created: 0, updated: 2, skipped: 0, failed: 0 });
    const after = (await org.admin.get(`/api/v1/customers/${existing.id}`)).body;
    expect(after).toMatchObject({ industry: '硬件', tags: ['新标签', '老客户'] });
    expect(after.version).toBeGreaterThan(existing.version);

    // Phones are blocked by the default import rule: "create anyway" still refuses them.
    const create = await upload();
    const created = await run(create.id, { mapping: create.mapping, duplicatePolicy: 'create' });
    expect(created.counts).toEqual({ created: 0, updated: 0, skipped: 0, failed: 2 });
    const reasons = (await org.admin.get(`/api/v1/imports/${create.id}/failed-rows`)).body;
    expect(reasons).toContain('重复测试科技有限公司');
    expect(reasons).toContain('负责人');

    // Two rows of one file with the same phone: the second is a duplicate of the first.
    const twice = (
      await org.admin.upload(
        '/api/v1/imports',
        'twice.csv',
        '名称,电话\n甲公司,13833330000\n乙公司,139-3333-0000\n丙公司,13833330000\n',
      )
    ).body;
    const result = await run(twice.id, { mapping: twice.mapping, duplicatePolicy: 'skip' });
    expect(result.counts).toEqual({ created: 2, updated: 0, skipped: 1, failed: 0 });

    // With "update", the second row fills the customer the first row creates (same batch, not yet written).
    const again = (
      await org.admin.upload(
        '/api/v1/imports',
        'again.csv',
        '名称,电话,行业,标签\n丁公司,13866667777,,首行\n丁公司分号,13866667777,制造,次行\n',
      )
    ).body;
    const merged = await run(again.id, { mapping: again.mapping, duplicatePolicy: 'update' });
    expect(merged.counts).toEqual({ created: 1, updated: 1, skipped: 0, failed: 0 });
    const ding = (await org.admin.get('/api/v1/customers', { q: '13866667777' })).body.items;
    expect(ding).toHaveLength(1);
    expect(ding[0]).toMatchObject({ name: '丁公司', industry: '制造', tags: ['次行', '首行'] });
  });

  it('reads GBK CSV, xlsx and semicolon CSV, with custom fields mapped by their label', async () => {
    const field = await org.admin.post('/api/v1/custom-fields', {
      entity: 'customer',
      key: 'employees',
      label: '员工人数',
      type: 'number',
    });
    expect(field.status).toBe(201);
    const gbkFile = gbk('客户名称,电话,员工人数\r\n国标编码有限公司,13844440000,120\r\n');
    const gbkUpload = await org.admin.upload('/api/v1/imports', 'gbk.csv', gbkFile);
    expect(gbkUpload.status, JSON.stringify(gbkUpload.body)).toBe(201);
    expect(gbkUpload.body.encoding).toBe('gb18030');
    expect(gbkUpload.body.mapping).toEqual(['name', 'phone', 'custom.employees']);
    const gbkDone = await run(gbkUpload.body.id, {
      mapping: gbkUpload.body.mapping,
      duplicatePolicy: 'skip',
    });
    expect(gbkDone.counts.created).toBe(1);
    const imported = (await org.admin.get('/api/v1/customers', { q: '国标编码' })).body.items[0];
    expect(imported).toMatchObject({ phones: ['+8613844440000'], custom: { employees: 120 } });

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('客户');
    sheet.addRow(['Company', 'Mobile', 'Contact', 'Industry']);
    sheet.addRow([
      'Excel Trading Co., Ltd.',
      13855550000,
      'Amy',
      { richText: [{ text: 'Re' }, { text: 'tail' }] },
    ]);
    sheet.addRow(['Formula Corp', { formula: '1+1', result: 13855550001 }, 'Bob', 'Tech']);
    sheet.addRow(['Hole Corp', null, null, 'Tech']);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const xlsxUpload = await org.admin.upload('/api/v1/imports', 'customers.xlsx', xlsx);
    expect(xlsxUpload.status, JSON.stringify(xlsxUpload.body)).toBe(201);
    expect(xlsxUpload.body).toMatchObject({
      format: 'xlsx',
      mapping: ['name', 'contactMobile', 'contactName', 'industry'],
    });
    // Empty cells in the middle of a row are empty text, not holes (null).
    expect(xlsxUpload.body.sample[2]).toEqual(['Hole Corp', '', '', 'Tech']);
    const xlsxDone = await run(xlsxUpload.body.id, {
      mapping: xlsxUpload.body.mapping,
      duplicatePolicy: 'skip',
    });
    expect(xlsxDone.counts).toMatchObject({ created: 3, failed: 0 });
    expect((await org.admin.get('/api/v1/customers', { q: 'Excel Trading' })).body.items[0].industry).toBe(
      'Retail',
    );

    const semicolon = await org.admin.upload(
      '/api/v1/imports',
      'eu.csv',
      'Name;Phone;Email\nSemicolon GmbH;13866660000;a@b.de\n',
    );
    expect(semicolon.status, JSON.stringify(semicolon.body)).toBe(201);
    expect(semicolon.body.mapping).toEqual(['name', 'phone', 'email']);
  });

  it('reads a GBK file whose first 64 KiB end inside a character, and a Japanese Shift-JIS file', async () => {
    // The encoding is guessed from the first 64 KiB: put the end of that sample between the two
    // bytes of the first character of a line (a line feed, then a lead byte at the last position).
    let text = '客户名称,电话\r\n';
    for (let row = 0; Buffer.byteLength(gbk(text)) < 70_000; row++) {
      text += `杭州边界测试有限公司${row},1382222${String(row).padStart(4, '0')}\r\n`;
    }
    const body = gbk(text);
    const lineFeed = body.lastIndexOf(0x0a, 65_534);
    const file = Buffer.concat([Buffer.from(' '.repeat(65_534 - lineFeed)), body]);
    expect(file[65_534]).toBe(0x0a);
    // 杭 is BA BC in GBK: a lead byte that looks like a UTF-8 continuation byte.
    expect(file[65_535]).toBe(0xba);
    const long = await org.admin.upload('/api/v1/imports', 'long-gbk.csv', file);
    expect(long.status, JSON.stringify(long.body)).toBe(201);
    expect(long.body.encoding).toBe('gb18030');

    const japanese = shiftJis(
      'Name,Email\r\n株式会社さくら商事,info@sakura-shoji.jp\r\nヤマト電機株式会社,sales@yamato-denki.jp\r\n',
    );
    const uploaded = await org.admin.upload('/api/v1/imports', 'japan.csv', japanese);
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
    expect(uploaded.body.encoding).toBe('shift_jis');
    const done = await run(uploaded.body.id, { mapping: ['name', 'email'], duplicatePolicy: 'skip' });
    expect(done.counts).toMatchObject({ created: 2, failed: 0 });
    const found = (await org.admin.get('/api/v1/customers', { q: 'sakura-shoji' })).body.items;
    expect(found.map((customer: { name: string }) => customer.name)).toEqual(['株式会社さくら商事']);
  });

  it('refuses files that are not CSV or xlsx, empty files, old .xls, unknown encodings and oversized files, clearly', async () => {
    const cases: Array<[string, Buffer | string, string]> = [
      ['empty.csv', '', 'IMPORT_FILE_EMPTY'],
      ['blank.csv', '\n\n', 'IMPORT_FILE_EMPTY'],
      ['old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'IMPORT_FILE_XLS'],
      [
        'image.png',
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
        'IMPORT_FILE_NOT_TEXT',
      ],
      [
        'latin1.csv',
        Buffer.from([0x4e, 0x61, 0x6d, 0x65, 0x0a, 0xe9, 0xe8, 0xe0, 0x20, 0xff, 0xfe, 0xfd]),
        'IMPORT_FILE_ENCODING',
      ],
      [
        'broken.xlsx',
        Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100, 7)]),
        'IMPORT_FILE_UNREADABLE',
      ],
      [
        'quote.csv',
        '名称,电话\r\n甲公司,13800138102\r\n"乙公司, 13800138103\r\n丙公司,13800138104\r\n',
        'IMPORT_FILE_UNREADABLE',
      ],
    ];
    const drafts = (await org.admin.get('/api/v1/imports')).body.length;
    for (const [name, content, code] of cases) {
      const response = await org.admin.upload('/api/v1/imports', name, content);
      expect(response.status, name).toBe(400);
      expect(response.body.error.code, name).toBe(code);
      expect(response.body.error.fields.file, name).toBeTruthy();
    }
    // Nothing refused is left behind as a draft.
    expect((await org.admin.get('/api/v1/imports')).body.length).toBe(drafts);
    const small = await buildTestApp({ importMaxBytes: 2048 });
    const smallOrg = await setupOrganization(small.app);
    const big = await smallOrg.admin.upload(
      '/api/v1/imports',
      'big.csv',
      `名称\n${'很长的公司名称有限公司\n'.repeat(200)}`,
    );
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('IMPORT_FILE_TOO_LARGE');
    await small.close();
    // A 50 MB file is taken in (streamed to disk), its headers read from the first bytes only.
    const line = '某某大型装备制造有限公司,13900000000,备注备注备注备注备注备注备注备注备注\n';
    const fifty = Buffer.from(
      `名称,电话,备注\n${line.repeat(Math.ceil((50 * 1024 * 1024) / Buffer.byteLength(line)))}`,
    );
    const large = await org.admin.upload('/api/v1/imports', 'fifty.csv', fifty);
    expect(large.status).toBe(201);
    expect(large.body.fileSize).toBeGreaterThanOrEqual(50 * 1024 * 1024);
    expect(large.body.mapping).toEqual(['name', 'phone', 'notes']);
    const nothing = await org.admin.post('/api/v1/imports', {});
    expect(nothing.status).toBe(400);
  });

  it('refuses a mapping without the name, a field mapped twice, and users without the import permission', async () => {
    const upload = (await org.admin.upload('/api/v1/imports', 'm.csv', '名称,电话\n甲,13877770000\n')).body;
    const noName = await org.admin.post(`/api/v1/imports/${upload.id}/start`, {
      mapping: [null, 'phone'],
      duplicatePolicy: 'skip',
    });
    expect(noName.status).toBe(400);
    expect(noName.body.error.fields.mapping).toBeTruthy();
    const twice = await org.admin.post(`/api/v1/imports/${upload.id}/start`, {
      mapping: ['name', 'name'],
      duplicatePolicy: 'skip',
    });
    expect(twice.body.error.fields['mapping.1']).toBeTruthy();
    const short = await org.admin.post(`/api/v1/imports/${upload.id}/start`, {
      mapping: ['name'],
      duplicatePolicy: 'skip',
    });
    expect(short.status).toBe(400);
    const rep = await createUser(t.app, org, { roleId: org.roles.rep });
    expect((await rep.client.upload('/api/v1/imports', 'r.csv', '名称\n甲\n')).status).toBe(403);
    expect((await rep.client.get(`/api/v1/imports/${upload.id}`)).status).toBe(403);
    const manager = await createUser(t.app, org, { roleId: org.roles.manager });
    expect((await manager.client.get(`/api/v1/imports/${upload.id}`)).status).toBe(404);
  });

  it('resumes an interrupted import after its last committed batch, without importing a row twice', async () => {
    const rows = Array.from(
      { length: 2500 },
      (_, index) => `续传公司${index},1390000${String(index).padStart(4, '0')}`,
    );
    const upload = (
      await org.admin.upload('/api/v1/imports', 'resume.csv', `名称,电话\n${rows.join('\n')}\n`)
    ).body;
    expect(
      (
        await org.admin.post(`/api/v1/imports/${upload.id}/start`, {
          mapping: upload.mapping,
          duplicatePolicy: 'skip',
        })
      ).status,
    ).toBe(200);
    // Simulate a crash after the first batch: run one batch by hand, then mark the job as dead.
    await t.database.db.updateTable('imports').set({ rows_done: 1000 }).where('id', '=', upload.id).execute();
    await t.services.jobs.drain();
    const done = (await org.admin.get(`/api/v1/imports/${upload.id}`)).body;
    expect(done.counts.created).toBe(1500);
    expect(done.progress.rowsDone).toBe(2500);
  });
  it('refuses a file broken after its sample before writing any of it, saying from which line', async () => {
    const rows = Array.from(
      { length: 2500 },
      (_, index) => `断引号公司${index},1392222${String(index).padStart(4, '0')}`,
    );
    const csv = `名称,电话\n${rows.join('\n')}\n"坏行公司, 13922229999\n后面的公司,13922229998\n`;
    const upload = (await org.admin.upload('/api/v1/imports', 'late-quote.csv', csv)).body;
    await org.admin.post(`/api/v1/imports/${upload.id}/start`, {
      mapping: upload.mapping,
      duplicatePolicy: 'skip',
    });
    await t.services.jobs.drain();
    const failed = (await org.admin.inLocale('zh-CN').get(`/api/v1/imports/${upload.id}`)).body;
    expect(failed.status).toBe('failed');
    expect(failed.error).toContain('第 2502 行');
    expect(failed.counts.created).toBe(0);
    expect((await org.admin.get('/api/v1/customers', { q: '断引号公司' })).body.items).toEqual([]);
  });
});
