import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect';
import * as foundation from './2026-11-23-0001-foundation';
import * as customerData from './2026-12-01-0001-customer-data';
import * as customFields from './2026-12-01-0002-custom-fields';
import * as jobsAndImports from './2026-12-01-0003-jobs-and-imports';
import * as exportsTable from './2026-12-01-0004-exports';
import * as duplicateGroups from './2026-12-01-0005-duplicate-groups';
import * as pools from './2026-12-01-0006-pools';
import * as webForms from './2026-12-01-0007-web-forms';
import * as tagsAndSegments from './2026-12-01-0008-tags-and-segments';
import * as fileRetention from './2026-12-01-0009-file-retention';
import * as organizationTimeZone from './2026-12-01-0010-organization-time-zone';
import * as duplicateGroupsOrder from './2026-12-01-0011-duplicate-groups-order';

export interface DialectMigration {
  up(db: Kysely<unknown>, dialect: DialectName): Promise<void>;
  down(db: Kysely<unknown>, dialect: DialectName): Promise<void>;
}

/** Append-only, in order. Names are timestamps so they sort. */
export const migrations: Record<string, DialectMigration> = {
  '2026-11-23-0001-foundation': foundation,
  '2026-12-01-0001-customer-data': customerData,
  '2026-12-01-0002-custom-fields': customFields,
  '2026-12-01-0003-jobs-and-imports': jobsAndImports,
  '2026-12-01-0004-exports': exportsTable,
  '2026-12-01-0005-duplicate-groups': duplicateGroups,
  '2026-12-01-0006-pools': pools,
  '2026-12-01-0007-web-forms': webForms,
  '2026-12-01-0008-tags-and-segments': tagsAndSegments,
  '2026-12-01-0009-file-retention': fileRetention,
  '2026-12-01-0010-organization-time-zone': organizationTimeZone,
  '2026-12-01-0011-duplicate-groups-order': duplicateGroupsOrder,
};
