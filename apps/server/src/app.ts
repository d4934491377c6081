import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import { type AppConfig, sqlitePathOf } from './config';
import { type DatabaseHandle, openDatabase } from './db/database';
import { migrateToLatest } from './db/migrate';
import { authRoutes } from './modules/auth/auth.routes';
import { contactsRoutes } from './modules/contacts/contacts.routes';
import { customFieldsRoutes } from './modules/custom-fields/custom-fields.routes';
import { backfillCustomerKeys } from './modules/customers/customer-backfill';
import { customerDuplicatesRoutes } from './modules/customers/customer-duplicates.routes';
import { customerOwnershipRoutes } from './modules/customers/customer-ownership.routes';
import { customersRoutes } from './modules/customers/customers.routes';
import { poolsRoutes } from './modules/customers/pools/pools.routes';
import { segmentsRoutes } from './modules/customers/segments/segments.routes';
import { departmentsRoutes } from './modules/departments/departments.routes';
import { exportsRoutes } from './modules/exports/exports.routes';
import { healthRoutes } from './modules/health/health.routes';
import { importsRoutes } from './modules/imports/imports.routes';
import { notificationsRoutes } from './modules/notifications/notifications.routes';
import { organizationRoutes } from './modules/organization/organization.routes';
import { setupRoutes } from './modules/organization/setup.routes';
import { rolesRoutes } from './modules/roles/roles.routes';
import { createServices, type Services } from './modules/services';
import { settingsRoutes } from './modules/settings/settings.routes';
import { usersRoutes } from './modules/users/users.routes';
import { webFormsRoutes } from './modules/web-forms/web-forms.routes';
import { registerAuth } from './platform/auth/auth-plugin';
import { registerErrorHandler } from './platform/errors/error-handler';

export interface BuiltApp {
  app: FastifyInstance;
  services: Services;
  database: DatabaseHandle;
}

const defaultWebDist = fileURLToPath(new URL('../../web/dist', import.meta.url));

export interface BuildOptions {
  /** An open database (tests); otherwise one is opened from the config and closed with the app. */
  database?: DatabaseHandle;
  /** Runs before any route is added (the route-inventory test watches routes with it). */
  beforeRoutes?: (app: FastifyInstance) => void;
}

/** Builds the whole server without listening: main.ts listens, tests inject. */
export async function buildApp(config: AppConfig, options: BuildOptions = {}): Promise<BuiltApp> {
  const database =
    options.database ?? openDatabase({ databaseUrl: config.databaseUrl, sqlitePath: sqlitePathOf(config) });
  await migrateToLatest(database);
  const services = createServices(database, config.now, {
    sortProbeCap: config.sortProbeCap,
    dataDir: config.dataDir,
    importMaxBytes: config.importMaxBytes,
  });

  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy === 'true',
  });
  options.beforeRoutes?.(app);
  app.setValidatorCompiler(validatorCompiler);
  // zod-checking every response costs ~8% of a list request: tests check, production trusts the
  // mappers (which build exact DTOs); the schemas still document the API either way.
  app.setSerializerCompiler(
    config.validateResponses === 'true' ? serializerCompiler : () => (data: unknown) => JSON.stringify(data),
  );
  if (!options.database) app.addHook('onClose', () => database.close());

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // antd writes its CSS-in-JS styles inline.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        // Many installations run on plain HTTP inside a company network: upgrading would break them.
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: config.importMaxBytes + 1, files: 1, fields: 10 } });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Kehu CRM API',
        version: '1.0.0',
        description: 'REST API of the Kehu CRM. Errors: `{ error: { code, message, fields? } }`.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'kehu_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  registerErrorHandler(app);
  registerAuth(app, {
    db: database.db,
    sessions: services.sessions,
    now: config.now,
    defaultLocale: () => services.organization.defaultLocale(),
    secureCookies: config.secureCookies === 'true',
  });

  healthRoutes(app, database);
  setupRoutes(app, services, config.secureCookies === 'true');
  authRoutes(app, services, {
    secureCookies: config.secureCookies === 'true',
    loginRateLimitPerMinute: config.loginRateLimitPerMinute,
  });
  usersRoutes(app, services);
  departmentsRoutes(app, services);
  rolesRoutes(app, services);
  customerOwnershipRoutes(app, services);
  customerDuplicatesRoutes(app, services);
  customersRoutes(app, services);
  contactsRoutes(app, services);
  settingsRoutes(app, services);
  organizationRoutes(app, services);
  customFieldsRoutes(app, services);
  importsRoutes(app, services);
  exportsRoutes(app, services);
  poolsRoutes(app, services);
  segmentsRoutes(app, services);
  notificationsRoutes(app, services);
  webFormsRoutes(app, services, { submissionsPerMinute: config.formSubmissionsPerMinute });

  // Older rows get their duplicate-check keys in the background; a large install keeps serving meanwhile.
  void backfillCustomerKeys(database.db, services.customers.repository, services.settings).catch((error) =>
    app.log.error({ err: error }, 'customer key backfill failed'),
  );

  // Fields made filterable before their indexes existed (older installs) get them in the background.
  void services.customFieldIndexes
    .queueIfNeeded()
    .catch((error) => app.log.error({ err: error }, 'custom field indexes check failed'));

  if (config.jobPollMs > 0) services.jobs.start(config.jobPollMs);
  app.addHook('onClose', () => services.jobs.stop());

  // Expired sessions are refused at once; this only keeps the table small.
  const sweep = setInterval(
    () => void services.sessions.deleteExpired(database.db, config.now().toISOString()).catch(() => {}),
    60 * 60 * 1000,
  );
  sweep.unref();
  app.addHook('onClose', async () => clearInterval(sweep));

  await serveWebApp(app, config.webDistDir ?? defaultWebDist);
  return { app, services, database };
}

/** The built React app, with index.html for every client-side route. Public form pages (/f/…) may be embedded anywhere. */
async function serveWebApp(app: FastifyInstance, distDir: string) {
  const indexFile = path.join(distDir, 'index.html');
  if (!fs.existsSync(indexFile)) return;
  await app.register(fastifyStatic, { root: path.resolve(distDir), wildcard: false, index: false });
  app.get('/', { config: { auth: 'public' }, schema: { hide: true } }, (_request, reply) =>
    reply.sendFile('index.html'),
  );
  app.get('/*', { config: { auth: 'public' }, schema: { hide: true } }, (request, reply) => {
    if (request.url.startsWith('/api/')) return reply.callNotFound();
    if (request.url.startsWith('/f/')) {
      // The embed snippet puts this page in an iframe on the company's own site.
      reply.removeHeader('x-frame-options');
      const policy = String(reply.getHeader('content-security-policy') ?? '');
      // No frame-ancestors at all: `*` would still refuse pages without a network address (file://).
      reply.header('content-security-policy', policy.replace(/frame-ancestors [^;]*;?/, ''));
    }
    const file = path.join(distDir, decodeURIComponent(request.url.split('?')[0] ?? ''));
    if (file.startsWith(path.resolve(distDir)) && fs.existsSync(file) && fs.statSync(file).isFile()) {
      return reply.sendFile(path.relative(distDir, file));
    }
    return reply.sendFile('index.html');
  });
}
