import { expect, test } from '@playwright/test';
import { ADMIN, ensureOrganization, openDropdown, signInThroughUi } from './support';

/** The administrator sets where the organisation's days start; the choice is kept. */
test.describe('organisation settings', () => {
  // The administrator's own language (English, chosen at setup) wins over the browser's.
  test.use({ locale: 'en' });

  test('an administrator picks the time zone by searching, saves it, and it stays', async ({
    page,
    baseURL,
  }) => {
    const admin = await ensureOrganization(baseURL as string);
    const before = (await admin.get<{ timeZone: string }>('/api/v1/settings/organization')).timeZone;

    await signInThroughUi(page, ADMIN.email, ADMIN.password);
    await page.getByRole('link', { name: 'Organisation', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Organisation', exact: true })).toBeVisible();
    const zone = page.getByRole('combobox', { name: 'Time zone' });
    await zone.click();
    await zone.fill('Berlin');
    await openDropdown(page)
      .getByText(/^Europe\/Berlin \(UTC\+0[12]:00\)$/)
      .click();
    await expect(page.getByTestId('time-zone-now')).toContainText('It is ');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('Organisation settings saved')).toBeVisible();

    await page.reload();
    await expect(page.getByText(/^Europe\/Berlin \(UTC/)).toBeVisible();
    expect((await admin.get<{ timeZone: string }>('/api/v1/settings/organization')).timeZone).toBe(
      'Europe/Berlin',
    );
    await admin.patch('/api/v1/settings/organization', { timeZone: before });
  });
});
