import type { Generated } from 'kysely';

/** Timestamps are ISO-8601 UTC strings on both dialects (PostgreSQL timestamptz is parsed to ISO). */
type Timestamp = string;
/** Flags are 0/1 integers on both dialects (better-sqlite3 cannot bind booleans). */
type Flag = number;

export interface OrganizationsTable {
  id: string;
  name: string;
  default_locale: string;
  /** IANA name (Asia/Shanghai): where a "day" starts for daily quotas and dates in messages. */
  time_zone: string;
  created_at: Timestamp;
}

export interface DepartmentsTable {
  id: string;
  name: string;
  parent_id: string | null;
  /** Materialised path `/rootId/…/id/`: "department and below" is a prefix match. */
  path: string;
  sort: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface RolesTable {
  id: string;
  name: string;
  description: string | null;
  data_scope: string;
  /** JSON: { module: [action, …] } */
  permissions: string;
  is_admin: Flag;
  is_system: Flag;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  role_id: string;
  department_id: string | null;
  manager_id: string | null;
  status: string;
  locale: string | null;
  failed_login_count: Generated<number>;
  locked_until: Timestamp | null;
  last_login_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SessionsTable {
  /** SHA-256 of the cookie token: a stolen database does not yield live sessions. */
  id: string;
  user_id: string;
  csrf_token: string;
  ip: string | null;
  user_agent: string | null;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
}

export interface CustomersTable {
  seq: Generated<number>;
  id: string;
  kind: string;
  name: string;
  type: string;
  level: string | null;
  industry: string | null;
  source: string | null;
  province: string | null;
  city: string | null;
  district: string | null;
  address: string | null;
  /** JSON array of strings. */
  phones: string;
  email: string | null;
  website: string | null;
  notes: string | null;
  owner_id: string | null;
  department_id: string | null;
  last_follow_up_at: Timestamp | null;
  /** JSON object of custom field values. */
  custom: string;
  /** The name's comparison key (legal suffixes off): fuzzy duplicate checks score it. */
  name_key: string | null;
  type_changed_at: Timestamp | null;
  /** Set when the customer was merged into another (the survivor). */
  merged_into_id?: string | null;
  /** In a public pool (公海): no owner, `pool_id` set. */
  pool_id: string | null;
  pooled_at: Timestamp | null;
  /** Why it went to the pool: free text, or `auto:<rule>:<days>` for a reclaim. */
  pool_reason: string | null;
  previous_owner_id: string | null;
  /** Since when the current owner has had it: reclaim rules count from here. */
  owner_since: Timestamp | null;
  /** Locked by its owner: exempt from reclaim (within the pool's lock cap). */
  locked: Flag | null;
  last_opportunity_at: Timestamp | null;
  last_deal_at: Timestamp | null;
  reclaim_warned_at: Timestamp | null;
  /** PostgreSQL only: text searched through pg_trgm (SQLite keeps FTS5 tables instead). */
  search_text?: string | null;
  version: number;
  created_at: Timestamp;
  created_by: string | null;
  updated_at: Timestamp;
  updated_by: string | null;
  deleted_at: Timestamp | null;
  deleted_by: string | null;
}

export interface CustomerTagsTable {
  customer_id: string;
  tag: string;
}

export interface ContactsTable {
  id: string;
  customer_id: string;
  name: string;
  title: string | null;
  mobile: string | null;
  phone: string | null;
  email: string | null;
  wechat: string | null;
  birthday: string | null;
  notes: string | null;
  is_primary: Flag;
  custom: string;
  version: number;
  created_at: Timestamp;
  created_by: string | null;
  updated_at: Timestamp;
  updated_by: string | null;
  deleted_at: Timestamp | null;
  deleted_by: string | null;
}

export interface AuditLogTable {
  id: string;
  entity_type: string;
  entity_id: string;
  action: string;
  actor_id: string | null;
  at: Timestamp;
  /** JSON array of { field, old, new }. */
  changes: string;
}

export interface SettingsTable {
  key: string;
  /** JSON. */
  value: string;
  updated_at: Timestamp;
  updated_by: string | null;
}

/** A normalised phone (E.164) or email of a customer or of one of its contacts. */
export interface CustomerIdentitiesTable {
  customer_id: string;
  kind: 'phone' | 'email';
  value: string;
  contact_id: string | null;
}

export interface CustomerTypeChangesTable {
  id: string;
  customer_id: string;
  from_type: string | null;
  to_type: string;
  reason: string;
  at: Timestamp;
  actor_id: string | null;
}

export interface CustomerOwnerChangesTable {
  id: string;
  customer_id: string;
  action: string;
  from_owner_id: string | null;
  to_owner_id: string | null;
  reason: string | null;
  at: Timestamp;
  actor_id: string | null;
}

export interface CustomerMembersTable {
  customer_id: string;
  user_id: string;
  access: 'read' | 'write';
  expires_at: Timestamp | null;
  added_by: string | null;
  added_at: Timestamp;
}

/** SQLite FTS5 tables (contentless); absent on PostgreSQL. */
export interface CustomerSearchTable {
  rowid: number;
  text: string;
}
export interface CustomerGramsTable {
  rowid: number;
  grams: string;
}

/** SQLite fts5vocab over customer_grams: how many names hold each gram. */
export interface CustomerGramsVocabTable {
  term: string;
  doc: number;
}

export interface CustomFieldDefinitionsTable {
  id: string;
  entity: string;
  key: string;
  label: string;
  type: string;
  required: Flag;
  /** JSON array of { value, label }. */
  options: string;
  show_in_list: Flag;
  filterable: Flag;
  sort: number;
  archived: Flag;
  created_at: Timestamp;
  created_by: string | null;
  updated_at: Timestamp;
}

export interface JobsTable {
  id: string;
  type: string;
  /** queued | running | succeeded | failed */
  status: string;
  /** JSON. */
  payload: string;
  attempts: Generated<number>;
  error: string | null;
  created_by: string | null;
  created_at: Timestamp;
  run_after: Timestamp;
  started_at: Timestamp | null;
  heartbeat_at: Timestamp | null;
  finished_at: Timestamp | null;
}

export interface ImportsTable {
  id: string;
  entity: string;
  /** draft | queued | running | succeeded | failed */
  status: string;
  file_name: string;
  file_path: string;
  file_size: number;
  format: string;
  encoding: string;
  /** JSON array of the file's header cells. */
  headers: string;
  /** JSON: { header: field key | null }. */
  mapping: string;
  duplicate_policy: string;
  job_id: string | null;
  rows_done: number;
  bytes_done: number;
  created_count: number;
  updated_count: number;
  skipped_count: number;
  failed_count: number;
  failed_path: string | null;
  error: string | null;
  created_by: string;
  created_at: Timestamp;
  started_at: Timestamp | null;
  /** When the uploaded file and the failed rows were deleted (file retention). */
  files_removed_at: Timestamp | null;
  finished_at: Timestamp | null;
}

export interface ExportsTable {
  id: string;
  entity: string;
  format: string;
  /** JSON: the list query the export was asked for. */
  filters: string;
  /** queued | running | succeeded | failed | expired (the file was deleted) */
  status: string;
  rows_done: number;
  file_path: string | null;
  error: string | null;
  job_id: string | null;
  created_by: string;
  created_at: Timestamp;
  finished_at: Timestamp | null;
}

export interface DuplicateScansTable {
  id: string;
  status: string;
  customers_scanned: number;
  groups_found: number;
  error: string | null;
  job_id: string | null;
  created_by: string | null;
  created_at: Timestamp;
  finished_at: Timestamp | null;
}

export interface DuplicateGroupsTable {
  id: string;
  scan_id: string;
  /** open | merged | dismissed */
  status: string;
  /** JSON: { matchedOn: kind[], similarity: number | null } */
  reasons: string;
  size: number;
  created_at: Timestamp;
  resolved_at: Timestamp | null;
  resolved_by: string | null;
}

export interface DuplicateGroupMembersTable {
  group_id: string;
  customer_id: string;
}

export interface DuplicateDismissalsTable {
  customer_a: string;
  customer_b: string;
  dismissed_by: string | null;
  dismissed_at: Timestamp;
}

export interface CustomerPoolsTable {
  id: string;
  name: string;
  description: string | null;
  department_ids: string;
  admin_ids: string;
  rules: string;
  sort: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface NotificationsTable {
  id: string;
  user_id: string;
  kind: string;
  payload: string;
  link: string | null;
  dedupe_key: string | null;
  read_at: Timestamp | null;
  created_at: Timestamp;
}

export interface WebFormsTable {
  id: string;
  public_key: string;
  name: string;
  title: string;
  description: string | null;
  thank_you: string;
  fields: string;
  receiver_user_id: string | null;
  receiver_pool_id: string | null;
  locale: string;
  active: Flag;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface WebFormSubmissionsTable {
  id: string;
  form_id: string;
  values: string;
  status: string;
  customer_id: string | null;
  duplicate_of: string | null;
  error: string | null;
  ip: string | null;
  user_agent: string | null;
  created_at: Timestamp;
}

export interface TagDefinitionsTable {
  name: string;
  color: string;
  description: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SegmentsTable {
  id: string;
  entity: string;
  name: string;
  filters: string;
  visibility: string;
  owner_id: string;
  department_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface Database {
  organizations: OrganizationsTable;
  departments: DepartmentsTable;
  roles: RolesTable;
  users: UsersTable;
  sessions: SessionsTable;
  customers: CustomersTable;
  customer_tags: CustomerTagsTable;
  contacts: ContactsTable;
  audit_log: AuditLogTable;
  customer_search: CustomerSearchTable;
  customer_grams: CustomerGramsTable;
  customer_grams_vocab: CustomerGramsVocabTable;
  settings: SettingsTable;
  customer_identities: CustomerIdentitiesTable;
  customer_type_changes: CustomerTypeChangesTable;
  customer_owner_changes: CustomerOwnerChangesTable;
  customer_members: CustomerMembersTable;
  custom_field_definitions: CustomFieldDefinitionsTable;
  jobs: JobsTable;
  imports: ImportsTable;
  exports: ExportsTable;
  duplicate_scans: DuplicateScansTable;
  duplicate_groups: DuplicateGroupsTable;
  duplicate_group_members: DuplicateGroupMembersTable;
  duplicate_dismissals: DuplicateDismissalsTable;
  customer_pools: CustomerPoolsTable;
  notifications: NotificationsTable;
  web_forms: WebFormsTable;
  web_form_submissions: WebFormSubmissionsTable;
  tag_definitions: TagDefinitionsTable;
  segments: SegmentsTable;
}
