import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { type BuiltApp, buildApp } from '../src/app';
import { type AppConfig, loadConfig } from '../src/config';
import { openDatabase } from '../src/db/database';
import type { DialectName } from '../src/db/dialect';

/** The dialect this test run uses: `TEST_DIALECT=postgres` runs the same suite on PostgreSQL. */
export const testDialect: DialectName = process.env.TEST_DIALECT === 'postgres' ? 'postgres' : 'sqlite';
const postgresBaseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A clock the test moves by hand. */
export class TestClock {
  constructor(private current = new Date('2026-11-23T08:00:00.000Z')) {}
  now = () => new Date(this.current);
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export interface TestApp extends BuiltApp {
  clock: TestClock;
  close(): Promise<void>;
}

/** A fresh database per call (one per test file, usually): a temp SQLite file or a new PostgreSQL database. */
export async function buildTestApp(overrides: Partial<AppConfig> = {}): Promise<TestApp> {
  const clock = new TestClock();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehu-test-'));
  const config = loadConfig(
    {},
    // Jobs run when a test drains them (services.jobs.drain()), not on a timer.
    {
      logLevel: 'silent',
      loginRateLimitPerMinute: 10_000,
      now: clock.now,
      dataDir,
      jobPollMs: 0,
      ...overrides,
    },
  );
  let cleanup: () => Promise<void>;
  let database: BuiltApp['database'];
  if (testDialect === 'postgres') {
    const name = `kehu_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: postgresBaseUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(postgresBaseUrl);
    url.pathname = `/${name}`;
    database = openDatabase({ databaseUrl: url.toString(), sqlitePath: '' });
    cleanup = async () => {
      const client = new pg.Client({ connectionString: postgresBaseUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
      fs.rmSync(dataDir, { recursive: true, force: true });
    };
  } else {
    database = openDatabase({ sqlitePath: path.join(dataDir, 'kehu.db') });
    cleanup = async () => fs.rmSync(dataDir, { recursive: true, force: true });
  }
  const built = await buildApp(config, { database });
  await built.app.ready();
  return {
    ...built,
    clock,
    async close() {
      await built.app.close();
      await database.close();
      await cleanup();
    },
  };
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Tests read response bodies loosely: the assertions are what check their shape. */
// biome-ignore lint/suspicious/noExplicitAny: see above
type Json = any;

export interface Response<T = unknown> {
  status: number;
  body: T;
  headers: Record<string, unknown>;
}

/** Calls the API as one signed-in user (cookie + CSRF header), or anonymously. */
export class ApiClient {
  constructor(
    private readonly app: FastifyInstance,
    private readonly session?: { cookie: string; csrfToken: string },
    private readonly locale = 'en',
  ) {}

  inLocale(locale: string) {
    return new ApiClient(this.app, this.session, locale);
  }

  async request<T = Json>(
    method: Method,
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Response<T>> {
    const response = await this.app.inject({
      method,
      url,
      payload: body === undefined ? undefined : (body as object),
      headers: {
        'accept-language': this.locale,
        ...(this.session ? { cookie: this.session.cookie } : {}),
        ...(this.session && method !== 'GET' ? { 'x-csrf-token': this.session.csrfToken } : {}),
        ...headers,
      },
    });
    const text = response.body;
    return {
      status: response.statusCode,
      body: (text && response.headers['content-type']?.toString().includes('json')
        ? JSON.parse(text)
        : text) as T,
      headers: response.headers,
    };
  }

  get<T = Json>(url: string, query?: Record<string, string | number | undefined>) {
    const search = query
      ? `?${new URLSearchParams(Object.entries(query).filter(([, v]) => v !== undefined) as [string, string][]).toString()}`
      : '';
    return this.request<T>('GET', url + search);
  }
  post<T = Json>(url: string, body?: unknown) {
    return this.request<T>('POST', url, body ?? {});
  }
  patch<T = Json>(url: string, body: unknown) {
    return this.request<T>('PATCH', url, body);
  }
  /** A multipart/form-data upload of one file field named `file`, as a browser sends it. */
  async upload<T = Json>(url: string, fileName: string, content: Buffer | string): Promise<Response<T>> {
    const boundary = `----kehu${Date.now()}`;
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      Buffer.isBuffer(content) ? content : Buffer.from(content),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const response = await this.app.inject({
      method: 'POST',
      url,
      payload,
      headers: {
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'accept-language': this.locale,
        ...(this.session ? { cookie: this.session.cookie, 'x-csrf-token': this.session.csrfToken } : {}),
      },
    });
    const text = response.body;
    return {
      status: response.statusCode,
      body: (text && response.headers['content-type']?.toString().includes('json')
        ? JSON.parse(text)
        : text) as T,
      headers: response.headers,
    };
  }

  /** A file download: the raw bytes and headers. */
  async download(url: string): Promise<{ status: number; bytes: Buffer; headers: Record<string, unknown> }> {
    const response = await this.app.inject({
      method: 'GET',
      url,
      headers: { 'accept-language': this.locale, ...(this.session ? { cookie: this.session.cookie } : {}) },
    });
    return { status: response.statusCode, bytes: response.rawPayload, headers: response.headers };
  }

  put<T = Json>(url: string, body: unknown) {
    return this.request<T>('PUT', url, body);
  }
  delete<T = Json>(url: string) {
    return this.request<T>('DELETE', url);
  }
}

export const sessionCookieOf = (headers: Record<string, unknown>): string => {
  const raw = headers['set-cookie'];
  const list = Array.isArray(raw) ? raw : [String(raw)];
  const cookie = list.find((entry: string) => entry.startsWith('kehu_session='));
  if (!cookie) throw new Error('no session cookie was set');
  return cookie.split(';')[0] as string;
};
