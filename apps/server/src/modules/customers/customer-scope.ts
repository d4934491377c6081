import type { CustomerListQuery } from '@kehu/contracts';
import type { Selectable } from 'kysely';
import type { CustomersTable } from '../../db/schema';
import type { ShareTable } from '../../platform/permissions/data-scope';
import type { CustomFilter } from '../custom-fields/custom-filters';

/** The list query with its custom-field conditions already checked against the definitions. */
export type CustomerQuery = CustomerListQuery & {
  customFilters?: CustomFilter[];
  /** Where the created-date range's days start: the organisation's (`CustomersService.withCustomFilters`). */
  timeZone: string;
};

export type CustomerRow = Omit<Selectable<CustomersTable>, 'search_text' | 'name_key' | 'merged_into_id'>;

export const listColumns = [
  'c.seq',
  'c.id',
  'c.kind',
  'c.name',
  'c.type',
  'c.level',
  'c.industry',
  'c.source',
  'c.province',
  'c.city',
  'c.district',
  'c.address',
  'c.phones',
  'c.email',
  'c.website',
  'c.notes',
  'c.custom',
  'c.owner_id',
  'c.department_id',
  'c.last_follow_up_at',
  'c.type_changed_at',
  'c.pool_id',
  'c.pooled_at',
  'c.pool_reason',
  'c.previous_owner_id',
  'c.owner_since',
  'c.locked',
  'c.last_opportunity_at',
  'c.last_deal_at',
  'c.reclaim_warned_at',
  'c.version',
  'c.created_at',
  'c.created_by',
  'c.updated_at',
  'c.updated_by',
  'c.deleted_at',
  'c.deleted_by',
] as const;

/** A customer's owner and department decide who sees it (DESIGN.md §4). */
export const scopeColumns = { owner: 'c.owner_id', department: 'c.department_id' };

/** Team members (协作人): customers shared with a user beyond their data scope, until they expire. */
export const customerShares = (now: () => Date, access?: 'write'): ShareTable => ({
  record: 'c.id',
  table: 'customer_members',
  key: 'customer_id',
  at: now().toISOString(),
  ...(access ? { access } : {}),
});
