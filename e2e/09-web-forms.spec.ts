import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, type Locator, type Page, type Response, test } from '@playwright/test';
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
 * Web forms (网页表单): an administrator builds a public form in the UI; a visitor without a session
 * fills it in (also inside an iframe); the lead lands with the receiving rep as a customer.
 */

const run = String(Date.now() % 100_000).padStart(5, '0');
const phone = `137${run}${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`;

const openDropdown = (page: Page) => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');

async function pickOption(page: Page, select: Locator, text: string) {
  await select.click();
  await openDropdown(page).locator('.ant-select-item-option', { hasText: text }).first().click();
}

const isFormSave = (response: Response) =>
  response.url().endsWith('/api/v1/web-forms') && response.request().method() === 'POST';
const isSubmission = (response: Response) =>
  response.url().includes('/api/v1/public/forms/') && response.request().method() === 'POST';

test.use({ locale: 'en-US' });

/** A required customer field made for one journey: archived after it, whatever happens. */
let requiredFieldId: string | undefined;
test.afterEach(async ({ baseURL }) => {
  if (!requiredFieldId) return;
  const admin = await ensureOrganization(baseURL as string);
  await admin.patch(`/api/v1/custom-fields/${requiredFieldId}`, { archived: true });
  requiredFieldId = undefined;
});

test('an administrator builds a web form; a visitor fills it in; the rep gets the customer', async ({
  page,
  browser,
  baseURL,
}) => {
  const admin = await ensureOrganization(baseURL as string);
  const repName = `王芳${run}`;
  const rep = await createUser(admin, 'rep', repName);
  const formName = `Website leads ${run}`;
  const title = `免费试用申请 ${run}`;
  const company = `厦门云帆软件${run}有限公司`;
  const contact = `陈静${run}`;

  requiredFieldId = (
    await admin.post<{ id: string }>('/api/v1/custom-fields', {
      entity: 'customer',
      key: `budget_${run}`,
      label: `预算${run}`,
      type: 'text',
      required: true,
    })
  ).id;

  // The administrator (English UI) builds the form: a Chinese one, received by the rep.
  await signInThroughUi(page, ADMIN.email, ADMIN.password);
  await page.getByRole('navigation').getByRole('link', { name: 'Web forms' }).click();
  await expect(page).toHaveURL(/\/settings\/web-forms$/);
  await page.getByRole('button', { name: 'New web form' }).click();
  const drawer = page.getByRole('dialog', { name: 'New web form' });
  await drawer.getByLabel('Name', { exact: true }).fill(formName);
  await drawer.getByLabel('Title', { exact: true }).fill(title);
  await drawer.getByLabel('Description').fill('留下联系方式，我们将在一个工作日内联系您。');
  await drawer.getByLabel('Thank-you text').fill(`感谢您的申请 ${run}，我们会尽快联系您。`);
  await pickOption(page, drawer.getByLabel('Language'), '简体中文');
  const userPicker = drawer.getByLabel('Receiving user');
  await userPicker.click();
  await userPicker.fill(repName);
  await openDropdown(page).locator('.ant-select-item-option', { hasText: rep.email }).click();

  // A field every customer must have, not on the form: the builder says so (the lead still comes in).
  await expect(drawer.getByTestId('required-not-on-form')).toContainText(`预算${run}`);
  // On the form, the notice goes; taken off again, it comes back.
  // Typed: the field list is long, and only the options in view are rendered.
  await drawer.getByLabel('Add a field').click();
  await page.keyboard.type(`预算${run}`);
  await openDropdown(page)
    .locator('.ant-select-item-option', { hasText: `预算${run}` })
    .click();
  await expect(drawer.getByTestId('required-not-on-form')).toHaveCount(0);
  await drawer.getByRole('button', { name: `Remove 预算${run}` }).click();
  await expect(drawer.getByTestId('required-not-on-form')).toContainText(`预算${run}`);
  await admin.patch(`/api/v1/custom-fields/${requiredFieldId}`, { archived: true });
  requiredFieldId = undefined;

  // Fields: company name (there from the start), then contact name and mobile; mobile is required.
  await pickOption(page, drawer.getByLabel('Add a field'), 'Contact');
  await pickOption(page, drawer.getByLabel('Add a field'), 'Contact mobile');
  await drawer.getByLabel('Label for Contact', { exact: true }).fill('您的姓名');
  await drawer.getByRole('switch', { name: 'Contact mobile required' }).click();
  await drawer.getByRole('button', { name: 'Move Contact mobile up' }).click();
  await expect(drawer.getByTestId('web-form-field')).toHaveText([
    /^Customer name/,
    /^Contact mobile/,
    /^Contact(?! mobile)/,
  ]);

  const saved = page.waitForResponse(isFormSave);
  await drawer.getByRole('button', { name: 'Create' }).click();
  expect((await saved).status()).toBe(201);
  await expect(page.getByText('Web form saved')).toBeVisible();
  const formDrawer = page.getByRole('dialog', { name: formName });
  const urlField = formDrawer.getByRole('textbox', { name: 'Public link' });
  await expect(urlField).toHaveValue(/\/f\/[A-Za-z0-9_-]{16,64}$/);
  const url = await urlField.inputValue();
  expect(url.startsWith(`${baseURL}/f/`)).toBe(true);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL as string });
  await formDrawer.getByRole('button', { name: 'Copy Public link' }).click();
  await expect(page.getByText('Copied')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  await expect(formDrawer.getByRole('textbox', { name: 'Embed code' })).toHaveValue(
    `<iframe src="${url}" style="width:100%;min-height:640px;border:0" loading="lazy"></iframe>`,
  );
  await page.screenshot({ path: `${SCREENSHOTS}/web-form-builder.png`, animations: 'disabled' });
  const key = url.split('/f/')[1] as string;
  const stored = await admin.get<{
    items: Array<{ publicKey: string; fields: unknown; receiverUserId: string }>;
  }>('/api/v1/web-forms');
  const form = stored.items.find((item) => item.publicKey === key);
  expect(form?.receiverUserId).toBe(rep.id);
  expect(form?.fields).toEqual([
    { target: 'name', label: '', required: true },
    { target: 'contactMobile', label: '', required: true },
    { target: 'contactName', label: '您的姓名', required: false },
  ]);

  // A visitor: a fresh browser without a session, on a phone.
  const visitor = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-US' });
  const publicPage = await visitor.newPage();
  await publicPage.goto(`/f/${key}`);
  await expect(publicPage.getByRole('heading', { name: title })).toBeVisible();
  // The form's own language (Chinese), not the visitor's browser language.
  await expect(publicPage.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(publicPage.getByRole('navigation')).toHaveCount(0);
  const honeypot = publicPage.locator('input[name="website_url"], input#website_url');
  await expect(honeypot).toHaveAttribute('tabindex', '-1');
  await expect(honeypot).toHaveAttribute('autocomplete', 'off');
  await publicPage.getByLabel('客户名称').fill(company);
  await publicPage.getByLabel('您的姓名').fill(contact);
  await publicPage.getByRole('button', { name: '提交' }).click();
  // Mobile is required: checked before anything is sent.
  await expect(publicPage.locator('.ant-form-item-has-error')).toHaveCount(1);
  await expect(publicPage.locator('.ant-form-item-has-error')).toContainText('手机');
  await expect(publicPage.locator('.ant-form-item-has-error')).toContainText('必填');
  // The server's verdict lands on the right field.
  await publicPage.getByLabel('联系人手机').fill('12');
  const refused = publicPage.waitForResponse(isSubmission);
  await publicPage.getByRole('button', { name: '提交' }).click();
  expect((await refused).status()).toBe(400);
  await expect(publicPage.locator('.ant-form-item-has-error')).toContainText('请输入有效的电话号码');
  await publicPage.getByLabel('联系人手机').fill(phone);
  await publicPage.screenshot({ path: `${SCREENSHOTS}/web-form-public.png`, animations: 'disabled' });
  const accepted = publicPage.waitForResponse(isSubmission);
  await publicPage.getByRole('button', { name: '提交' }).click();
  expect((await accepted).status()).toBe(201);
  await expect(publicPage.getByText(`感谢您的申请 ${run}，我们会尽快联系您。`)).toBeVisible();

  // An unknown (or closed) form.
  await publicPage.goto(`/f/${'x'.repeat(24)}`);
  await expect(publicPage.getByRole('heading', { name: 'Form not available' })).toBeVisible();
  await visitor.close();

  // The rep finds the customer, with its source and contact.
  const repContext = await browser.newContext({ locale: 'zh-CN' });
  const repPage = await repContext.newPage();
  await signInThroughUi(repPage, rep.email, USER_PASSWORD);
  await repPage.goto('/customers');
  await repPage.getByRole('link', { name: company }).click();
  await expect(repPage.getByText('网页表单', { exact: true })).toBeVisible();
  await expect(repPage.getByText(contact).first()).toBeVisible();
  const repApi = await ApiSession.signIn(baseURL as string, rep.email, USER_PASSWORD);
  const customers = await repApi.get<{ items: Array<{ name: string; source: string; ownerId: string }> }>(
    `/api/v1/customers?q=${encodeURIComponent(company)}`,
  );
  expect(customers.items.map((c) => [c.name, c.source, c.ownerId])).toEqual([[company, '网页表单', rep.id]]);
  await repContext.close();

  // Back with the administrator: the submission and the customer it became.
  await page.reload();
  const row = page.getByRole('row', { name: new RegExp(formName) });
  await row.getByRole('button', { name: '1', exact: true }).click();
  const submissions = page.getByRole('dialog', { name: formName });
  await expect(submissions.getByRole('tab', { name: 'Submissions (1)' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  const submission = submissions.getByRole('row', { name: new RegExp(company) });
  await expect(submission).toContainText('Created');
  await expect(submission).toContainText(`您的姓名: ${contact}`);
  await submission.getByRole('link', { name: 'Customer' }).click();
  await expect(page).toHaveURL(/\/customers\/[0-9a-f-]+$/);
  await expect(page.getByRole('heading', { name: company })).toBeVisible();
});

/** A form of the administrator's, received by a new rep: its public key. */
async function seedForm(baseURL: string, title: string): Promise<string> {
  const admin = await ensureOrganization(baseURL);
  const rep = await createUser(admin, 'rep', `框架${run}`);
  const form = await admin.post<{ publicKey: string }>('/api/v1/web-forms', {
    name: `Embed ${title}`,
    title,
    thankYou: 'Thanks!',
    locale: 'en',
    receiverUserId: rep.id,
    fields: [{ target: 'contactName', label: '', required: true }],
  });
  return form.publicKey;
}

const embedding = (src: string) =>
  `<h1>Partner site</h1><iframe src="${src}" style="width:100%;min-height:640px;border:0" loading="lazy"></iframe>`;

test('the public page works inside an iframe on a company website', async ({ browser, baseURL }) => {
  const title = `Embedded form ${run}`;
  const key = await seedForm(baseURL as string, title);
  // The company's own site: another origin (a real local server, so the browser's checks apply).
  const site = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(embedding(`${baseURL}/f/${key}`));
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  const sitePort = (site.address() as AddressInfo).port;
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(`http://localhost:${sitePort}/contact`);
    const frame = page.frameLocator('iframe');
    await expect(frame.getByRole('heading', { name: title })).toBeVisible();
    await frame.getByLabel('Contact', { exact: true }).fill(`Iris ${run}`);
    await frame.getByRole('button', { name: 'Submit' }).click();
    await expect(frame.getByText('Thanks!')).toBeVisible();
    // Nothing navigated away from the company's page.
    expect(page.url()).toBe(`http://localhost:${sitePort}/contact`);
  } finally {
    await context.close();
    site.close();
  }
});

// /f/ pages send no frame-ancestors at all: even a page without a network address (about:blank,
// a file:// preview of the snippet) may embed them.
test('the public page renders in an iframe of a page set from a string', async ({ browser, baseURL }) => {
  const title = `Embedded form B ${run}`;
  const key = await seedForm(baseURL as string, title);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.setContent(embedding(`${baseURL}/f/${key}`));
  await expect(page.frameLocator('iframe').getByRole('heading', { name: title })).toBeVisible({
    timeout: 5000,
  });
  await context.close();
});
