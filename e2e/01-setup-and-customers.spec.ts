import { expect, test } from '@playwright/test';
import { ADMIN, SCREENSHOTS, signInThroughUi } from './support';

// The setup page gives the organisation the browser's time zone.
test.use({ locale: 'en-US', timezoneId: 'Asia/Hong_Kong' });
test.describe.configure({ mode: 'serial' });

test('first run: the setup page creates the organisation and signs the administrator in', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole('heading', { name: 'Welcome to Kehu' })).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/setup.png` });

  // Bad input is explained field by field before anything is sent.
  await page.getByRole('button', { name: 'Create organisation' }).click();
  await expect(page.getByText('Required').first()).toBeVisible();

  await page.getByLabel('Organisation name').fill('星云科技');
  await page.getByLabel('Administrator name').fill(ADMIN.name);
  await page.getByLabel('Administrator email').fill(ADMIN.email);
  await page.getByLabel('Administrator password').fill(ADMIN.password);
  await page.getByLabel('Confirm password').fill(ADMIN.password);
  await expect(page.locator('#locale').getByRole('radio', { name: 'English' })).toBeChecked();
  await page.getByRole('button', { name: 'Create organisation' }).click();

  await expect(page).toHaveURL(/\/customers$/);
  await expect(page.getByTestId('organization-name')).toHaveText('星云科技');
  await page.getByRole('link', { name: 'Organisation', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Organisation', exact: true })).toBeVisible();
  await expect(page.getByText('Asia/Hong_Kong (UTC+08:00)')).toBeVisible();
});

test('sign out and sign in again; a wrong password is refused', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel('Password').fill('wrong-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Wrong email or password.')).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/login.png` });

  await signInThroughUi(page, ADMIN.email, ADMIN.password);
  await page.getByRole('button', { name: `Account menu of ${ADMIN.name}` }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto('/customers');
  await expect(page).toHaveURL(/\/login/);
});

test('create a customer with a contact, find it by 科技, edit it and read its history', async ({ page }) => {
  await signInThroughUi(page, ADMIN.email, ADMIN.password);
  await page.goto('/customers');

  await page.getByRole('button', { name: 'New customer' }).click();
  const drawer = page.getByRole('dialog', { name: 'New customer' });
  await drawer.getByLabel('Name', { exact: true }).fill('杭州云帆科技有限公司');
  await drawer.getByRole('button', { name: 'Add phone' }).click();
  await drawer.getByRole('textbox', { name: 'Phone 1' }).fill('138 0013 8000');
  await drawer.getByRole('textbox', { name: 'Email' }).fill('Hello@YunFan.cn');
  await drawer.getByRole('textbox', { name: 'Email' }).blur();
  await drawer.getByRole('button', { name: 'Create' }).click();
  await expect(drawer).toBeHidden();

  // Another customer that the search must not find.
  await page.getByRole('button', { name: 'New customer' }).click();
  await page
    .getByRole('dialog', { name: 'New customer' })
    .getByLabel('Name', { exact: true })
    .fill('上海海纳贸易有限公司');
  await page.getByRole('dialog', { name: 'New customer' }).getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('dialog', { name: 'New customer' })).toBeHidden();

  // Two Chinese characters find the customer by any part of its name.
  await page.getByLabel('Search customers').fill('科技');
  await expect(page.getByRole('link', { name: '杭州云帆科技有限公司' })).toBeVisible();
  await expect(page.getByRole('link', { name: '上海海纳贸易有限公司' })).toBeHidden();
  await page.getByLabel('Search customers').fill('13800138');
  await expect(page.getByRole('link', { name: '杭州云帆科技有限公司' })).toBeVisible();
  // The list shows the number as people write it, not as it is stored (+8613800138000).
  await expect(page.getByRole('row', { name: /杭州云帆科技有限公司/ })).toContainText('138 0013 8000');
  await page.getByLabel('Search customers').fill('');
  await expect(page.getByRole('link', { name: '上海海纳贸易有限公司' })).toBeVisible();

  await page.getByRole('link', { name: '杭州云帆科技有限公司' }).click();
  await expect(page).toHaveURL(/\/customers\/[0-9a-f-]{36}$/);
  await expect(page.getByText('hello@yunfan.cn')).toBeVisible();

  // A contact, from the customer's Contacts tab.
  await page.getByRole('tab', { name: 'Contacts' }).click();
  await page.getByRole('button', { name: 'Add contact' }).click();
  const contactDrawer = page.getByRole('dialog', { name: 'New contact' });
  await contactDrawer.getByLabel('Name', { exact: true }).fill('李娜');
  await contactDrawer.getByLabel('Job title').fill('采购经理');
  await contactDrawer.getByLabel('Mobile').fill('13900001111');
  await contactDrawer.getByRole('button', { name: 'Create' }).click();
  await expect(contactDrawer).toBeHidden();
  await expect(page.getByRole('tabpanel').getByText('李娜')).toBeVisible();
  // Changed right there, without leaving the customer.
  await page.getByRole('tabpanel').getByRole('button', { name: 'Edit 李娜' }).click();
  const contactEdit = page.getByRole('dialog', { name: /李娜/ });
  await contactEdit.getByLabel('Job title').fill('采购总监');
  await contactEdit.getByRole('button', { name: 'Save' }).click();
  await expect(contactEdit).toBeHidden();
  await expect(page.getByRole('tabpanel').getByText('采购总监')).toBeVisible();

  // Edit: the level changes, and the history says from what to what.
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  const editDrawer = page.getByRole('dialog', { name: 'Edit 杭州云帆科技有限公司' });
  await editDrawer.getByLabel('Level').click();
  await page.locator('.ant-select-item-option[title="A"]').click();
  await editDrawer.getByLabel('Industry').fill('软件');
  await editDrawer.getByRole('button', { name: 'Save' }).click();
  await expect(editDrawer).toBeHidden();

  await page.getByRole('tab', { name: 'History' }).click();
  const history = page.getByRole('tabpanel');
  await expect(history.getByText('Updated').first()).toBeVisible();
  await expect(history.getByText('Level').first()).toBeVisible();
  await expect(history.getByText('软件').first()).toBeVisible();
  await expect(history.getByText(ADMIN.name).first()).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/customer-detail.png`, fullPage: true });

  await page.goto('/customers');
  await expect(page.getByRole('link', { name: '杭州云帆科技有限公司' })).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}/customers.png` });
});
