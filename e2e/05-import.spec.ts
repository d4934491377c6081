import fs from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import {
  ADMIN,
  type ApiSession,
  ensureOrganization,
  expectNoHorizontalOverflow,
  PHONE_SCREEN,
  SCREENSHOTS,
  signInThroughUi,
} from './support';

/**
 * Customer import (DESIGN.md §5): a CSV with Chinese headers is uploaded from the customers page,
 * its proposed mapping corrected, previewed by a dry run and imported in the background; the progress
 * page survives a reload, the failed rows download with their reason, and the new customers are in
 * the list. A file that is not CSV or xlsx is refused with the server's message.
 * Names carry a number of this run and phones and emails are unique (the import rule refuses duplicates).
 */

const run = String(Date.now() % 100_000).padStart(5, '0');
let counter = 0;
const unique = () => {
  counter += 1;
  return `${run}${String(counter).padStart(3, '0')}`;
};
/** A valid mainland mobile number no other customer of this run has (137 + 8 digits). */
const uniquePhone = () => `137${unique()}`;

/** The smallest valid PNG (1 × 1 pixel). */
const tinyPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

const openDropdown = (page: Page) => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
/** The select that maps one column of the file, by the column's header. */
const mappingSelect = (page: Page, header: string) =>
  page.getByRole('combobox', { name: `“${header}”列导入到` });
const mappingRow = (page: Page, header: string) =>
  page.getByRole('row').filter({ has: mappingSelect(page, header) });
const uploadInput = (page: Page) => page.locator('input[type="file"]');

interface Sheet {
  csv: string;
  created: readonly [string, string, string];
  missingNamePhone: string;
  badPhoneName: string;
}

/** Five rows: three good, one without a name, one with a phone number that is not one. */
const customerSheet = (tag: string): Sheet => {
  const created = [
    `星云导入${tag}甲有限公司`,
    `海纳导入${tag}乙贸易有限公司`,
    `华光导入${tag}丙科技有限公司`,
  ] as const;
  const missingNamePhone = uniquePhone();
  const badPhoneName = `坏号导入${tag}丁有限公司`;
  const lines = [
    '客户名称,手机,联系人,邮箱,省份,城市',
    `${created[0]},${uniquePhone()},张三${tag},zhang${tag}@import.example,广东省,深圳市`,
    `,${missingNamePhone},李四${tag},li${tag}@import.example,广东省,广州市`,
    `${created[1]},${uniquePhone()},王五${tag},wang${tag}@import.example,浙江省,杭州市`,
    `${badPhoneName},12345,赵六${tag},zhao${tag}@import.example,北京市,北京市`,
    `${created[2]},${uniquePhone()},钱七${tag},qian${tag}@import.example,上海市,上海市`,
  ];
  return { csv: `${lines.join('\n')}\n`, created, missingNamePhone, badPhoneName };
};

let admin: ApiSession;
let previousLocale: string | null = null;

test.beforeAll(async ({ baseURL }) => {
  admin = await ensureOrganization(baseURL as string);
  previousLocale = (await admin.get<{ user: { locale: string | null } }>('/api/v1/auth/me')).user.locale;
  await admin.patch('/api/v1/auth/me', { locale: 'zh-CN' });
});

test.afterAll(async () => {
  if (previousLocale && previousLocale !== 'zh-CN')
    await admin.patch('/api/v1/auth/me', { locale: previousLocale });
});

test.describe('customer import', () => {
  test.use({ locale: 'zh-CN' });

  test('upload, correct the mapping, preview, import; the progress survives a reload', async ({
    page,
  }, testInfo) => {
    test.setTimeout(120_000);
    const tag = unique();
    const sheet = customerSheet(tag);
    const file = testInfo.outputPath(`客户导入-${tag}.csv`);
    fs.writeFileSync(file, sheet.csv);

    await signInThroughUi(page, ADMIN.email, ADMIN.password);
    await page.goto('/customers');
    await page.getByRole('button', { name: '导入', exact: true }).click();
    await expect(page).toHaveURL(/\/customers\/import$/);
    await expect(page.getByRole('heading', { name: '导入客户' })).toBeVisible();

    await uploadInput(page).setInputFiles(file);
    await expect(page).toHaveURL(/\/imports\/[0-9a-f-]{36}$/);
    const importUrl = page.url();

    // The proposed mapping, from the Chinese headers; sample values beside.
    const mapping = page.getByRole('table', { name: '字段对应' });
    await expect(mapping).toBeVisible();
    await expect(mappingRow(page, '客户名称')).toContainText('客户名称');
    await expect(mappingRow(page, '客户名称')).toContainText(sheet.created[0]);
    await expect(mappingRow(page, '手机')).toContainText('联系人手机');
    await expect(mappingRow(page, '联系人')).toContainText('联系人姓名');
    await expect(mappingRow(page, '邮箱')).toContainText('邮箱');
    await expect(mappingRow(page, '省份')).toContainText('省份');
    await expect(mappingRow(page, '城市')).toContainText('城市');

    // 邮箱 is the contact's here, not the company's.
    const emailSelect = mappingSelect(page, '邮箱');
    await emailSelect.click();
    await emailSelect.fill('联系人邮箱');
    await openDropdown(page).locator('.ant-select-item-option', { hasText: '联系人邮箱' }).click();
    await expect(mappingRow(page, '邮箱')).toContainText('联系人邮箱');

    await expect(page.getByRole('radio', { name: /跳过重复/ })).toBeChecked();
    await expect(page.getByText('与已有客户重复的行不导入')).toBeVisible();
    await expect(page.getByRole('radio', { name: /更新已有客户/ })).toBeVisible();
    await expect(page.getByRole('radio', { name: /仍然新建/ })).toBeVisible();

    // The dry run: three new customers, two failures with their reasons.
    const previewed = page.waitForResponse((response) => response.url().endsWith('/preview'));
    await page.getByRole('button', { name: '预览', exact: true }).click();
    expect((await previewed).status()).toBe(200);
    const preview = page.getByRole('table', { name: '预览' });
    await expect(preview.getByRole('rowgroup').last().getByRole('row')).toHaveCount(5);
    await expect(preview.getByText('新建', { exact: true })).toHaveCount(3);
    await expect(preview.getByText('失败', { exact: true })).toHaveCount(2);
    await expect(preview.getByRole('row').filter({ hasText: sheet.badPhoneName })).toContainText('手机');
    // A window tall enough for the whole step (a full-page capture would repeat the sticky header).
    await page.setViewportSize({ width: 1280, height: 1400 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${SCREENSHOTS}/import-mapping.png`, animations: 'disabled' });
    await page.setViewportSize({ width: 1280, height: 800 });
    // Nothing written yet.
    expect(
      (await admin.get<{ items: unknown[] }>(`/api/v1/customers?q=${encodeURIComponent(sheet.created[0])}`))
        .items,
    ).toEqual([]);

    await page.getByRole('button', { name: '开始导入' }).click();
    const progress = page.getByRole('progressbar', { name: '导入进度' });
    await expect(progress).toHaveAttribute('aria-valuenow', '100', { timeout: 30_000 });
    await expect(page.getByText('导入完成')).toBeVisible();
    const expectCounts = async () => {
      await expect(page.getByRole('region', { name: '新建' })).toContainText('3');
      await expect(page.getByRole('region', { name: '更新' })).toContainText('0');
      await expect(page.getByRole('region', { name: '跳过' })).toContainText('0');
      await expect(page.getByRole('region', { name: '失败' })).toContainText('2');
      await expect(page.getByText('已处理 5 行')).toBeVisible();
    };
    await expectCounts();
    await page.screenshot({ path: `${SCREENSHOTS}/import-done.png`, fullPage: true, animations: 'disabled' });

    // A reload shows the same finished import.
    await page.reload();
    expect(page.url()).toBe(importUrl);
    await expect(progress).toHaveAttribute('aria-valuenow', '100');
    await expectCounts();

    // The failed rows, with the file's columns and the reason.
    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: '下载失败记录' }).click();
    const download = await downloading;
    const failedCsv = fs.readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '');
    const [header, ...failedRows] = failedCsv.trim().split(/\r?\n/);
    expect(header).toBe('客户名称,手机,联系人,邮箱,省份,城市,失败原因');
    expect(failedRows).toHaveLength(2);
    expect(failedCsv).toContain(sheet.missingNamePhone);
    expect(failedRows.find((row) => row.startsWith(sheet.badPhoneName))).toContain('手机');

    // Back to the list: the imported customers are there.
    await page.getByRole('link', { name: '返回客户列表' }).click();
    await expect(page).toHaveURL(/\/customers$/);
    await page.getByLabel('搜索客户').fill(sheet.created[1]);
    await expect(page.getByRole('link', { name: sheet.created[1] })).toBeVisible();
    await expect(page.getByRole('link', { name: sheet.badPhoneName })).toHaveCount(0);

    // The recent imports list links to this import.
    await page.goto('/customers/import');
    const recent = page.getByRole('region', { name: '最近的导入' });
    await expect(recent).toContainText('新建 3 · 更新 0 · 跳过 0 · 失败 2');
    await recent.getByRole('link', { name: `客户导入-${tag}.csv` }).click();
    await expect(page).toHaveURL(importUrl);
    await expect(page.getByRole('region', { name: '失败' })).toContainText('2');
  });

  test('a picture is refused with the server’s message', async ({ page }, testInfo) => {
    const file = testInfo.outputPath('logo.png');
    fs.writeFileSync(file, tinyPng);
    await signInThroughUi(page, ADMIN.email, ADMIN.password);
    await page.goto('/customers/import');
    const refused = page.waitForResponse(
      (response) => response.url().endsWith('/api/v1/imports') && response.request().method() === 'POST',
    );
    await uploadInput(page).setInputFiles(file);
    const response = await refused;
    expect(response.status()).toBe(400);
    const body = await response.json();
    expect(body.error.code).toBe('IMPORT_FILE_NOT_TEXT');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('该文件无法导入');
    await expect(alert).toContainText(body.error.message);
    await expect(alert).toContainText('这不是 CSV 或 xlsx 文件');
    await expect(page).toHaveURL(/\/customers\/import$/);
  });
});

test.describe('customer import on a phone', () => {
  test.use({ locale: 'zh-CN', ...PHONE_SCREEN });

  test('the upload and mapping steps fit a 390 px screen', async ({ page }, testInfo) => {
    const tag = unique();
    const file = testInfo.outputPath(`phone-${tag}.csv`);
    fs.writeFileSync(file, customerSheet(tag).csv);
    await signInThroughUi(page, ADMIN.email, ADMIN.password);
    await page.goto('/customers/import');
    await expect(page.getByText('点击或将文件拖到此处上传')).toBeVisible();
    await expectNoHorizontalOverflow(page);
    await uploadInput(page).setInputFiles(file);
    await expect(page).toHaveURL(/\/imports\//);
    await expect(mappingRow(page, '手机')).toContainText('联系人手机');
    await expect(page.getByRole('button', { name: '开始导入' })).toBeVisible();
    await expectNoHorizontalOverflow(page);
    await page.screenshot({ path: testInfo.outputPath('phone-mapping.png'), fullPage: true });
  });
});
