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
 * 查重合并 (DESIGN.md §5): a scan of all customers finds the ones whose names differ only by the
 * legal suffix; the administrator merges one group (choosing the other customer's industry) and
 * dismisses another. Two customers cannot share a phone (the server refuses it), so the pairs are
 * seeded by name: the same company with 有限公司 and 股份有限公司, the second saved over the warning.
 */

interface Customer {
  id: string;
  name: string;
  industry: string | null;
  phones: string[];
  deletedAt: string | null;
}
interface Group {
  id: string;
  members: Array<{ id: string; name: string }>;
}

const run = String(Date.now() % 100_000).padStart(5, '0');
let counter = 0;
const unique = () => {
  counter += 1;
  return `${run}${String(counter).padStart(3, '0')}`;
};
/** A valid mainland mobile number no other customer of this run has (139 + 8 digits). */
const uniquePhone = () => `+86139${unique()}`;

/** Two customers that look like the same company: the same name but the legal suffix. */
async function seedPair(api: ApiSession, industries: [string, string]) {
  const tag = unique();
  const first = await api.post<Customer>('/api/v1/customers', {
    name: `查重${tag}科技有限公司`,
    phones: [uniquePhone()],
    industry: industries[0],
  });
  const second = await api.post<Customer>('/api/v1/customers', {
    name: `查重${tag}科技股份有限公司`,
    phones: [uniquePhone()],
    industry: industries[1],
    acknowledgeDuplicates: true,
  });
  return { first, second };
}

const openGroups = async (api: ApiSession) =>
  (await api.get<{ items: Group[] }>('/api/v1/customers/duplicate-groups?limit=100')).items;

test.describe('duplicates', () => {
  test.use({ locale: 'zh-CN' });

  test('a scan finds look-alike customers; one group is merged, another dismissed', async ({
    page,
    baseURL,
  }) => {
    const admin = await ensureOrganization(baseURL as string);
    const me = await admin.get<{ user: { locale: string | null } }>('/api/v1/auth/me');
    await admin.patch('/api/v1/auth/me', { locale: 'zh-CN' });
    try {
      await journey(page, admin);
    } finally {
      await admin.patch('/api/v1/auth/me', { locale: me.user.locale ?? 'en' });
    }
  });
});

async function journey(page: Page, admin: ApiSession) {
  const merged = await seedPair(admin, ['软件', '制造业']);
  const dismissed = await seedPair(admin, ['教育', '教育']);

  await signInThroughUi(page, ADMIN.email, ADMIN.password);
  await page.getByRole('link', { name: '查重合并' }).click();
  await expect(page).toHaveURL(/\/customers\/duplicates$/);
  await expect(page.getByRole('heading', { name: '查重合并' })).toBeVisible();

  const scanStarted = page.waitForResponse(
    (response) =>
      response.url().endsWith('/api/v1/customers/duplicate-scans') && response.request().method() === 'POST',
  );
  await page.getByRole('button', { name: '开始扫描' }).click();
  expect((await scanStarted).ok()).toBe(true);
  // The scan runs in the background; the page polls it and lists its groups when it is done.
  await expect(page.getByTestId('scan-status')).toHaveText('已完成', { timeout: 30_000 });
  await expect(page.getByRole('button', { name: '开始扫描' })).toBeEnabled();

  const group = page.getByTestId('duplicate-group').filter({ hasText: merged.first.name });
  await expect(group).toBeVisible();
  await expect(group).toContainText(merged.second.name);
  await expect(group).toContainText('名称相似度');
  // Phones as people write them (138 0013 8000), not as stored.
  const national = (merged.first.phones[0] as string).slice(3);
  await expect(group).toContainText(`${national.slice(0, 3)} ${national.slice(3, 7)} ${national.slice(7)}`);

  // Merge: the older customer is kept by default; the industry is taken from the other one.
  await group.getByRole('button', { name: '合并…' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('radio', { name: `保留 ${merged.first.name}` })).toBeChecked();
  const industryOfSecond = dialog.getByRole('radio', { name: `行业：${merged.second.name}` });
  await expect(dialog.getByRole('radio', { name: `行业：${merged.first.name}` })).toBeChecked();
  await industryOfSecond.check();
  await expect(industryOfSecond).toBeChecked();
  await expect(dialog).toContainText('其他 1 个客户移入回收站');
  await page.screenshot({ path: `${SCREENSHOTS}/merge.png` });

  const mergeDone = page.waitForResponse(
    (response) =>
      response.url().endsWith('/api/v1/customers/merge') && response.request().method() === 'POST',
  );
  await dialog.getByRole('button', { name: '合并', exact: true }).click();
  const mergeResponse = await mergeDone;
  expect(mergeResponse.ok(), await mergeResponse.text()).toBe(true);
  expect(mergeResponse.request().postDataJSON()).toMatchObject({
    survivorId: merged.first.id,
    mergedIds: [merged.second.id],
    values: { industry: merged.second.id },
  });
  await expect(dialog.getByText(`已合并到 ${merged.first.name}`)).toBeVisible();
  const result = dialog.locator('.ant-result');
  await expect(result.getByRole('button', { name: '打开客户' })).toBeVisible();
  await result.getByRole('button', { name: '关闭' }).click();
  await expect(group).toHaveCount(0);

  const survivor = await admin.get<Customer>(`/api/v1/customers/${merged.first.id}`);
  expect(survivor.industry).toBe('制造业');
  expect([...survivor.phones].sort()).toEqual([...merged.first.phones, ...merged.second.phones].sort());
  const bin = await admin.get<{ items: Customer[] }>(
    `/api/v1/customers?deleted=true&q=${encodeURIComponent(merged.second.name)}`,
  );
  expect(bin.items.map((customer) => customer.id)).toContain(merged.second.id);
  const active = await admin.get<{ items: Customer[] }>(
    `/api/v1/customers?q=${encodeURIComponent(merged.second.name)}`,
  );
  expect(active.items.map((customer) => customer.id)).not.toContain(merged.second.id);

  // Not duplicates: the group closes and is not proposed again.
  const other = page.getByTestId('duplicate-group').filter({ hasText: dismissed.first.name });
  await expect(other).toBeVisible();
  await other.getByRole('button', { name: '不是重复' }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: '不是重复' }).click();
  await expect(page.getByText('已标记为不是重复')).toBeVisible();
  await expect(other).toHaveCount(0);
  const groups = await openGroups(admin);
  const holds = (group: Group, id: string) => group.members.some((member) => member.id === id);
  expect(groups.some((g) => holds(g, dismissed.first.id))).toBe(false);
  expect(groups.some((g) => holds(g, merged.first.id))).toBe(false);

  // A later scan keeps them apart.
  await admin.post('/api/v1/customers/duplicate-scans', {});
  await expect
    .poll(
      async () =>
        (await admin.get<{ scan: { status: string } }>('/api/v1/customers/duplicate-scans/latest')).scan
          .status,
      { timeout: 30_000 },
    )
    .toBe('succeeded');
  expect((await openGroups(admin)).some((g) => holds(g, dismissed.first.id))).toBe(false);
}

test.describe('merge from the customer list', () => {
  test.use({ locale: 'en-US' });

  test('two selected customers are merged into the one kept', async ({ page, baseURL }) => {
    const admin = await ensureOrganization(baseURL as string);
    await admin.patch('/api/v1/auth/me', { locale: 'en' });
    const { first, second } = await seedPair(admin, ['Retail', 'Logistics']);

    await signInThroughUi(page, ADMIN.email, ADMIN.password);
    await page.goto(`/customers?q=${encodeURIComponent(first.name.slice(0, 10))}`);
    for (const customer of [first, second]) {
      await expect(page.getByRole('link', { name: customer.name })).toBeVisible();
    }
    for (const customer of [first, second]) {
      await page.getByRole('row').filter({ hasText: customer.name }).getByRole('checkbox').check();
    }
    await page.getByRole('button', { name: 'Merge', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('radio', { name: `Keep ${second.name}` }).check();
    // Kept customer's own industry unless another is picked.
    await expect(dialog.getByRole('radio', { name: `Industry: ${second.name}` })).toBeChecked();
    await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
    await expect(dialog.getByText(`Merged into ${second.name}`)).toBeVisible();
    await dialog.locator('.ant-result').getByRole('button', { name: 'Open customer' }).click();
    await expect(page).toHaveURL(new RegExp(`/customers/${second.id}$`));

    const survivor = await admin.get<Customer>(`/api/v1/customers/${second.id}`);
    expect(survivor.industry).toBe('Logistics');
    expect(survivor.phones).toHaveLength(2);
    const bin = await admin.get<{ items: Customer[] }>(
      `/api/v1/customers?deleted=true&q=${encodeURIComponent(first.name)}`,
    );
    expect(bin.items.map((customer) => customer.id)).toContain(first.id);
  });
});

test.describe('merge on a phone', () => {
  test.use({ locale: 'en-US', ...PHONE_SCREEN });

  test('customers are selected on their cards and merged field by field without a wide table', async ({
    page,
    baseURL,
  }) => {
    const admin = await ensureOrganization(baseURL as string);
    await admin.patch('/api/v1/auth/me', { locale: 'en' });
    const { first, second } = await seedPair(admin, ['Retail', 'Logistics']);

    await signInThroughUi(page, ADMIN.email, ADMIN.password);
    await page.goto(`/customers?q=${encodeURIComponent(first.name.slice(0, 10))}`);
    for (const customer of [first, second]) {
      await page.getByRole('checkbox', { name: `Select ${customer.name}` }).check();
    }
    await expect(page.getByText('Selected: 2')).toBeVisible();
    await expectNoHorizontalOverflow(page);
    await page.getByRole('button', { name: 'Merge', exact: true }).click();

    const dialog = page.getByRole('dialog');
    await expect(dialog.getByTestId('merge-stack')).toBeVisible();
    await expectNoHorizontalOverflow(page);
    await dialog.getByRole('radio', { name: `Keep ${second.name}` }).check();
    // Only the fields that differ are asked; the kept customer's value is preselected.
    await expect(dialog.getByRole('radio', { name: `Industry: ${second.name}` })).toBeChecked();
    await dialog.getByRole('radio', { name: `Industry: ${first.name}` }).check();
    await expect(dialog.getByRole('radio', { name: `Kind: ${first.name}` })).toHaveCount(0);
    await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
    await expect(dialog.getByText(`Merged into ${second.name}`)).toBeVisible();

    const survivor = await admin.get<Customer>(`/api/v1/customers/${second.id}`);
    expect(survivor.industry).toBe('Retail');
    expect(survivor.phones).toHaveLength(2);
    expect((await admin.get<Customer>(`/api/v1/customers/${first.id}`)).deletedAt).not.toBeNull();
  });
});
