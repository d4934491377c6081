import { type APIRequestContext, expect, type Locator, type Page, request } from '@playwright/test';

export const ADMIN = { email: 'admin@kehu.test', password: 'admin-pass-123', name: 'Ada Admin' };
export const USER_PASSWORD = 'user-pass-1234';
export const SCREENSHOTS = 'docs/screenshots';

/** A response body: a record, or the error envelope (DESIGN.md §4). */
export type ApiAnswer = Record<string, unknown> & {
  error?: { code: string; message: string; details?: Record<string, unknown> };
};

/** An API session for seeding data (DESIGN.md §5: e2e data is seeded through the API). */
export class ApiSession {
  private constructor(
    readonly context: APIRequestContext,
    private readonly csrfToken: string,
    readonly user: { id: string; departmentId: string | null },
  ) {}

  static async signIn(baseURL: string, email: string, password: string): Promise<ApiSession> {
    const context = await request.newContext({ baseURL, extraHTTPHeaders: { 'accept-language': 'en' } });
    const response = await context.post('/api/v1/auth/login', { data: { email, password } });
    expect(response.status(), await response.text()).toBe(200);
    const me = await response.json();
    return new ApiSession(context, me.csrfToken, me.user);
  }

  async post<T = Record<string, unknown>>(url: string, data: unknown): Promise<T> {
    const response = await this.context.post(url, { data, headers: { 'x-csrf-token': this.csrfToken } });
    expect(response.ok(), `${url}: ${await response.text()}`).toBe(true);
    return (await response.json()) as T;
  }

  async get<T = Record<string, unknown>>(url: string): Promise<T> {
    const response = await this.context.get(url);
    expect(response.ok(), `${url}: ${await response.text()}`).toBe(true);
    return (await response.json()) as T;
  }

  async put<T = Record<string, unknown>>(url: string, data: unknown): Promise<T> {
    const response = await this.context.put(url, { data, headers: { 'x-csrf-token': this.csrfToken } });
    expect(response.ok(), `${url}: ${await response.text()}`).toBe(true);
    return (await response.json()) as T;
  }

  async patch<T = Record<string, unknown>>(url: string, data: unknown): Promise<T> {
    const response = await this.context.patch(url, { data, headers: { 'x-csrf-token': this.csrfToken } });
    expect(response.ok(), `${url}: ${await response.text()}`).toBe(true);
    return (await response.json()) as T;
  }

  /** A POST that may be refused: the status and the body as they came (nothing is asserted). */
  async attempt(url: string, data: unknown): Promise<{ status: number; body: ApiAnswer }> {
    const response = await this.context.post(url, { data, headers: { 'x-csrf-token': this.csrfToken } });
    return { status: response.status(), body: (await response.json()) as ApiAnswer };
  }
}

/** Sets the organisation up through the API unless a test (or an earlier run) already did. */
export async function ensureOrganization(baseURL: string): Promise<ApiSession> {
  const context = await request.newContext({ baseURL });
  const status = await (await context.get('/api/v1/setup/status')).json();
  if (status.needsSetup) {
    const response = await context.post('/api/v1/setup', {
      data: {
        organizationName: '星云科技',
        adminName: ADMIN.name,
        adminEmail: ADMIN.email,
        adminPassword: ADMIN.password,
        locale: 'en',
      },
    });
    expect(response.status()).toBe(201);
  }
  await context.dispose();
  return ApiSession.signIn(baseURL, ADMIN.email, ADMIN.password);
}

let userCounter = 0;

/** A user with one of the default roles, created by the administrator through the API. */
export async function createUser(
  admin: ApiSession,
  role: 'rep' | 'manager',
  name: string,
): Promise<{ id: string; email: string }> {
  userCounter += 1;
  const roles = await admin.get<{ items: Array<{ id: string; dataScope: string; isAdmin: boolean }> }>(
    '/api/v1/roles',
  );
  const roleId = roles.items.find(
    (r) => !r.isAdmin && r.dataScope === (role === 'rep' ? 'own' : 'department_and_below'),
  )?.id;
  const email = `${role}${userCounter}-${Date.now()}@kehu.test`;
  const user = await admin.post<{ id: string }>('/api/v1/users', {
    email,
    name,
    password: USER_PASSWORD,
    roleId,
    departmentId: admin.user.departmentId,
  });
  return { id: user.id, email };
}

export async function signInThroughUi(page: Page, email: string, password: string) {
  await page.goto('/login');
  await page.getByLabel(/^(Email|邮箱)$/).fill(email);
  await page.getByLabel(/^(Password|密码)$/).fill(password);
  await page.getByRole('button', { name: /^(Sign in|登录)$/ }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

/** A phone-sized screen (an iPhone 12–15 in CSS pixels), touch included. */
export const PHONE_SCREEN = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
} as const;

/** Nothing may stick out sideways: the page is as wide as the viewport. */
export async function expectNoHorizontalOverflow(page: Page) {
  // clientWidth, not innerWidth: under mobile emulation the layout viewport grows with the content,
  // so innerWidth would hide exactly the overflow this looks for.
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(1);
}

const run = String(Date.now() % 100_000).padStart(5, '0');
let counter = 0;
/**
 * A number no other record of this run has (shared by every spec of the worker, so two specs never
 * hand out the same one): names carry it (numbers tell names apart) and phones are built from it.
 */
export const unique = () => {
  counter += 1;
  return `${run}${String(counter).padStart(3, '0')}`;
};

/** The open (not hidden) dropdown of an antd select: options are picked from it by their text. */
export const openDropdown = (page: Page) =>
  page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');

/** Picks a user in a user picker (a searching select) by typing their name. */
export async function pickUser(page: Page, picker: Locator, name: string, email: string) {
  await picker.click();
  await picker.fill(name);
  await openDropdown(page).locator('.ant-select-item-option', { hasText: email }).click();
}
