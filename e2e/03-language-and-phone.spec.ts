import { expect, test } from '@playwright/test';
import {
  ADMIN,
  createUser,
  ensureOrganization,
  expectNoHorizontalOverflow,
  PHONE_SCREEN,
  SCREENSHOTS,
  signInThroughUi,
  USER_PASSWORD,
} from './support';

test.describe('language', () => {
  test.use({ locale: 'zh-CN' });

  // The administrator's language is saved on the account: the journeys after this one sign in as
  // them and expect the English the organisation was set up with.
  test.afterEach(async ({ baseURL }) => {
    const admin = await ensureOrganization(baseURL as string);
    await admin.patch('/api/v1/auth/me', { locale: 'en' });
  });

  test('defaults to the browser language, switches in the header and is remembered per user', async ({
    page,
    baseURL,
  }) => {
    const admin = await ensureOrganization(baseURL as string);
    const user = await createUser(admin, 'rep', '陈静');
    await admin.post('/api/v1/customers', { name: 'Language Test 公司' });

    await page.goto('/login');
    await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
    await signInThroughUi(page, user.email, USER_PASSWORD);
    await expect(page.getByRole('heading', { name: '客户', exact: true })).toBeVisible();

    await page.getByRole('radiogroup', { name: '语言' }).getByText('English').click();
    await expect(page.getByRole('heading', { name: 'Customers', exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: 'New customer' })).toBeVisible();

    // Server messages follow the chosen language too.
    await page.getByRole('button', { name: 'New customer' }).click();
    await page.getByRole('dialog', { name: 'New customer' }).getByRole('button', { name: 'Create' }).click();
    await expect(page.getByText('Required').first()).toBeVisible();
    await page.keyboard.press('Escape');

    // Remembered for the user: a new browser session (still a Chinese browser) comes back in English.
    await page.context().clearCookies();
    await page.evaluate(() => window.localStorage.clear());
    await signInThroughUi(page, user.email, USER_PASSWORD);
    await expect(page.getByRole('heading', { name: 'Customers', exact: true })).toBeVisible();

    await signInThroughUi(page, ADMIN.email, ADMIN.password);
    await page.goto('/customers');
    await page
      .getByRole('radiogroup', { name: /Language|语言/ })
      .getByText('English')
      .click();
    await expect(page.getByRole('heading', { name: 'Customers', exact: true })).toBeVisible();
    await page.screenshot({ path: `${SCREENSHOTS}/customers-en.png` });
    await page.goto('/admin/users');
    await expect(page.getByRole('heading', { name: 'Users', exact: true })).toBeVisible();
    await expect(page.getByText(ADMIN.email)).toBeVisible();
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: `${SCREENSHOTS}/users.png` });
    await page.goto('/admin/roles');
    await expect(page.getByRole('heading', { name: 'Roles', exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Edit Sales rep' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Edit Administrator' })).toHaveCount(0);
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: `${SCREENSHOTS}/roles.png` });
    await page
      .getByRole('radiogroup', { name: /Language|语言/ })
      .getByText('中文')
      .click();
    await expect(page.getByRole('heading', { name: '角色', exact: true })).toBeVisible();
  });
});

test.describe('phone-sized screen', () => {
  test.use({ locale: 'zh-CN', ...PHONE_SCREEN });

  // In Chinese, as a Chinese sales team sees it on the road; English again for the next journeys.
  test.beforeEach(async ({ baseURL }) => {
    await (await ensureOrganization(baseURL as string)).patch('/api/v1/auth/me', { locale: 'zh-CN' });
  });
  test.afterEach(async ({ baseURL }) => {
    await (await ensureOrganization(baseURL as string)).patch('/api/v1/auth/me', { locale: 'en' });
  });

  test('the menu is a drawer, lists and forms fit the screen', async ({ page, baseURL }) => {
    const admin = await ensureOrganization(baseURL as string);
    const names = ['深圳华信电子股份有限公司', '北京星云科技有限公司', 'Acme Logistics Ltd.'];
    for (const [index, name] of names.entries()) {
      // Other journeys may have entered these names already: the warning is acknowledged, and each
      // gets a phone and email of its own (a repeated phone is refused outright).
      await admin.post('/api/v1/customers', {
        name,
        phones: [`1381234${String(index).padStart(4, '0')}`],
        email: `info${index}@example.com`,
        tags: ['vip'],
        acknowledgeDuplicates: true,
      });
    }
    await signInThroughUi(page, ADMIN.email, ADMIN.password);
    await page.goto('/customers');
    await expect(page.getByText('深圳华信电子股份有限公司')).toBeVisible();
    await expect(page.locator('.ant-spin-spinning')).toHaveCount(0);
    await expectNoHorizontalOverflow(page);
    await page.screenshot({ path: `${SCREENSHOTS}/mobile-customers.png`, animations: 'disabled' });

    await page.getByRole('button', { name: /打开菜单|Open menu/ }).click();
    const menu = page.getByRole('dialog');
    await expect(menu.getByText(/联系人|Contacts/)).toBeVisible();
    await menu.getByText(/联系人|Contacts/).click();
    await expect(page).toHaveURL(/\/contacts$/);
    await expectNoHorizontalOverflow(page);

    await page.goto('/customers');
    await page.getByRole('button', { name: /新建客户|New customer/ }).click();
    await expect(page.getByRole('dialog', { name: /新建客户|New customer/ })).toBeVisible();
    await expectNoHorizontalOverflow(page);
    await page.keyboard.press('Escape');

    await page.getByText('北京星云科技有限公司').click();
    await expect(page).toHaveURL(/\/customers\/[0-9a-f-]{36}$/);
    await expectNoHorizontalOverflow(page);

    // A settings table with a long name in it: the name wraps, the table fits.
    await admin.post('/api/v1/web-forms', {
      name: 'Trade-show lead capture for the spring exhibition',
      title: 'Contact us',
      thankYou: 'Thank you',
      fields: [{ target: 'name', required: true }],
      receiverUserId: admin.user.id,
      locale: 'en',
    });
    await page.goto('/settings/web-forms');
    await expect(page.getByText('Trade-show lead capture for the spring exhibition').first()).toBeVisible();
    await expectNoHorizontalOverflow(page);

    // A settings table wider than the screen: its row buttons stay in view (pinned, icons only)
    // while the other columns scroll; editing needs no sideways scrolling.
    await page.goto('/admin/users');
    const edit = page.getByRole('button', { name: /^(编辑|Edit) Ada Admin$/ });
    await expect(edit).toBeVisible();
    const editBox = await edit.boundingBox();
    expect((editBox?.x ?? 0) + (editBox?.width ?? 0)).toBeLessThanOrEqual(390);
    expect(editBox?.width).toBeLessThan(40);
    await edit.click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await page.keyboard.press('Escape');
    await expectNoHorizontalOverflow(page);

    // The notifications open within the screen (a drawer, not a popover hanging off the bell).
    await page.getByRole('button', { name: /^(通知|Notifications)/ }).click();
    const notifications = page.getByRole('region', { name: /^(通知|Notifications)$/ });
    await expect(notifications).toBeVisible();
    const box = await notifications.boundingBox();
    expect(box?.x).toBeGreaterThanOrEqual(0);
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(391);
  });
});
