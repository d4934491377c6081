import type { DatabaseHandle } from '../db/database';
import { SessionsRepository } from '../platform/auth/sessions.repository';
import { FileStore } from '../platform/files/file-store';
import { JobRunner } from '../platform/jobs/job-runner';
import { dailyAt } from '../platform/jobs/schedules';
import { Notifier } from '../platform/notifications/notifier';
import { AuthService } from './auth/auth.service';
import { ContactsService } from './contacts/contacts.service';
import { CUSTOM_FIELD_INDEXES_JOB, CustomFieldIndexes } from './custom-fields/custom-field-indexes';
import { CustomFieldsService } from './custom-fields/custom-fields.service';
import { CustomerDuplicatesService } from './customers/customer-duplicates.service';
import { CustomerImportService } from './customers/customer-import.service';
import { CustomerLifecycleService } from './customers/customer-lifecycle.service';
import { CustomerMembersService } from './customers/customer-members.service';
import { CustomerMergeService } from './customers/customer-merge.service';
import { CustomerTaggingService } from './customers/customer-tagging.service';
import { CustomerTransferService } from './customers/customer-transfer.service';
import { CustomersService } from './customers/customers.service';
import { PoolCustomersService } from './customers/pools/pool-customers.service';
import { PoolMovesService } from './customers/pools/pool-moves.service';
import { PoolReclaimService, RECLAIM_HOUR, RECLAIM_JOB } from './customers/pools/pool-reclaim.service';
import { PoolsService } from './customers/pools/pools.service';
import { SegmentsService } from './customers/segments/segments.service';
import { TagsService } from './customers/segments/tags.service';
import { DepartmentsService } from './departments/departments.service';
import { ExportsService } from './exports/exports.service';
import { ImportsService } from './imports/imports.service';
import { OrganizationService } from './organization/organization.service';
import { SetupService } from './organization/setup.service';
import { RolesService } from './roles/roles.service';
import { SettingsService } from './settings/settings.service';
import { UsersService } from './users/users.service';
import { WebFormSubmissionsService } from './web-forms/web-form-submissions.service';
import { WebFormsService } from './web-forms/web-forms.service';

/** Daily: stale drafts, old imports' files and old export files are deleted. */
export const FILE_RETENTION_JOB = 'files.retention';
/** File clean-up runs daily at 03:00 where the organisation works, after the reclaim. */
const FILE_RETENTION_HOUR = 3;

/** Wires the services once per app; routes, the CLI and the demo seed use the same instances. */
export function createServices(
  database: DatabaseHandle,
  now: () => Date,
  options: { sortProbeCap?: number; dataDir?: string; importMaxBytes?: number } = {},
) {
  const { db, dialect } = database;
  const sessions = new SessionsRepository();
  const organization = new OrganizationService(db, now);
  const roles = new RolesService(db, now);
  const departments = new DepartmentsService(db, now);
  const users = new UsersService(db, dialect, now, roles, departments, sessions);
  const auth = new AuthService(db, now, sessions, users, organization);
  const setup = new SetupService(db, now, organization, roles, departments, users, auth);
  const settings = new SettingsService(db, now);
  const jobs = new JobRunner(db, now);
  const customFieldIndexes = new CustomFieldIndexes(db, dialect, jobs);
  jobs.register(CUSTOM_FIELD_INDEXES_JOB, () => customFieldIndexes.reconcile().then(() => undefined));
  const customFields = new CustomFieldsService(db, now, customFieldIndexes);
  const customers = new CustomersService(
    db,
    dialect,
    now,
    users,
    departments,
    settings,
    customFields,
    organization,
    options.sortProbeCap,
  );
  const customerTransfer = new CustomerTransferService(db, now, customers.repository, customers.ownership);
  const customerTagging = new CustomerTaggingService(db, now, customers.repository);
  const customerMembers = new CustomerMembersService(db, now, customers.repository, sessions, users);
  const customerLifecycle = new CustomerLifecycleService(
    db,
    now,
    customers.repository,
    customers.lists,
    users,
    (query) => customers.withCustomFilters(query),
  );
  const contacts = new ContactsService(db, dialect, now, customers, customFields, settings);
  const customerImports = new CustomerImportService(customers.repository, settings, users);
  const files = new FileStore(options.dataDir ?? 'data');
  const customerDuplicates = new CustomerDuplicatesService(
    db,
    now,
    jobs,
    customers.repository,
    settings,
    users,
    departments,
  );
  const customerMerge = new CustomerMergeService(
    db,
    now,
    customers.repository,
    customers,
    customers.identity,
    customerDuplicates,
  );
  customerMerge.registerParticipant((executor, merge) => contacts.moveForMerge(executor, merge));
  const imports = new ImportsService(
    db,
    now,
    files,
    jobs,
    sessions,
    organization,
    settings,
    customFields,
    customerImports,
    contacts,
    options.importMaxBytes ?? 200 * 1024 * 1024,
  );
  const notifier = new Notifier(db, now);
  const pools = new PoolsService(db, dialect, now, departments, users);
  const poolMoves = new PoolMovesService(
    db,
    now,
    pools,
    customers.repository,
    sessions,
    departments,
    notifier,
    organization,
  );
  const poolCustomers = new PoolCustomersService(db, pools, customers.repository, users);
  const poolReclaim = new PoolReclaimService(db, now, pools, poolMoves, departments, notifier, organization);
  jobs.register(RECLAIM_JOB, () => poolReclaim.run().then(() => undefined));
  const organizationTimeZone = () => organization.timeZone();
  jobs.every(RECLAIM_JOB, dailyAt(RECLAIM_HOUR, organizationTimeZone));
  const tags = new TagsService(db, now);
  const segments = new SegmentsService(db, now, customers, customers.lists, users);
  const webForms = new WebFormsService(db, now, users, pools, customFields);
  const webFormSubmissions = new WebFormSubmissionsService(
    db,
    now,
    webForms.repository,
    sessions,
    customFields,
    customers,
    contacts,
    pools,
    poolMoves,
    notifier,
  );
  const exports = new ExportsService(db, now, files, jobs, sessions, organization, customFields, customers);
  // Files made for one use (uploads, failed rows, exports) are deleted after their retention.
  jobs.register(FILE_RETENTION_JOB, async () => {
    await imports.removeOldFiles();
    await exports.expireOld();
  });
  jobs.every(FILE_RETENTION_JOB, dailyAt(FILE_RETENTION_HOUR, organizationTimeZone));
  // Daily runs follow the organisation's clock: a new time zone moves the runs already queued.
  organization.onTimeZoneChange(() => jobs.reschedule());
  return {
    sessions,
    organization,
    roles,
    departments,
    users,
    auth,
    setup,
    settings,
    customFields,
    customFieldIndexes,
    customers,
    customerTransfer,
    customerTagging,
    customerMembers,
    customerLifecycle,
    customerDuplicates,
    customerMerge,
    contacts,
    files,
    jobs,
    imports,
    exports,
    notifier,
    pools,
    poolMoves,
    poolCustomers,
    poolReclaim,
    webForms,
    webFormSubmissions,
    tags,
    segments,
  };
}

export type Services = ReturnType<typeof createServices>;
