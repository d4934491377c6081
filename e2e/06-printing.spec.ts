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
 * Printing the filtered customer list (DESIGN.md §5): an address list, a phone list, A4 label sheets
 * and Chinese envelopes, opened from the customers page's "打印" menu with a search that selects only
 * this journey's customers, checked on screen, in print media and as a PDF of headless Chromium.
 */

const run = String(Date.now() % 100_000).padStart(5, '0');
let counter = 0;
const unique = () => {
  counter += 1;
  return `${run}${String(counter).padStart(3, '0')}`;
};

interface Seeded {
  name: string;
  address: string;
  phone: string;
  postalCode: string | null;
  contact: string | null;
}

const places = [
  { city: '杭州', province: '浙江省', cityName: '杭州市', district: '西湖区', street: '文三路90号' },
  { city: '苏州', province: '江苏省', cityName: '苏州市', district: '姑苏区', street: '人民路100号' },
  { city: '宁波', province: '浙江省', cityName: '宁波市', district: '鄞州区', street: '天童南路8号' },
  { city: '成都', province: '四川省', cityName: '成都市', district: '武侯区', street: '人民南路四段12号' },
  { city: '武汉', province: '湖北省', cityName: '武汉市', district: '洪山区', street: '珞喻路1037号' },
  { city: '西安', province: '陕西省', cityName: '西安市', district: '雁塔区', street: '科技路48号' },
  { city: '厦门', province: '福建省', cityName: '厦门市', district: '思明区', street: '鹭江道2号' },
  { city: '青岛', province: '山东省', cityName: '青岛市', district: '市南区', street: '香港中路6号' },
];

/** The postal-code custom field the envelopes read (created once per database). */
async function ensurePostalCodeField(admin: ApiSession) {
  const fields = await admin.get<{ items: Array<{ key: string }> }>('/api/v1/custom-fields?entity=customer');
  if (fields.items.some((field) => field.key === 'postal_code')) return;
  await admin.post('/api/v1/custom-fields', {
    entity: 'customer',
    key: 'postal_code',
    label: '邮政编码',
    type: 'text',
  });
}

/** Eight customers with Chinese addresses; odd ones have a postal code and a primary contact. */
async function seedCustomers(admin: ApiSession, tag: string): Promise<Seeded[]> {
  const seeded: Seeded[] = [];
  for (const [index, place] of places.entries()) {
    const name = `${place.city}打印${tag}商贸有限公司`;
    const phone = `139${unique()}`;
    const postalCode = index % 2 === 0 ? `${310000 + index * 1111}` : null;
    const customer = await admin.post<{ id: string }>('/api/v1/customers', {
      name,
      province: place.province,
      city: place.cityName,
      district: place.district,
      address: place.street,
      phones: [phone],
      email: `print${tag}${index}@example.cn`,
      custom: postalCode ? { postal_code: postalCode } : {},
      acknowledgeDuplicates: true,
    });
    const contact =
      index % 2 === 0 ? `王${['一', '二', '三', '四', '五', '六', '七', '八'][index]}${tag}` : null;
    if (contact) {
      await admin.post('/api/v1/contacts', {
        customerId: customer.id,
        name: contact,
        title: '采购经理',
        mobile: `138${unique()}`,
        isPrimary: true,
      });
    }
    seeded.push({
      name,
      address: `${place.province}${place.cityName}${place.district}${place.street}`,
      phone,
      postalCode,
      contact,
    });
  }
  return seeded;
}

/** The PDF's pages: their count and the MediaBox (width × height in points) of the first. */
const pdfPages = (pdf: Buffer) => {
  const text = pdf.toString('latin1');
  const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/g)];
  const first = boxes[0];
  return {
    count: (text.match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length,
    width: first ? Number(first[3]) - Number(first[1]) : 0,
    height: first ? Number(first[4]) - Number(first[2]) : 0,
  };
};

/** Picks a label size from the toolbar's select by its text (keyboard: antd's popup animates). */
async function chooseLabel(page: Page, text: string) {
  const select = page.getByRole('combobox', { name: '标签规格' });
  await select.click();
  const option = page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: text });
  await expect(option).toBeVisible();
  for (let step = 0; step < 5; step += 1) {
    if (await option.evaluate((element) => element.classList.contains('ant-select-item-option-active')))
      break;
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');
}

/** Opens one layout from the customers page's print menu. */
async function openPrint(page: Page, item: string) {
  // On the customers page (the print page's own "打印" button prints instead).
  await expect(page.getByLabel('搜索客户')).toBeVisible();
  await page.getByRole('button', { name: '打印' }).click();
  await page.getByRole('menuitem', { name: item }).click();
  await expect(page).toHaveURL(/\/customers\/print\?/);
  await expect(page.getByRole('status')).toContainText('共 8 个客户');
}

test.describe('printing the customer list', () => {
  test.use({ locale: 'zh-CN' });

  // The journey prints in Chinese; the administrator's saved language goes back for the next ones.
  test.afterEach(async ({ baseURL }) => {
    const admin = await ensureOrganization(baseURL as string);
    await admin.patch('/api/v1/auth/me', { locale: 'en' });
  });

  test('address list, phone list, A4 label sheets and Chinese envelopes of the filtered list', async ({
    page,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    const admin = await ensureOrganization(baseURL as string);
    await admin.patch('/api/v1/auth/me', { locale: 'zh-CN' });
    const organization = (await admin.get<{ organization: { name: string } }>('/api/v1/auth/me')).organization
      .name;
    await ensurePostalCodeField(admin);
    const tag = unique();
    const seeded = await seedCustomers(admin, tag);
    const search = `打印${tag}`;

    await signInThroughUi(page, ADMIN.email, ADMIN.password);
    await page.goto('/customers');
    await page.getByLabel('搜索客户').fill(search);
    await expect(page).toHaveURL(/[?&]q=/);
    await expect(page.getByRole('rowgroup').last().getByRole('row')).toHaveCount(8);

    // Address list: every seeded customer once, with its whole Chinese address and primary contact.
    await openPrint(page, '地址清单');
    await expect(page).toHaveURL(/layout=address/);
    expect(new URL(page.url()).searchParams.get('q')).toBe(search);
    await expect(page.getByRole('navigation')).toHaveCount(0);
    await expect(page.getByRole('heading', { name: '客户地址清单' })).toBeVisible();
    await expect(page.getByTestId('print-meta')).toContainText(`搜索：${search}`);
    await expect(page.getByTestId('print-meta')).toContainText(organization);
    const addressRows = page.getByTestId('print-address-list').locator('tbody tr');
    await expect(addressRows).toHaveCount(8);
    for (const customer of seeded) {
      const row = addressRows.filter({ hasText: customer.name });
      await expect(row).toContainText(customer.address);
      await expect(row).toContainText(`${customer.phone.slice(0, 3)} ${customer.phone.slice(3, 7)}`);
      if (customer.contact) await expect(row).toContainText(`${customer.contact} · 采购经理`);
    }
    await expect(page.getByTestId('print-address-list').locator('thead')).toContainText('联系人');
    await page.screenshot({ path: `${SCREENSHOTS}/print-address-list.png`, animations: 'disabled' });

    // Print media: the toolbar is gone, the list stays; the header row repeats (a table header group).
    const toolbar = page.getByRole('toolbar', { name: '打印选项' });
    await expect(toolbar).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    await expect(toolbar).toBeHidden();
    await expect(addressRows.first()).toBeVisible();
    expect(
      await page
        .getByTestId('print-address-list')
        .locator('thead')
        .evaluate((element) => getComputedStyle(element).display),
    ).toBe('table-header-group');
    // Back to no emulation (not 'screen': page.pdf would then print screen styles).
    await page.emulateMedia({ media: null });
    await expect(toolbar).toBeVisible();

    // Back to the list, filters kept; then the phone list.
    await page.getByRole('button', { name: '返回' }).click();
    await expect(page).toHaveURL(/\/customers\?/);
    await expect(page.getByLabel('搜索客户')).toHaveValue(search);
    await openPrint(page, '电话清单');
    await expect(page.getByRole('heading', { name: '客户电话清单' })).toBeVisible();
    const phoneRows = page.getByTestId('print-phone-list').locator('tbody tr');
    await expect(phoneRows).toHaveCount(8);
    const first = seeded[0] as Seeded;
    const firstRow = phoneRows.filter({ hasText: first.name });
    await expect(firstRow).toContainText(ADMIN.name);
    await expect(firstRow).toContainText(`print${tag}0@example.cn`);
    await expect(firstRow).toContainText(first.contact as string);

    // Label sheets: 2 × 7 (L7163) by default, eight labels on one A4 sheet, each "… 收".
    await page.getByRole('button', { name: '返回' }).click();
    await openPrint(page, '信封标签');
    await expect(page).toHaveURL(/layout=labels/);
    const labels = page.getByTestId('print-label');
    await expect(labels).toHaveCount(8);
    await expect(page.getByTestId('print-sheet')).toHaveCount(1);
    await expect(labels.filter({ hasText: first.name })).toContainText(`${first.contact} 收`);
    await expect(labels.filter({ hasText: (seeded[1] as Seeded).name })).toContainText(
      `${(seeded[1] as Seeded).name} 收`,
    );
    await expect(labels.filter({ hasText: first.name })).toContainText(first.postalCode as string);
    // True to size: 99.1 × 38.1 mm is 374.6 × 144 CSS pixels.
    const box = await labels.first().boundingBox();
    expect(box?.width).toBeCloseTo((99.1 / 25.4) * 96, 0);
    expect(box?.height).toBeCloseTo((38.1 / 25.4) * 96, 0);

    const sheetPdf = pdfPages(await page.pdf({ preferCSSPageSize: true }));
    expect(sheetPdf.count).toBe(1);
    // A4 = 595 × 842 pt.
    expect(Math.abs(sheetPdf.width - 595)).toBeLessThan(2);
    expect(Math.abs(sheetPdf.height - 842)).toBeLessThan(2);

    // 3 × 7 (L7160): 63.5 mm wide, still one sheet; 2 × 4 (L7165): eight labels fill one sheet exactly.
    await chooseLabel(page, 'L7160');
    await expect(page).toHaveURL(/label=L7160/);
    expect((await labels.first().boundingBox())?.width).toBeCloseTo((63.5 / 25.4) * 96, 0);
    await expect(page.getByTestId('print-sheet')).toHaveCount(1);
    await chooseLabel(page, 'L7165');
    await expect(page).toHaveURL(/label=L7165/);
    await expect(page.getByTestId('print-sheet')).toHaveCount(1);
    const bigLabel = await labels.first().boundingBox();
    expect(bigLabel?.height).toBeCloseTo((67.7 / 25.4) * 96, 0);
    expect(pdfPages(await page.pdf({ preferCSSPageSize: true })).count).toBe(1);

    // Chinese envelopes (5号, 220 × 110 mm): one per page, postal code boxes, 收, sender.
    await chooseLabel(page, '5 号信封');
    await expect(page).toHaveURL(/label=envelope/);
    const envelopes = page.getByTestId('print-envelope');
    await expect(envelopes).toHaveCount(8);
    const firstEnvelope = envelopes.filter({ hasText: first.name });
    await expect(firstEnvelope.locator('.print-postal-box')).toHaveCount(6);
    await expect(firstEnvelope.locator('.print-postal-box')).toHaveText(
      (first.postalCode as string).split(''),
    );
    await expect(firstEnvelope).toContainText(first.address);
    await expect(firstEnvelope.locator('.print-envelope-recipient')).toHaveText(`${first.contact}收`);
    await expect(firstEnvelope).toContainText(`寄件人：${organization}`);
    // No postal code: six empty boxes to write in.
    const second = envelopes.filter({ hasText: (seeded[1] as Seeded).name });
    await expect(second.locator('.print-postal-box')).toHaveText(['', '', '', '', '', '']);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${SCREENSHOTS}/print-envelope.png`, animations: 'disabled' });

    const envelopePdf = pdfPages(await page.pdf({ preferCSSPageSize: true }));
    expect(envelopePdf.count).toBe(8);
    // 220 × 110 mm = 623.6 × 311.8 pt.
    expect(Math.abs(envelopePdf.width - 623.6)).toBeLessThan(2);
    expect(Math.abs(envelopePdf.height - 311.8)).toBeLessThan(2);
  });
});

test.describe('printing from a phone', () => {
  test.use({ locale: 'zh-CN', ...PHONE_SCREEN });

  test('label sheets and envelopes are previewed whole on the screen and print at their true size', async ({
    page,
    baseURL,
  }) => {
    const admin = await ensureOrganization(baseURL as string);
    await ensurePostalCodeField(admin);
    const tag = unique();
    await seedCustomers(admin, tag);
    await signInThroughUi(page, ADMIN.email, ADMIN.password);

    const query = `q=${encodeURIComponent(`打印${tag}`)}`;
    await page.goto(`/customers/print?layout=labels&${query}`);
    const labels = page.getByTestId('print-label');
    await expect(labels).toHaveCount(8);
    // The A4 sheet (794 px) is zoomed down to the 390 px screen: nothing to scroll sideways.
    await expectNoHorizontalOverflow(page);
    const sheet = await page.getByTestId('print-sheet').boundingBox();
    expect(sheet?.width).toBeLessThanOrEqual(390);
    expect(sheet?.width).toBeGreaterThan(300);

    // On paper: 99.1 mm wide labels on one A4 sheet, as on a desktop.
    await page.emulateMedia({ media: 'print' });
    expect((await labels.first().boundingBox())?.width).toBeCloseTo((99.1 / 25.4) * 96, 0);
    await page.emulateMedia({ media: null });
    const pdf = pdfPages(await page.pdf({ preferCSSPageSize: true }));
    expect(pdf.count).toBe(1);
    expect(Math.abs(pdf.width - 595)).toBeLessThan(2);

    await page.goto(`/customers/print?layout=labels&label=envelope&${query}`);
    await expect(page.getByTestId('print-envelope')).toHaveCount(8);
    await expectNoHorizontalOverflow(page);
    await page.screenshot({ path: `${SCREENSHOTS}/mobile-print-envelope.png`, animations: 'disabled' });
    const envelopePdf = pdfPages(await page.pdf({ preferCSSPageSize: true }));
    expect(envelopePdf.count).toBe(8);
    expect(Math.abs(envelopePdf.width - 623.6)).toBeLessThan(2);
  });
});
