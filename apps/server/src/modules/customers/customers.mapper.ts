import {
  type Customer,
  type CustomerKind,
  type CustomerLevel,
  type CustomerType,
  customerEditableFields,
} from '@kehu/contracts';
import type { CustomerRow } from './customers.repository';

export interface CustomerNames {
  users: Map<string, string>;
  departments: Map<string, string>;
  tags: Map<string, string[]>;
  pools: Map<string, string>;
}

const nameIn = (map: Map<string, string>, id: string | null) => (id ? (map.get(id) ?? null) : null);

export const toCustomer = (row: CustomerRow, names: CustomerNames): Customer => ({
  id: row.id,
  kind: row.kind as CustomerKind,
  name: row.name,
  type: row.type as CustomerType,
  level: (row.level as CustomerLevel | null) ?? null,
  industry: row.industry,
  source: row.source,
  province: row.province,
  city: row.city,
  district: row.district,
  address: row.address,
  phones: JSON.parse(row.phones) as string[],
  email: row.email,
  website: row.website,
  tags: names.tags.get(row.id) ?? [],
  notes: row.notes,
  custom: JSON.parse(row.custom) as Record<string, unknown>,
  ownerId: row.owner_id,
  ownerName: nameIn(names.users, row.owner_id),
  departmentId: row.department_id,
  departmentName: nameIn(names.departments, row.department_id),
  lastFollowUpAt: row.last_follow_up_at,
  typeChangedAt: row.type_changed_at,
  poolId: row.pool_id,
  poolName: nameIn(names.pools, row.pool_id),
  pooledAt: row.pooled_at,
  poolReason: row.pool_reason,
  ownerSince: row.owner_since,
  locked: row.locked === 1,
  createdAt: row.created_at,
  createdBy: row.created_by,
  createdByName: nameIn(names.users, row.created_by),
  updatedAt: row.updated_at,
  updatedBy: row.updated_by,
  updatedByName: nameIn(names.users, row.updated_by),
  deletedAt: row.deleted_at,
  version: row.version,
});

/** The fields a user edits, in the order the history shows them. */
export const auditedCustomerFields = customerEditableFields;
