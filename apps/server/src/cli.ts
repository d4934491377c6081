import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { ZodError } from 'zod';
import { type AppConfig, loadConfig, sqlitePathOf } from './config';
import { type DatabaseHandle, openDatabase } from './db/database';
import { migrateToLatest } from './db/migrate';
import { seedDemo } from './demo/seed-demo';
import { createServices } from './modules/services';
import { AppError } from './platform/errors/app-error';
import { translate } from './platform/i18n/messages';

const usage = `Usage: npm run kehu -- <command> [options]

Commands:
  migrate                                   apply pending database migrations
  setup --org NAME --name NAME --email E --password P [--locale zh-CN|en]
                                            create the organisation and its administrator (instead of the setup page)
  user add --email E --password P --role admin|manager|rep|<role name> [--name N]
                                            add a user (to the organisation's root department)
  seed-demo [--customers N] [--password P]  load a demo organisation: departments, users of each role,
                                            customers and contacts (the password is printed if not given)

Configuration comes from the environment, as for the server: DATABASE_URL, KEHU_DATA_DIR.`;

async function withDatabase<T>(
  config: AppConfig,
  work: (database: DatabaseHandle) => Promise<T>,
): Promise<T> {
  const database = openDatabase({ databaseUrl: config.databaseUrl, sqlitePath: sqlitePathOf(config) });
  try {
    await migrateToLatest(database);
    return await work(database);
  } finally {
    await database.close();
  }
}

const required = (values: Record<string, string | boolean | undefined>, name: string): string => {
  const value = values[name];
  if (typeof value !== 'string' || value === '') throw new Error(`--${name} is required`);
  return value;
};

async function main(argv: string[]) {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      password: { type: 'string' },
      role: { type: 'string' },
      name: { type: 'string' },
      org: { type: 'string' },
      locale: { type: 'string' },
      customers: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const config = loadConfig();
  const [command, sub] = positionals;

  if (!command || values.help) {
    console.log(usage);
    return;
  }
  if (command === 'migrate') {
    await withDatabase(config, async () => console.log('Database is up to date.'));
    return;
  }
  if (command === 'setup') {
    await withDatabase(config, async (database) => {
      const services = createServices(database, config.now);
      await database.db.transaction().execute((trx) =>
        services.setup.createOrganization(trx, {
          organizationName: required(values, 'org'),
          adminName: required(values, 'name'),
          adminEmail: required(values, 'email'),
          adminPassword: required(values, 'password'),
          locale: values.locale === 'en' ? 'en' : 'zh-CN',
        }),
      );
      console.log(`Organisation created; sign in as ${values.email}.`);
    });
    return;
  }
  if (command === 'user' && sub === 'add') {
    await withDatabase(config, async (database) => {
      const services = createServices(database, config.now);
      const roleId = await services.roles.resolveByKeyOrName(database.db, required(values, 'role'));
      const rootDepartmentId = await services.departments.rootId(database.db);
      const email = required(values, 'email');
      await services.users.createUnchecked(database.db, {
        email,
        name: values.name ?? email.split('@')[0] ?? email,
        password: required(values, 'password'),
        roleId,
        departmentId: rootDepartmentId,
      });
      console.log(`User ${email} added.`);
    });
    return;
  }
  if (command === 'seed-demo') {
    const password = values.password ?? randomBytes(9).toString('base64url');
    await withDatabase(config, async (database) => {
      const summary = await seedDemo(database, config.now, {
        customers: values.customers ? Number.parseInt(values.customers, 10) : 300,
        password,
      });
      console.log(summary);
      if (!values.password) console.log(`Password of every demo user: ${password}`);
    });
    return;
  }
  throw new Error(`unknown command: ${positionals.join(' ')}\n\n${usage}`);
}

const describeError = (error: unknown): string => {
  if (error instanceof AppError) {
    const fields = Object.entries(error.fields ?? {}).map(
      ([field, key]) => `  ${field}: ${translate('en', `fields.${key}`)}`,
    );
    return [translate('en', `errors.${error.code}`, error.params), ...fields].join('\n');
  }
  if (error instanceof ZodError)
    return error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('\n');
  return error instanceof Error ? error.message : String(error);
};

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(describeError(error));
  process.exit(1);
});
