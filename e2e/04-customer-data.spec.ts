import { expect, type Response, test } from '@playwright/test';
import {
  ADMIN,
  ApiSession,
  createUser,
  ensureOrganization,
  openDropdown,
  pickUser,
  SCREENSHOTS,
  signInThroughUi,
  USER_PASSWORD,
  unique,
} from './support';

/**
 * Customer data quality and ownership (DESIGN.md §5): duplicate warnings and blocks while entering a
 * customer, handover (移交) of several customers, team members (协作人) and the data-quality rules.
 * Every journey seeds its own customers: names carry a number of their own (numbers tell names apart,
 * so no journey's customer looks like another's) and phones and emails are unique.
 */

interface Customer {
  id: string;
  name: string;
  ownerId: string | null;
  ownerName: string | null;
  phones: string[];
}
interface DataQuality {
  phoneRegion: string;
  nameSimilarityThreshold: number;
  duplicateRules: Record<'manual' | 'import' | 'webForm', Record<'phone' | 'email' | 'name', string>>;
}

/** A valid mainland mobile number no other customer of this run has (136 + 8 digits). */
const uniquePhone = () => `136${unique()}`;

const customersNamed = async (api: ApiSession, text: string) =>
  (await api.get<{ items: Customer[] }>(`/api/v1/customers?q=${encodeURIComponent(text)}`)).items;

const isCustomerSave = (response: Response) =>
  response.url().endsWith('/api/v1/customers') && response.request().method() === 'POST';

test.describe('duplicate check in the customer form', () => {
  test.use({ locale: 'zh-CN' });

  test('a similar name warns and may be saved anyway; a colleague’s phone number is refused', async ({
    page,
    baseURL,
  }) => {
    const admin = await ensureOrganization(baseURL as string);
    const tag = unique();
    const repA = await createUser(admin, 'rep', `张伟${tag}`);
    const repB = await createUser(admin, 'rep', `李娜${tag}`);
    const repAApi = await ApiSession.signIn(baseURL as string, repA.email, USER_PASSWORD);
    const phoneA = uniquePhone();
    const original = `北京星云科技${tag}有限公司`;
    await repAApi.post('/api/v1/customers', {
      name: original,
      phones: [phoneA],
      email: `contact${tag}@xingyun.example`,
    });

    // Rep B cannot see rep A's customer, but is told it exists and whose it is.
    await signInThroughUi(page, repB.email, USER_PASSWORD);
    await page.goto('/customers');
    await page.getByRole('button', { name: '新建客户' }).click();
    const drawer = page.getByRole('dialog', { name: '新建客户' });
    const similar = `北京星云科技${tag}股份有限公司`;
    await drawer.getByLabel('名称', { exact: true }).fill(similar);
    const hint = drawer.getByRole('status');
    await expect(hint).toContainText('疑似重复客户，跟进前请先与负责人确认');
    await expect(hint).toContainText(original);
    await expect(hint).toContainText(`负责人：张伟${tag}`);
    // Not rep B's to open: named, not linked.
    await expect(hint.getByRole('link')).toHaveCount(0);

    const refused = page.waitForResponse(isCustomerSave);
    await drawer.getByRole('button', { name: '创建' }).click();
    expect((await refused).status()).toBe(409);
    const warning = page.getByRole('dialog', { name: '疑似重复客户' });
    await expect(warning).toBeVisible();
    await expect(warning).toContainText('如确实是不同客户，可仍然保存');
    await expect(warning).toContainText(original);
    await expect(warning).toContainText(`负责人：张伟${tag}`);
    await expect(warning).toContainText('名称相似度 100%');
    await expect(warning.getByRole('button', { name: '取消' })).toBeVisible();
    await page.screenshot({ path: `${SCREENSHOTS}/duplicate-warning.png`, animations: 'disabled' });

    const accepted = page.waitForResponse(isCustomerSave);
    await warning.getByRole('button', { name: '仍然保存' }).click();
    expect((await accepted).status()).toBe(201);
    await expect(page.getByText('客户已创建')).toBeVisible();
    await expect(warning).toBeHidden();
    await expect(drawer).toBeHidden();
    await expect(page.getByRole('link', { name: similar })).toBeVisible();
    const repBApi = await ApiSession.signIn(baseURL as string, repB.email, USER_PASSWORD);
    expect((await customersNamed(repBApi, similar)).map((c) => c.name)).toEqual([similar]);

    // Rep A's phone number: blocked, whatever the name. The dialog only closes.
    await page.getByRole('button', { name: '新建客户' }).click();
    const second = page.getByRole('dialog', { name: '新建客户' });
    const other = `上海海纳贸易${tag}有限公司`;
    await second.getByLabel('名称', { exact: true }).fill(other);
    await second.getByRole('textbox', { name: '电话 1' }).fill(phoneA);
    await expect(second.getByRole('status')).toContainText('该客户已存在，保存将被拒绝');
    await expect(second.getByRole('status')).toContainText(`负责人：张伟${tag}`);

    const blockedSave = page.waitForResponse(isCustomerSave);
    await second.getByRole('button', { name: '创建' }).click();
    const blockedResponse = await blockedSave;
    expect(blockedResponse.status()).toBe(409);
    expect((await blockedResponse.json()).error.code).toBe('DUPLICATE_BLOCKED');
    const blocked = page.getByRole('dialog', { name: '客户重复，无法保存' });
    await expect(blocked).toBeVisible();
    await expect(blocked).toContainText('按本单位的查重规则不允许重复录入');
    await expect(blocked).toContainText(original);
    await expect(blocked).toContainText('禁止');
    await expect(blocked.getByRole('button', { name: '仍然保存' })).toHaveCount(0);
    await expect(blocked.getByRole('button', { name: '取消' })).toHaveCount(0);
    const footerButtons = blocked.locator('.ant-modal-footer').getByRole('button');
    await expect(footerButtons).toHaveCount(1);
    await expect(footerButtons).toHaveText('关闭');
    await footerButtons.click();
    await expect(blocked).toBeHidden();
    // The form keeps what was typed, so the phone can be corrected.
    await expect(second.getByLabel('名称', { exact: true })).toHaveValue(other);

    expect(await customersNamed(admin, other)).toEqual([]);
    expect((await customersNamed(admin, phoneA)).map((c) => c.name)).toEqual([original]);
  });
});

test.describe('ownership', () => {
  test.use({ locale: 'en-US' });

  test('handover: the administrator transfers three of a rep’s customers to another rep, with a reason', async ({
    page,
    baseURL,
  }) => {
    const admin = await ensureOrganization(baseURL as string);
    // The administrator's own language, whatever an earlier journey chose.
    await admin.patch('/api/v1/auth/me', { locale: 'en' });
    const tag = unique();
    const repA = await createUser(admin, 'rep', `Alice Leaving ${tag}`);
    const repB = await createUser(admin, 'rep', `Bob Taking ${tag}`);
    // Three branches of one chain: alike on purpose, so each warns of the others and is acknowledged.
    const names = ['杭州', '苏州', '宁波'].map((city) => `${city}移交测试${tag}有限公司`);
    const customers: Customer[] = [];
    for (const name of names) {
      customers.push(
        await admin.post<Customer>('/api/v1/customers', {
          name,
          phones: [uniquePhone()],
          ownerId: repA.id,
          acknowledgeDuplicates: true,
        }),
      );
    }
    expect(customers.map((c) => c.ownerId)).toEqual([repA.id, repA.id, repA.id]);

    await signInThroughUi(page, ADMIN.email, ADMIN.password);
    await page.goto('/customers');
    // Select only once the list shows the search's answer (a new search clears the selection).
    const searched = page.waitForResponse(
      (response) =>
        response.url().includes('/api/v1/customers?') &&
        new URL(response.url()).searchParams.get('q') === `移交测试${tag}`,
    );
    await page.getByLabel('Search customers').fill(`移交测试${tag}`);
    await searched;
    await expect(page).toHaveURL(/[?&]q=/);
    for (const name of names) await expect(page.getByRole('link', { name })).toBeVisible();
    await expect(page.getByRole('rowgroup').last().getByRole('row')).toHaveCount(3);
    for (const name of names) {
      await page.getByRole('row').filter({ hasText: name }).getByRole('checkbox').check();
    }
    await expect(page.getByText('Selected: 3')).toBeVisible();
    await page.getByRole('button', { name: 'Transfer', exact: true }).click();

    const modal = page.getByRole('dialog', { name: 'Transfer 3 customers' });
    await expect(modal).toBeVisible();
    await pickUser(page, modal.getByRole('combobox', { name: 'New owner' }), `Bob Taking ${tag}`, repB.email);
    await expect(modal.getByTitle(`Bob Taking ${tag} (${repB.email})`)).toBeVisible();
    const reason = `Alice ${tag} moves to the Shanghai office`;
    await modal.getByLabel('Reason for transfer').fill(reason);
    await expect(modal.getByRole('checkbox', { name: /Also transfer open work/ })).toBeChecked();
    await page.screenshot({ path: `${SCREENSHOTS}/transfer.png`, animations: 'disabled' });

    const transferred = page.waitForResponse(
      (response) =>
        response.url().endsWith('/api/v1/customers/transfer') && response.request().method() === 'POST',
    );
    await modal.getByRole('button', { name: 'Transfer', exact: true }).click();
    expect((await transferred).status()).toBe(200);
    await expect(page.getByText('Customers transferred: 3')).toBeVisible();
    await expect(modal).toBeHidden();
    await expect(page.getByText('Selected: 3')).toBeHidden();
    for (const name of names) {
      await expect(page.getByRole('row').filter({ hasText: name })).toContainText(`Bob Taking ${tag}`);
    }

    for (const customer of customers) {
      const now = await admin.get<Customer>(`/api/v1/customers/${customer.id}`);
      expect(now.ownerId).toBe(repB.id);
      expect(now.ownerName).toBe(`Bob Taking ${tag}`);
    }
    // Rep B now has them in their own list; rep A no longer does.
    const repBApi = await ApiSession.signIn(baseURL as string, repB.email, USER_PASSWORD);
    expect((await customersNamed(repBApi, `移交测试${tag}`)).length).toBe(3);
    const repAApi = await ApiSession.signIn(baseURL as string, repA.email, USER_PASSWORD);
    expect(await customersNamed(repAApi, `移交测试${tag}`)).toEqual([]);

    // The lifecycle says who handed it over, from whom to whom and why.
    await page.getByRole('link', { name: names[0] }).click();
    await expect(page).toHaveURL(new RegExp(`/customers/${customers[0]?.id}$`));
    await page.getByRole('tab', { name: 'Lifecycle' }).click();
    const lifecycle = page.getByRole('tabpanel');
    const handover = lifecycle.getByRole('listitem').filter({ hasText: 'Transferred' });
    await expect(handover).toHaveCount(1);
    await expect(handover).toContainText(ADMIN.name);
    await expect(handover).toContainText(`Owner: Alice Leaving ${tag} → Bob Taking ${tag}`);
    await expect(handover).toContainText(`Reason: ${reason}`);
    await lifecycle.getByText('Owner changes', { exact: true }).click();
    await expect(handover).toBeVisible();
    await lifecycle.getByText('Type changes', { exact: true }).click();
    await expect(handover).toHaveCount(0);
  });

  test('team members: a rep shares a customer read-only with a colleague, who then finds and opens it', async ({
    page,
    browser,
    baseURL,
  }) => {
    const admin = await ensureOrganization(baseURL as string);
    const tag = unique();
    const repA = await createUser(admin, 'rep', `Carol Owner ${tag}`);
    const repB = await createUser(admin, 'rep', `Dave Helper ${tag}`);
    const repAApi = await ApiSession.signIn(baseURL as string, repA.email, USER_PASSWORD);
    const name = `深圳协作电子${tag}有限公司`;
    const customer = await repAApi.post<Customer>('/api/v1/customers', { name, phones: [uniquePhone()] });

    // Before: rep B does not see it.
    const repBApi = await ApiSession.signIn(baseURL as string, repB.email, USER_PASSWORD);
    expect(await customersNamed(repBApi, name)).toEqual([]);

    await signInThroughUi(page, repA.email, USER_PASSWORD);
    await page.goto(`/customers/${customer.id}`);
    await expect(page.getByRole('heading', { name })).toBeVisible();
    await page.getByRole('tab', { name: 'Team' }).click();
    const panel = page.getByRole('tabpanel');
    await expect(panel.getByText('No team members yet')).toBeVisible();
    await panel.getByRole('button', { name: 'Add member' }).click();
    const modal = page.getByRole('dialog', { name: 'Add team member' });
    await pickUser(page, modal.getByRole('combobox', { name: 'Member' }), `Dave Helper ${tag}`, repB.email);
    await expect(modal.getByRole('radio', { name: 'Read only' })).toBeChecked();
    const saved = page.waitForResponse(
      (response) =>
        response.url().endsWith(`/api/v1/customers/${customer.id}/members/${repB.id}`) &&
        response.request().method() === 'PUT',
    );
    await modal.getByRole('button', { name: 'Save' }).click();
    expect((await saved).status()).toBe(200);
    await expect(page.getByText('Team member added')).toBeVisible();
    await expect(modal).toBeHidden();
    const row = panel.getByRole('row').filter({ hasText: `Dave Helper ${tag}` });
    await expect(row).toContainText('Read only');
    await expect(row).toContainText('No end');
    await expect(row).toContainText(`Carol Owner ${tag}`);

    // Rep B, in a browser of their own, now finds it in the list and can open it.
    const otherContext = await browser.newContext({ locale: 'en-US' });
    try {
      const other = await otherContext.newPage();
      await signInThroughUi(other, repB.email, USER_PASSWORD);
      await other.goto('/customers');
      await expect(other.getByRole('link', { name })).toBeVisible();
      await other.getByRole('link', { name }).click();
      await expect(other).toHaveURL(new RegExp(`/customers/${customer.id}$`));
      await expect(other.getByRole('heading', { name })).toBeVisible();
      await expect(other.getByText(`Carol Owner ${tag}`).first()).toBeVisible();
    } finally {
      await otherContext.close();
    }
    const members = await repBApi.get<{ items: Array<{ userId: string; access: string }> }>(
      `/api/v1/customers/${customer.id}/members`,
    );
    expect(members.items).toEqual([expect.objectContaining({ userId: repB.id, access: 'read' })]);
  });
});

test.describe('data-quality settings', () => {
  test.use({ locale: 'zh-CN' });

  test('the administrator makes similar company names a block for manual entry', async ({
    page,
    baseURL,
  }) => {
    const admin = await ensureOrganization(baseURL as string);
    const previous = await admin.get<DataQuality>('/api/v1/settings/data-quality');
    const me = await admin.get<{ user: { locale: string | null } }>('/api/v1/auth/me');
    await admin.patch('/api/v1/auth/me', { locale: 'zh-CN' });
    const tag = unique();
    const existing = `广州数据质量${tag}有限公司`;
    const similar = `广州数据质量${tag}股份有限公司`;
    await admin.post('/api/v1/customers', { name: existing });
    try {
      await signInThroughUi(page, ADMIN.email, ADMIN.password);
      await page.getByRole('menuitem', { name: '数据质量' }).click();
      await expect(page).toHaveURL(/\/settings\/data-quality$/);
      await expect(page.getByRole('heading', { name: '数据质量', exact: true })).toBeVisible();

      const rule = page.getByRole('combobox', { name: '手工录入：公司名称' });
      const ruleSelect = page.locator('.ant-select').filter({ has: rule });
      await expect(ruleSelect).toHaveText('警告');
      await rule.click();
      await openDropdown(page).getByText('禁止', { exact: true }).click();
      await expect(ruleSelect).toHaveText('禁止');

      const saved = page.waitForResponse(
        (response) =>
          response.url().endsWith('/api/v1/settings/data-quality') && response.request().method() === 'PUT',
      );
      await page.getByRole('button', { name: '保存', exact: true }).click();
      expect((await saved).status()).toBe(200);
      await expect(page.getByText('数据质量设置已保存')).toBeVisible();

      const now = await admin.get<DataQuality>('/api/v1/settings/data-quality');
      expect(now.duplicateRules.manual).toEqual({ ...previous.duplicateRules.manual, name: 'block' });
      expect(now.duplicateRules.import).toEqual(previous.duplicateRules.import);
      expect(now.duplicateRules.webForm).toEqual(previous.duplicateRules.webForm);
      // The page shows what was saved after a reload.
      await page.reload();
      await expect(ruleSelect).toHaveText('禁止');

      // A similar name is now refused, even when the user says "save anyway".
      const refused = await admin.attempt('/api/v1/customers', {
        name: similar,
        acknowledgeDuplicates: true,
      });
      expect(refused.status).toBe(409);
      expect(refused.body.error?.code).toBe('DUPLICATE_BLOCKED');
      expect(refused.body.error?.details?.duplicates).toEqual([
        expect.objectContaining({ name: existing, matchedOn: ['name'], action: 'block' }),
      ]);
      expect(await customersNamed(admin, similar)).toEqual([]);
    } finally {
      await admin.put('/api/v1/settings/data-quality', previous);
      await admin.patch('/api/v1/auth/me', { locale: me.user.locale ?? 'en' });
    }
    // Restored: the warning is back, and acknowledging it saves.
    const warned = await admin.attempt('/api/v1/customers', { name: similar });
    expect(warned.body.error?.code).toBe('DUPLICATE_WARNING');
    await admin.post('/api/v1/customers', { name: similar, acknowledgeDuplicates: true });
  });
});
