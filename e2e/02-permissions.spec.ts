import { expect, test } from '@playwright/test';
import { ApiSession, createUser, ensureOrganization, signInThroughUi, USER_PASSWORD } from './support';

test.use({ locale: 'en-US' });

test('a sales rep sees only their own customers and cannot open another rep’s', async ({ page, baseURL }) => {
  const admin = await ensureOrganization(baseURL as string);
  const alice = await createUser(admin, 'rep', 'Alice Rep');
  const bob = await createUser(admin, 'rep', 'Bob Rep');
  const aliceApi = await ApiSession.signIn(baseURL as string, alice.email, USER_PASSWORD);
  const bobApi = await ApiSession.signIn(baseURL as string, bob.email, USER_PASSWORD);
  const secret = await aliceApi.post<{ id: string }>('/api/v1/customers', { name: 'Alice 机密客户' });
  await bobApi.post('/api/v1/customers', { name: 'Bob 自己的客户' });

  await signInThroughUi(page, bob.email, USER_PASSWORD);
  await page.goto('/customers');
  await expect(page.getByRole('link', { name: 'Bob 自己的客户' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Alice 机密客户' })).toHaveCount(0);

  // Searching does not reveal it either.
  await page.getByLabel('Search customers').fill('机密');
  await expect(page.getByText('Bob 自己的客户')).toBeHidden();
  await expect(page.getByRole('link', { name: 'Alice 机密客户' })).toHaveCount(0);

  // Opening it by its address says "not found": its existence is not leaked.
  await page.goto(`/customers/${secret.id}`);
  await expect(page.getByText(/Customer not found|Not found/).first()).toBeVisible();
  await expect(page.getByText('Alice 机密客户')).toHaveCount(0);

  // A rep's role has no role administration and no delete permission: neither is offered.
  await page.goto('/customers');
  await expect(page.getByRole('link', { name: 'Bob 自己的客户' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: 'Customers' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: 'Roles' })).toHaveCount(0);
  await page.goto('/admin/roles');
  await expect(page.getByText('Your role does not allow you to open this page.')).toBeVisible();
  await page.goto('/customers');
  await page.getByRole('link', { name: 'Bob 自己的客户' }).click();
  await expect(page.getByRole('button', { name: 'Edit', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Delete', exact: true })).toHaveCount(0);

  // The administrator sees both.
  await page.context().clearCookies();
  await signInThroughUi(page, 'admin@kehu.test', 'admin-pass-123');
  await page.goto('/customers');
  await expect(page.getByRole('link', { name: 'Alice 机密客户' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Bob 自己的客户' })).toBeVisible();
});
