import { expect, type Page, test } from '@playwright/test';
import {
  ADMIN,
  ApiSession,
  createUser,
  ensureOrganization,
  SCREENSHOTS,
  signInThroughUi,
  USER_PASSWORD,
} from './support';

/**
 * Saved views (segments) of the customer list and administrator-defined tag colours. Every run seeds
 * its own customers: clearly different names carrying the run's number, unique phones, and a tag of
 * its own so the view's members are exactly the ones seeded here.
 */

const run = String(Date.now() % 100_000).padStart(5, '0');
let counter = 0;
const uniquePhone = () => {
  counter += 1;
  return `137${run}${String(counter).padStart(3, '0')}`;
};

interface Segment {
  id: string;
  name: string;
  visibility: string;
  filters: Record<string, unknown>;
}

/** The open (not hidden) dropdown of an antd select. */
const openDropdown = (page: Page) => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
const openMenu = (page: Page) => page.locator('.ant-dropdown:not(.ant-dropdown-hidden)');

test.describe('saved views and tag colours', () => {
  test.use({ locale: 'en' });

  test('a shared view brings its filters back, with its count; a tag colour shows in the list', async ({
    page,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    const admin = await ensureOrganization(baseURL as string);
    const tag = `vip${run}`;
    const seeded = [
      { name: `Aurora Mining ${run}`, type: 'deal', tags: [tag] },
      { name: `Birch Textiles ${run}`, type: 'deal', tags: [tag, 'north'] },
      { name: `Cobalt Foods ${run}`, type: 'intent', tags: [tag] },
      { name: `Delta Shipping ${run}`, type: 'deal', tags: [] },
    ];
    for (const customer of seeded) {
      await admin.post('/api/v1/customers', {
        ...customer,
        kind: 'company',
        phones: [uniquePhone()],
        acknowledgeDuplicates: true,
      });
    }
    const [aurora, birch, cobalt, delta] = seeded.map((customer) => customer.name) as [
      string,
      string,
      string,
      string,
    ];
    const row = (name: string) => page.getByRole('link', { name, exact: true });

    await signInThroughUi(page, ADMIN.email, ADMIN.password);
    await page.goto('/customers');
    await expect(row(delta)).toBeVisible();

    // Filter: deals carrying this run's tag — on a CPU as slow as a cheap phone's, where the type's
    // navigation may not have rendered before the tag filter commits (neither may undo the other).
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 20 });
    await page.locator('.ant-segmented-item', { hasText: /^Deal/ }).click();
    await page.getByRole('textbox', { name: 'Tags', exact: true }).fill(tag);
    // 20 times slower: the debounced filter may take long to commit on a busy machine; what counts
    // is that it commits without undoing the type (checked at full speed below).
    await expect(page).toHaveURL(new RegExp(`tag=${tag}`), { timeout: 40_000 });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await expect(page).toHaveURL(/type=deal/);
    await expect(page).toHaveURL(new RegExp(`tag=${tag}`));
    await expect(row(aurora)).toBeVisible();
    await expect(row(birch)).toBeVisible();
    await expect(row(cobalt)).toBeHidden();
    await expect(row(delta)).toBeHidden();

    // Save it as a view shared with the department.
    const viewName = `Key deals ${run}`;
    await page.getByRole('button', { name: 'Views' }).click();
    await openMenu(page).getByRole('menuitem', { name: 'Save current view…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Save view' });
    await dialog.getByLabel('Name').fill(viewName);
    await dialog.getByRole('radio', { name: 'My department' }).check();
    const created = page.waitForResponse(
      (response) => response.url().endsWith('/api/v1/segments') && response.request().method() === 'POST',
    );
    await dialog.getByRole('button', { name: 'Save' }).click();
    expect((await created).status()).toBe(201);
    await expect(dialog).toBeHidden();
    await expect(page).toHaveURL(/view=/);
    await expect(page.getByTestId('view-count')).toHaveText('Customers: 2');

    const saved = (await admin.get<{ items: Segment[] }>('/api/v1/segments')).items.find(
      (segment) => segment.name === viewName,
    );
    expect(saved?.visibility).toBe('department');
    expect(saved?.filters).toMatchObject({ type: 'deal', tag });
    // A colleague in the department sees it too.
    const rep = await createUser(admin, 'rep', `Rita ${run}`);
    const repApi = await ApiSession.signIn(baseURL as string, rep.email, USER_PASSWORD);
    const repViews = await repApi.get<{ items: Segment[] }>('/api/v1/segments');
    expect(repViews.items.map((segment) => segment.name)).toContain(viewName);

    // Back to the unfiltered list; the view brings the filters back.
    await page.goto('/customers');
    await expect(row(delta)).toBeVisible();
    await page.getByRole('button', { name: 'Views' }).click();
    const item = openMenu(page).getByRole('menuitem', { name: new RegExp(`^${viewName}`) });
    await expect(item).toContainText('Shared');
    await item.click();
    await expect(page).toHaveURL(/type=deal/);
    await expect(page.getByRole('textbox', { name: 'Tags', exact: true })).toHaveValue(tag);
    await expect(row(aurora)).toBeVisible();
    await expect(row(birch)).toBeVisible();
    await expect(row(cobalt)).toBeHidden();
    await expect(row(delta)).toBeHidden();
    await expect(page.getByTestId('view-count')).toHaveText('Customers: 2');
    await expect(page.getByRole('button', { name: `View: ${viewName}` })).toBeVisible();

    // Another filter: the view may be updated or saved as a new one.
    await page.locator('.ant-segmented-item', { hasText: /^Intent/ }).click();
    await expect(row(cobalt)).toBeVisible();
    await expect(page.getByText('Filters changed')).toBeVisible();
    await page.getByRole('button', { name: `View: ${viewName}` }).click();
    await expect(openMenu(page).getByRole('menuitem', { name: `Update “${viewName}”` })).toBeVisible();
    await expect(openMenu(page).getByRole('menuitem', { name: 'Save as new view…' })).toBeVisible();
    // Back to the view's own filters for the screenshot.
    await openMenu(page)
      .getByRole('menuitem', { name: new RegExp(`^${viewName}`) })
      .click();
    await expect(row(cobalt)).toBeHidden();
    await expect(page.getByText('Filters changed')).toBeHidden();

    // Tag colours: the administrator colours this run's tag gold.
    await page.goto('/settings/tags');
    await page.getByRole('button', { name: 'Add tag' }).click();
    const tagDialog = page.getByRole('dialog', { name: 'Add tag' });
    await tagDialog.getByLabel('Tag', { exact: true }).fill(tag);
    await tagDialog.getByRole('combobox', { name: 'Colour' }).click();
    await openDropdown(page).locator('.ant-select-item-option', { hasText: 'Gold' }).click();
    await tagDialog.getByLabel('Description').fill('Key accounts');
    await tagDialog.getByRole('button', { name: 'Save' }).click();
    await expect(tagDialog).toBeHidden();
    await expect(page.getByRole('cell', { name: 'Key accounts' })).toBeVisible();

    await page.goto(`/customers?tag=${tag}`);
    const colored = page.locator(`.ant-table-row:has-text("${aurora}") .ant-tag[data-tag="${tag}"]`);
    await expect(colored).toHaveClass(/ant-tag-gold/);
    // An undefined tag stays plain.
    const plain = page.locator(`.ant-table-row:has-text("${birch}") .ant-tag[data-tag="north"]`);
    await expect(plain).toBeVisible();
    await expect(plain).not.toHaveClass(/ant-tag-(gold|purple)/);

    // Recolour it from the table; the list follows.
    await page.goto('/settings/tags');
    await page.getByRole('combobox', { name: `Colour of ${tag}` }).click();
    await openDropdown(page).locator('.ant-select-item-option', { hasText: 'Purple' }).click();
    await expect(page.getByText('Colour saved')).toBeVisible();
    await page.getByRole('link', { name: 'Customers', exact: true }).click();
    await page.goto(`/customers?tag=${tag}`);
    await expect(colored).toHaveClass(/ant-tag-purple/);

    // The screenshot: the view picked, its count, the coloured tags and the views menu open.
    await page.goto('/customers');
    await page.getByRole('button', { name: 'Views' }).click();
    await openMenu(page)
      .getByRole('menuitem', { name: new RegExp(`^${viewName}`) })
      .click();
    await expect(page.getByTestId('view-count')).toHaveText('Customers: 2');
    await page.getByRole('button', { name: `View: ${viewName}` }).click();
    await expect(openMenu(page).getByRole('menuitem', { name: 'Manage views…' })).toBeVisible();
    await page.screenshot({ path: `${SCREENSHOTS}/saved-views.png`, animations: 'disabled' });

    // Managing: unshare it, then delete it.
    await openMenu(page).getByRole('menuitem', { name: 'Manage views…' }).click();
    const manage = page.getByRole('dialog', { name: 'Manage views' });
    const unshared = page.waitForResponse(
      (response) => response.url().includes('/api/v1/segments/') && response.request().method() === 'PATCH',
    );
    await manage.getByRole('switch', { name: `Share ${viewName} with the department` }).click();
    expect((await unshared).status()).toBe(200);
    const afterUnshare = (await admin.get<{ items: Segment[] }>('/api/v1/segments')).items;
    expect(afterUnshare.find((segment) => segment.name === viewName)?.visibility).toBe('private');
    expect(
      (await repApi.get<{ items: Segment[] }>('/api/v1/segments')).items.map((s) => s.name),
    ).not.toContain(viewName);
    await manage.getByRole('button', { name: `Delete ${viewName}` }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Delete' }).click();
    await expect(page.getByText(`View “${viewName}” deleted`)).toBeVisible();
    await expect(manage.getByText(viewName, { exact: true })).toBeHidden();
  });
});

test.describe('a link to a filter that no longer applies', () => {
  test.use({ locale: 'en' });

  test('the list says which condition it left out instead of quietly showing more', async ({
    page,
    baseURL,
  }) => {
    const admin = await ensureOrganization(baseURL as string);
    const key = `grade_${run}`;
    const field = await admin.post<{ id: string }>('/api/v1/custom-fields', {
      entity: 'customer',
      key,
      label: `Grade ${run}`,
      type: 'select',
      options: [
        { value: 'a', label: 'A' },
        { value: 'b', label: 'B' },
      ],
      filterable: true,
    });
    const graded = `Graded Metals ${run}`;
    const other = `Ungraded Paper ${run}`;
    await admin.post('/api/v1/customers', {
      name: graded,
      kind: 'company',
      phones: [uniquePhone()],
      custom: { [key]: 'a' },
      acknowledgeDuplicates: true,
    });
    await admin.post('/api/v1/customers', {
      name: other,
      kind: 'company',
      phones: [uniquePhone()],
      acknowledgeDuplicates: true,
    });
    const link = `/customers?q=${encodeURIComponent(run)}&custom=${encodeURIComponent(JSON.stringify({ [key]: 'a' }))}`;

    await signInThroughUi(page, ADMIN.email, ADMIN.password);
    await page.goto(link);
    await expect(page.getByRole('link', { name: graded })).toBeVisible();
    await expect(page.getByRole('link', { name: other })).toBeHidden();
    await expect(page.getByTestId('stale-custom-filters')).toHaveCount(0);

    // The administrator archives the field; the same link now shows both, and says why.
    await admin.patch(`/api/v1/custom-fields/${field.id}`, { archived: true });
    await page.goto(link);
    await expect(page.getByRole('link', { name: other })).toBeVisible();
    await expect(page.getByTestId('stale-custom-filters')).toContainText(`Grade ${run}`);
    expect(new URL(page.url()).searchParams.get('custom')).toBeNull();
    // Another search: the notice was about the link's list, not this one.
    await page.getByLabel('Search customers').fill(graded);
    await expect(page.getByRole('link', { name: other })).toBeHidden();
    await expect(page.getByTestId('stale-custom-filters')).toHaveCount(0);
  });
});

test.describe('tags on a selection', () => {
  test.use({ locale: 'en' });

  test('two selected customers get a tag and lose another in one go', async ({ page, baseURL }) => {
    const admin = await ensureOrganization(baseURL as string);
    const names = [`Bulk Tag Alpha ${run}`, `Bulk Tag Beta ${run}`];
    for (const name of names) {
      await admin.post('/api/v1/customers', {
        name,
        kind: 'company',
        phones: [uniquePhone()],
        tags: [`old${run}`],
        acknowledgeDuplicates: true,
      });
    }
    await signInThroughUi(page, ADMIN.email, ADMIN.password);
    await page.goto(`/customers?q=${encodeURIComponent(`Bulk Tag`)}`);
    for (const name of names) {
      await page.getByRole('row').filter({ hasText: name }).getByRole('checkbox').check();
    }
    await page.getByRole('button', { name: 'Tags', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Tags of 2 customers' });
    await dialog.getByRole('combobox', { name: 'Add tags' }).fill(`new${run}`);
    await page.keyboard.press('Enter');
    await dialog.getByRole('combobox', { name: 'Remove tags' }).fill(`old${run}`);
    await page.keyboard.press('Enter');
    // Close the open tag list (it covers the buttons) by clicking the dialog's title.
    await dialog.getByText('Tags of 2 customers').click();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('Tags changed on 2 customers')).toBeVisible();
    await expect(dialog).toBeHidden();
    for (const name of names) {
      const row = page.getByRole('row').filter({ hasText: name });
      await expect(row).toContainText(`new${run}`);
      await expect(row).not.toContainText(`old${run}`);
    }
    const tagged = await admin.get<{ items: Array<{ name: string }> }>(
      `/api/v1/customers?tag=${encodeURIComponent(`new${run}`)}`,
    );
    expect(tagged.items.map((customer) => customer.name).sort()).toEqual(names);
  });
});
