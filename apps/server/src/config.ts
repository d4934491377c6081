import path from 'node:path';
import { z } from 'zod';

const configSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535).default(3000),
  host: z.string().default('0.0.0.0'),
  dataDir: z.string().default('data'),
  databaseUrl: z.string().optional(),
  /** Cookies get `Secure` when the app is served over HTTPS (behind a proxy or not). */
  secureCookies: z.enum(['true', 'false']).default('false'),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  bodyLimitBytes: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  loginRateLimitPerMinute: z.coerce.number().int().min(1).default(10),
  webDistDir: z.string().optional(),
  /** Check every response against its schema (tests); production serialises the mappers' DTOs as they are. */
  validateResponses: z.enum(['true', 'false']).default('false'),
  /** Trust X-Forwarded-* (client address for rate limits) only behind a known reverse proxy. */
  trustProxy: z.enum(['true', 'false']).default('false'),
  /** The largest import file (bytes). A million-row CSV is ~150 MB. */
  importMaxBytes: z.coerce
    .number()
    .int()
    .min(1024)
    .default(200 * 1024 * 1024),
  /** Submissions of public web forms accepted per minute per client address (spam). */
  formSubmissionsPerMinute: z.coerce.number().int().min(1).default(10),
  /** How often the background job runner looks for work (ms); 0 = never (tests drain by hand). */
  jobPollMs: z.coerce.number().int().min(0).default(1000),
});

export type AppConfig = z.infer<typeof configSchema> & {
  /** Injected clock: tests move time; production uses the wall clock. */
  now: () => Date;
  /** Matches that make a list filter "broad" enough for the sort's index to drive (tests lower it). */
  sortProbeCap?: number;
};

export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  overrides: Partial<AppConfig> = {},
): AppConfig {
  const parsed = configSchema.parse({
    port: env.PORT,
    host: env.HOST,
    dataDir: env.KEHU_DATA_DIR,
    databaseUrl: env.DATABASE_URL,
    secureCookies: env.KEHU_SECURE_COOKIES,
    logLevel: env.LOG_LEVEL,
    bodyLimitBytes: env.KEHU_BODY_LIMIT,
    loginRateLimitPerMinute: env.KEHU_LOGIN_RATE_LIMIT,
    webDistDir: env.KEHU_WEB_DIST,
    trustProxy: env.KEHU_TRUST_PROXY,
    validateResponses: env.KEHU_VALIDATE_RESPONSES,
    importMaxBytes: env.KEHU_IMPORT_MAX_BYTES,
    jobPollMs: env.KEHU_JOB_POLL_MS,
    formSubmissionsPerMinute: env.KEHU_FORM_RATE_LIMIT,
  });
  return { ...parsed, now: () => new Date(), ...overrides };
}

export const sqlitePathOf = (config: Pick<AppConfig, 'dataDir'>) => path.resolve(config.dataDir, 'kehu.db');
