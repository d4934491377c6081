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
 * Public pools (公海): a pool defined for a department, a customer returned to it with a reason, claimed
 * by a colleague (who sees masked phones until then), assigned by the administrator (the assignee is
 * notified in the bell), the reclaim run on demand; and the customer list exported as a CSV file.
 */

interface Customer {
  id: string;
  name: string;
  ownerId: string | null;
}
interface Pool {
  id: string;
  name: string;
  rules: { dailyClaimQuota: number | null };
}

/** 136 + 8 digits, unique in this run. */
const uniquePhone = () => `136${unique()}`;

const isPost = (path: string) => (response: Response) =>
  new URL(response.url()).pathname === path && response.request().method() === 'POST';

test.describe('public pools', () => {
  test.use({ locale: 'en-US' });

  test('return with a reason, a colleague claims it, the administrator assigns, reclaims and the assignee is notified', async ({
    page,
    browser,
    baseURL,
  }) => {
    // Three users in three browser contexts: 35 s on an idle machine, over 60 s on a busy one.
    test.setTimeout(120_000);
    const admin = await ensureOrganization(baseURL as string);
    await admin.patch('/api/v1/auth/me', { locale: 'en' });
    const tag = unique();
    const repA = await createUser(admin, 'rep', `Anna Return ${tag}`);
    const repB = await createUser(admin, 'rep', `Ben Claim ${tag}`);
    const repAApi = await ApiSession.signIn(baseURL as string, repA.email, USER_PASSWORD);
    const phone = uniquePhone();
    const name = `南京公海测试${tag}有限公司`;
    const customer = await repAApi.post<Customer>('/api/v1/customers', { name, phones: [phone] });
    const poolName = `East pool ${tag}`;
    const pool = await admin.post<Pool>('/api/v1/pools', {
      name: poolName,
      description: 'Customers of the sales department',
      departmentIds: [admin.user.departmentId],
    });

    // The administrator changes a rule in the settings drawer.
    await signInThroughUi(page, ADMIN.email, ADMIN.password);
    await page.getByRole('menuitem', { name: 'Public pools' }).click();
    await expect(page).toHaveURL(/\/pools/);
    await page.getByRole('tab', { name: new RegExp(`^${poolName}`) }).click();
    await page.getByRole('button', { name: 'Pool settings' }).click();
    const drawer = page.getByRole('dialog', { name: `Pool: ${poolName}` });
    await expect(drawer.getByLabel('Pool name')).toHaveValue(poolName);
    await drawer.getByLabel('Daily claim quota').fill('5');
    await drawer.getByRole('switch', { name: 'Own rules for level A' }).click();
    await drawer.getByLabel('A: No follow-up (days)').fill('14');
    const saved = page.waitForResponse(
      (response) =>
        response.url().endsWith(`/api/v1/pools/${pool.id}`) && response.request().method() === 'PATCH',
    );
    await drawer.getByRole('button', { name: 'Save' }).click();
    expect((await saved).status()).toBe(200);
    await expect(page.getByText('Pool saved')).toBeVisible();
    const pools = await admin.get<{ items: Pool[] }>('/api/v1/pools');
    const now = pools.items.find((p) => p.id === pool.id) as Pool & {
      rules: { byLevel: Record<string, unknown> };
      departmentIds: string[];
    };
    expect(now.rules.dailyClaimQuota).toBe(5);
    expect(now.rules.byLevel.A).toEqual({ noFollowUpDays: 14, noNewOpportunityDays: null, noDealDays: null });
    expect(now.departmentIds).toEqual([admin.user.departmentId]);

    // Rep A returns the customer from its page, with a reason.
    const repAContext = await browser.newContext({ locale: 'en-US' });
    const reason = `Budget frozen until next year ${tag}`;
    try {
      const repAPage = await repAContext.newPage();
      await signInThroughUi(repAPage, repA.email, USER_PASSWORD);
      await repAPage.goto(`/customers/${customer.id}`);
      await expect(repAPage.getByRole('heading', { name })).toBeVisible();
      await repAPage.getByRole('button', { name: 'Return to pool' }).click();
      const modal = repAPage.getByRole('dialog', { name: `Return ${name} to a pool` });
      // antd's option list animates in: a click can land before it settles, so pick until it shows.
      await expect(async () => {
        // Opened only when closed: a second click would close a list still animating in.
        if (!(await openDropdown(repAPage).isVisible())) {
          await modal.getByRole('combobox', { name: 'Pool' }).click();
        }
        await openDropdown(repAPage).getByText(poolName, { exact: true }).click({ timeout: 2000 });
        // Once chosen, the list closes and the name shows once, in the select.
        await expect(openDropdown(repAPage)).toBeHidden({ timeout: 1000 });
        await expect(modal.getByText(poolName, { exact: true }).filter({ visible: true })).toHaveCount(1, {
          timeout: 1000,
        });
      }).toPass({ timeout: 15_000 });
      await modal.getByLabel('Reason for returning').fill(reason);
      const returned = repAPage.waitForResponse(isPost('/api/v1/pools/return'));
      await modal.getByRole('button', { name: 'Return', exact: true }).click();
      expect((await returned).status()).toBe(200);
      await expect(repAPage.getByText('Customers returned to the pool: 1')).toBeVisible();
      await expect(repAPage).toHaveURL(/\/customers$/);
    } finally {
      await repAContext.close();
    }

    // The customer's page says which pool holds it, since when and why.
    await page.goto(`/customers/${customer.id}`);
    const pooled = page.getByTestId('pooled-notice');
    await expect(pooled).toContainText(`In the public pool “${poolName}”`);
    await expect(pooled).toContainText(`Why: ${reason}`);
    await page.goto('/pools');

    // Rep B sees it in the pool with a masked phone, claims it, and finds it in their list.
    const repBContext = await browser.newContext({ locale: 'en-US' });
    try {
      const repBPage = await repBContext.newPage();
      await signInThroughUi(repBPage, repB.email, USER_PASSWORD);
      await repBPage.getByRole('menuitem', { name: 'Public pools' }).click();
      await repBPage.getByRole('tab', { name: new RegExp(`^${poolName}`) }).click();
      const row = repBPage.getByRole('row').filter({ hasText: name });
      await expect(row).toContainText(reason);
      await expect(row).toContainText(`Anna Return ${tag}`);
      await expect(row).toContainText(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
      await expect(row).not.toContainText(phone);
      await expect(row).not.toContainText(`${phone.slice(3, 7)} ${phone.slice(-4)}`);
      await expect(repBPage.getByRole('button', { name: 'Pool settings' })).toHaveCount(0);
      await repBPage.screenshot({ path: `${SCREENSHOTS}/pool.png`, animations: 'disabled' });
      await row.getByRole('checkbox').check();
      await expect(repBPage.getByText('Selected: 1')).toBeVisible();
      const claimed = repBPage.waitForResponse(isPost('/api/v1/pools/claim'));
      await repBPage.getByRole('button', { name: 'Claim', exact: true }).click();
      expect((await claimed).status()).toBe(200);
      await expect(repBPage.getByText('Customers claimed: 1')).toBeVisible();
      await expect(row).toHaveCount(0);

      await repBPage.getByRole('menuitem', { name: 'Customers' }).click();
      await repBPage.getByRole('link', { name }).click();
      await expect(repBPage.getByRole('heading', { name })).toBeVisible();
      await repBPage.getByRole('tab', { name: 'Lifecycle' }).click();
      const lifecycle = repBPage.getByRole('tabpanel');
      await expect(lifecycle.getByRole('listitem').filter({ hasText: 'Claimed' })).toContainText(
        `Ben Claim ${tag}`,
      );
      const returnEntry = lifecycle.getByRole('listitem').filter({ hasText: 'Returned to pool' });
      await expect(returnEntry).toContainText(`Anna Return ${tag}`);
      await expect(returnEntry).toContainText(reason);
      const owned = await admin.get<Customer>(`/api/v1/customers/${customer.id}`);
      expect(owned.ownerId).toBe(repB.id);

      // The administrator assigns another pooled customer to rep B.
      const second = await admin.post<Customer>('/api/v1/customers', {
        name: `无锡公海分配${tag}有限公司`,
        phones: [uniquePhone()],
        ownerId: repA.id,
      });
      await admin.post('/api/v1/pools/return', {
        customerIds: [second.id],
        poolId: pool.id,
        reason: 'No budget',
      });
      await page.reload();
      await page.getByRole('tab', { name: new RegExp(`^${poolName}`) }).click();
      await page.getByRole('row').filter({ hasText: second.name }).getByRole('checkbox').check();
      await page.getByRole('button', { name: 'Assign…' }).click();
      const assign = page.getByRole('dialog', { name: 'Assign 1 customer' });
      await pickUser(
        page,
        assign.getByRole('combobox', { name: 'Assign to' }),
        `Ben Claim ${tag}`,
        repB.email,
      );
      const assigned = page.waitForResponse(isPost(`/api/v1/pools/${pool.id}/assign`));
      await assign.getByRole('button', { name: 'Assign', exact: true }).click();
      expect((await assigned).status()).toBe(200);
      await expect(page.getByText('Customers assigned: 1')).toBeVisible();

      // The administrator runs the reclaim now and sees the counts.
      const reclaim = page.waitForResponse(isPost('/api/v1/pools/reclaim'));
      await page.getByRole('button', { name: 'Run reclaim now' }).click();
      const counts = (await (await reclaim).json()) as { reclaimed: number; warned: number };
      const done = page.getByRole('dialog').filter({ hasText: 'Reclaim finished' });
      await expect(done).toContainText(`Reclaimed: ${counts.reclaimed} · Owners warned: ${counts.warned}`);
      await done.getByRole('button').last().click();

      // Rep B's bell shows the assignment; opening it goes to the customers and marks it read.
      await repBPage.reload();
      const bell = repBPage.getByRole('button', { name: /^Notifications \(\d+ unread\)$/ });
      await expect(bell).toBeVisible();
      await bell.click();
      const list = repBPage.getByRole('region', { name: 'Notifications' });
      const note = list.getByRole('button', {
        name: new RegExp(`Ada Admin assigned you 1 customer from ${poolName}`),
      });
      await expect(note).toBeVisible();
      await repBPage.screenshot({ path: `${SCREENSHOTS}/notifications.png`, animations: 'disabled' });
      const read = repBPage.waitForResponse(isPost('/api/v1/notifications/read'));
      await note.click();
      expect((await read).status()).toBe(200);
      await expect(repBPage).toHaveURL(/\/customers$/);
      await expect(repBPage.getByRole('link', { name: second.name })).toBeVisible();
      await expect(repBPage.getByRole('button', { name: 'Notifications', exact: true })).toBeVisible();
    } finally {
      await repBContext.close();
    }
  });
});

test.describe('export', () => {
  test.use({ locale: 'en-US' });

  test('an export of the filtered customer list yields a CSV with the customer', async ({
    page,
    baseURL,
  }) => {
    const admin = await ensureOrganization(baseURL as string);
    await admin.patch('/api/v1/auth/me', { locale: 'en' });
    const tag = unique();
    const name = `合肥导出测试${tag}有限公司`;
    await admin.post('/api/v1/customers', { name, phones: [uniquePhone()] });

    await signInThroughUi(page, ADMIN.email, ADMIN.password);
    await page.goto(`/customers?q=${encodeURIComponent(`导出测试${tag}`)}`);
    await expect(page.getByRole('link', { name })).toBeVisible();
    await page.getByRole('button', { name: 'Export' }).click();
    const started = page.waitForResponse(isPost('/api/v1/exports'));
    await page.getByRole('menuitem', { name: 'CSV' }).click();
    const job = (await (await started).json()) as { id: string };
    const modal = page.getByRole('dialog', { name: 'Exporting customers' });
    await expect(modal.getByText('Export ready')).toBeVisible();
    await expect(modal).toContainText('Rows written: 1');
    const link = modal.getByRole('link', { name: 'Download' });
    const href = await link.getAttribute('href');
    expect(href).toBe(`/api/v1/exports/${job.id}/download`);
    const file = await page.request.get(href as string);
    expect(file.status()).toBe(200);
    expect(await file.text()).toContain(name);
  });
});
