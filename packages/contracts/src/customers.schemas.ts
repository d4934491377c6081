import { z } from 'zod';
import {
  emailSchema,
  idSchema,
  isoDateTimeSchema,
  optionalText,
  pageOf,
  pageQueryShape,
  phoneSchema,
  urlSchema,
} from './common.schemas';
import { customFilterParamSchema, customValuesSchema } from './custom-fields.schemas';

export const customerKinds = ['company', 'individual'] as const;
/** Lifecycle: 意向 / 潜在 / 成交 / 停用. */
export const customerTypes = ['intent', 'potential', 'deal', 'inactive'] as const;
export const customerLevels = ['A', 'B', 'C'] as const;
export type CustomerKind = (typeof customerKinds)[number];
export type CustomerType = (typeof customerTypes)[number];
export type CustomerLevel = (typeof customerLevels)[number];

export const customerSortFields = ['updatedAt', 'createdAt', 'name', 'lastFollowUpAt'] as const;
export type CustomerSortField = (typeof customerSortFields)[number];

const tagSchema = z.string().trim().min(1).max(30);

/** Fields a user edits; no defaults here so that an update never resets a field it did not send. */
const customerFields = {
  kind: z.enum(customerKinds),
  name: z.string().trim().min(1).max(200),
  type: z.enum(customerTypes),
  level: z.enum(customerLevels).nullable(),
  industry: optionalText(100),
  source: optionalText(100),
  province: optionalText(50),
  city: optionalText(50),
  district: optionalText(50),
  address: optionalText(500),
  phones: z.array(phoneSchema).max(5),
  email: emailSchema.nullable(),
  website: urlSchema.nullable(),
  tags: z.array(tagSchema).max(20),
  notes: optionalText(5000),
  ownerId: idSchema,
  departmentId: idSchema.nullable(),
  /** Custom field values `{ key: value }`; on update, the keys sent are changed (null clears). */
  custom: customValuesSchema,
};

/** The fields a user edits, in form order: forms show them and the history records them. */
export const customerEditableFields = Object.keys(customerFields) as Array<keyof typeof customerFields>;

/** Sent after the user has seen the duplicate warning and still wants to save (DUPLICATE_WARNING). */
const acknowledgeDuplicates = z.boolean().optional();

export const createCustomerSchema = z.strictObject({
  ...customerFields,
  acknowledgeDuplicates,
  kind: customerFields.kind.default('company'),
  type: customerFields.type.default('intent'),
  level: customerFields.level.optional(),
  phones: customerFields.phones.default([]),
  email: customerFields.email.optional(),
  website: customerFields.website.optional(),
  tags: customerFields.tags.default([]),
  ownerId: customerFields.ownerId.optional(),
  departmentId: customerFields.departmentId.optional(),
  custom: customerFields.custom.optional(),
});
export type CreateCustomer = z.input<typeof createCustomerSchema>;

export const updateCustomerSchema = z.strictObject({
  ...z.object(customerFields).partial().shape,
  acknowledgeDuplicates,
  /** The version the editor read: a stale edit is refused with 409. */
  version: z.number().int().min(1),
});
export type UpdateCustomer = z.infer<typeof updateCustomerSchema>;

export const customerSchema = z
  .object({
    id: z.string(),
    kind: z.enum(customerKinds),
    name: z.string(),
    type: z.enum(customerTypes),
    level: z.enum(customerLevels).nullable(),
    industry: z.string().nullable(),
    source: z.string().nullable(),
    province: z.string().nullable(),
    city: z.string().nullable(),
    district: z.string().nullable(),
    address: z.string().nullable(),
    phones: z.array(z.string()),
    email: z.string().nullable(),
    website: z.string().nullable(),
    tags: z.array(z.string()),
    notes: z.string().nullable(),
    custom: z.record(z.string(), z.unknown()),
    ownerId: z.string().nullable(),
    ownerName: z.string().nullable(),
    departmentId: z.string().nullable(),
    departmentName: z.string().nullable(),
    lastFollowUpAt: isoDateTimeSchema.nullable(),
    /** When the lifecycle type last changed. */
    typeChangedAt: isoDateTimeSchema.nullable(),
    /** In a public pool (公海): no owner. */
    poolId: z.string().nullable(),
    poolName: z.string().nullable(),
    pooledAt: isoDateTimeSchema.nullable(),
    /** Why it went to the pool: the returner's words, or `auto:<rule>:<days>` for a reclaim. */
    poolReason: z.string().nullable(),
    /** Since when the current owner has had it (reclaim rules count from here). */
    ownerSince: isoDateTimeSchema.nullable(),
    /** Locked by its owner: exempt from reclaim. */
    locked: z.boolean(),
    createdAt: isoDateTimeSchema,
    createdBy: z.string().nullable(),
    createdByName: z.string().nullable(),
    updatedAt: isoDateTimeSchema,
    updatedBy: z.string().nullable(),
    updatedByName: z.string().nullable(),
    deletedAt: isoDateTimeSchema.nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'Customer' });
export type Customer = z.infer<typeof customerSchema>;
export const customerPageSchema = pageOf(customerSchema);
export type CustomerPage = z.infer<typeof customerPageSchema>;

/** `sort` is a field name, `-` in front for descending (default `-updatedAt`). */
export const customerSortSchema = z.enum([
  ...customerSortFields,
  ...customerSortFields.map((field) => `-${field}` as const),
] as [string, ...string[]]);

export const customerListQuerySchema = z.strictObject({
  q: z.string().trim().max(100).optional(),
  type: z.enum(customerTypes).optional(),
  level: z.enum(customerLevels).optional(),
  kind: z.enum(customerKinds).optional(),
  ownerId: idSchema.optional(),
  departmentId: idSchema.optional(),
  tag: tagSchema.optional(),
  industry: z.string().trim().max(100).optional(),
  source: z.string().trim().max(100).optional(),
  /** Custom field filters as JSON, e.g. `{"size":"large","score":{"min":3}}` (multi-select: contains). */
  custom: customFilterParamSchema.optional(),
  createdFrom: z.iso.date().optional(),
  createdTo: z.iso.date().optional(),
  /** `true` lists the recycle bin instead. */
  deleted: z.enum(['true', 'false']).optional(),
  sort: customerSortSchema.default('-updatedAt'),
  ...pageQueryShape,
});
export type CustomerListQuery = z.infer<typeof customerListQuerySchema>;
export type CustomerListQueryInput = z.input<typeof customerListQuerySchema>;
