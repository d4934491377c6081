import { z } from 'zod';
import { idSchema, isoDateTimeSchema, pageOf, pageQueryShape } from './common.schemas';
import { customerLevels, customerTypes } from './customers.schemas';

const days = z.number().int().min(1).max(3650).nullable();

/** When an owned customer goes back to the pool: N days without a follow-up / new opportunity / deal. */
const reclaimRuleSchema = z.strictObject({
  noFollowUpDays: days,
  noNewOpportunityDays: days,
  noDealDays: days,
});
export type ReclaimRule = z.infer<typeof reclaimRuleSchema>;

export const poolRulesSchema = z.strictObject({
  /** Reclaim rules for every customer; `byLevel` overrides them for customers of a level. */
  reclaim: reclaimRuleSchema,
  byLevel: z.partialRecord(z.enum(customerLevels), reclaimRuleSchema).default({}),
  /** Won customers (成交) are never reclaimed. */
  exemptWon: z.boolean(),
  /** Customers their owner locked are never reclaimed. */
  exemptLocked: z.boolean(),
  /** The owner is told this many days before a reclaim. */
  warnDaysBefore: days,
  /** How many customers a user may claim from this pool per day. */
  dailyClaimQuota: z.number().int().min(1).max(10_000).nullable(),
  /** The previous owner may claim a customer back only after this many days. */
  reclaimCooldownDays: days,
  /** How many customers a user may own (claims and assignments beyond it are refused). */
  ownershipCap: z.number().int().min(1).max(1_000_000).nullable(),
  /** How many of their customers a user may lock. */
  lockCap: z.number().int().min(0).max(100_000).nullable(),
  /** Won customers do not count towards the ownership cap. */
  capExcludesWon: z.boolean(),
  /** Phones and emails of pooled customers are shown masked (138****8000) to non-administrators. */
  maskContacts: z.boolean(),
});
export type PoolRules = z.infer<typeof poolRulesSchema>;

export const defaultPoolRules: PoolRules = {
  reclaim: { noFollowUpDays: 30, noNewOpportunityDays: null, noDealDays: 90 },
  byLevel: {},
  exemptWon: true,
  exemptLocked: true,
  warnDaysBefore: 3,
  dailyClaimQuota: 10,
  reclaimCooldownDays: 7,
  ownershipCap: 500,
  lockCap: 20,
  capExcludesWon: true,
  maskContacts: true,
};

const poolFields = {
  name: z.string().trim().min(1).max(60),
  description: z.string().trim().max(500).nullable(),
  /** Whose pool it is: users of these departments (and below) use it; their customers return to it. [] = everyone. */
  departmentIds: z.array(idSchema).max(200),
  /** Users who assign this pool's customers (besides administrators). */
  adminIds: z.array(idSchema).max(50),
  rules: poolRulesSchema,
  sort: z.number().int().min(0).max(10_000),
};
export const createPoolSchema = z.strictObject({
  ...poolFields,
  description: poolFields.description.optional(),
  departmentIds: poolFields.departmentIds.default([]),
  adminIds: poolFields.adminIds.default([]),
  rules: poolFields.rules.default(defaultPoolRules),
  sort: poolFields.sort.default(100),
});
export type CreatePool = z.input<typeof createPoolSchema>;
export const updatePoolSchema = z.strictObject(z.object(poolFields).partial().shape);
export type UpdatePool = z.infer<typeof updatePoolSchema>;

export const poolSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    departmentIds: z.array(z.string()),
    adminIds: z.array(z.string()),
    rules: poolRulesSchema,
    sort: z.number().int(),
    /** Customers in the pool now. */
    size: z.number().int(),
    /** The caller may assign from it. */
    canAssign: z.boolean(),
    createdAt: isoDateTimeSchema,
    updatedAt: isoDateTimeSchema,
  })
  .meta({ id: 'Pool' });
export type Pool = z.infer<typeof poolSchema>;
export const poolListSchema = z.object({ items: z.array(poolSchema) });

export const pooledCustomerSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.string(),
    type: z.enum(customerTypes),
    level: z.enum(customerLevels).nullable(),
    industry: z.string().nullable(),
    province: z.string().nullable(),
    city: z.string().nullable(),
    /** Masked (138****8000) when the pool masks contacts and the caller is not its administrator. */
    phones: z.array(z.string()),
    email: z.string().nullable(),
    tags: z.array(z.string()),
    pooledAt: isoDateTimeSchema.nullable(),
    /** Free text, or `auto:<rule>:<days>` for an automatic reclaim. */
    poolReason: z.string().nullable(),
    previousOwnerName: z.string().nullable(),
    lastFollowUpAt: isoDateTimeSchema.nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'PooledCustomer' });
export type PooledCustomer = z.infer<typeof pooledCustomerSchema>;
export const pooledCustomerPageSchema = pageOf(pooledCustomerSchema);
export const poolCustomersQuerySchema = z.strictObject({
  q: z.string().trim().max(100).optional(),
  level: z.enum(customerLevels).optional(),
  ...pageQueryShape,
});

export const returnToPoolSchema = z.strictObject({
  customerIds: z.array(idSchema).min(1).max(200),
  poolId: idSchema,
  reason: z.string().trim().min(1).max(500),
});
export const claimSchema = z.strictObject({ customerIds: z.array(idSchema).min(1).max(50) });
export const assignSchema = z.strictObject({
  customerIds: z.array(idSchema).min(1).max(200),
  toUserId: idSchema,
  reason: z.string().trim().max(500).optional(),
});
export const lockSchema = z.strictObject({ locked: z.boolean() });
export const poolMoveResultSchema = z.object({ moved: z.number().int() });

export const reclaimRunSchema = z.object({
  /** Customers moved back to pools in this run. */
  reclaimed: z.number().int(),
  /** Owners told that a customer will be reclaimed soon. */
  warned: z.number().int(),
});
export type ReclaimRun = z.infer<typeof reclaimRunSchema>;
export const poolParamsSchema = z.strictObject({ id: idSchema });
export const poolCustomerParamsSchema = z.strictObject({ id: idSchema });

export const notificationSchema = z
  .object({
    id: z.string(),
    kind: z.string(),
    /** A message key and its parameters, translated by the web app. */
    payload: z.record(z.string(), z.unknown()),
    link: z.string().nullable(),
    readAt: isoDateTimeSchema.nullable(),
    createdAt: isoDateTimeSchema,
  })
  .meta({ id: 'Notification' });
export const notificationPageSchema = z.object({
  items: z.array(notificationSchema),
  nextCursor: z.string().nullable(),
  unread: z.number().int(),
});
