import { z } from 'zod';
import { emailSchema, idSchema, phoneSchema } from './common.schemas';

/** Where a record comes in: each has its own duplicate rules (the web app is the API's client). */
export const entryPoints = ['manual', 'import', 'webForm'] as const;
export type EntryPoint = (typeof entryPoints)[number];

/** What a duplicate does to an entry: nothing, a warning the user may override, or a refusal. */
export const duplicateActions = ['off', 'warn', 'block'] as const;
export type DuplicateAction = (typeof duplicateActions)[number];

export const duplicateMatchKinds = ['phone', 'email', 'name'] as const;
export type DuplicateMatchKind = (typeof duplicateMatchKinds)[number];

const ruleSchema = z.strictObject({
  phone: z.enum(duplicateActions),
  email: z.enum(duplicateActions),
  name: z.enum(duplicateActions),
});
export type DuplicateRule = z.infer<typeof ruleSchema>;

/** ISO 3166 alpha-2 region whose national numbers are read without a +country prefix. */
const regionCodeSchema = z
  .string()
  .trim()
  .regex(/^[A-Z]{2}$/, { message: 'regionCode' });

export const dataQualitySettingsSchema = z
  .strictObject({
    phoneRegion: regionCodeSchema,
    /** Company names at or above this similarity (0–1) count as likely the same customer. */
    nameSimilarityThreshold: z.number().min(0.5).max(1),
    duplicateRules: z.strictObject({
      manual: ruleSchema,
      import: ruleSchema,
      webForm: ruleSchema,
    }),
  })
  .meta({ id: 'DataQualitySettings' });
export type DataQualitySettings = z.infer<typeof dataQualitySettingsSchema>;

export const defaultDataQualitySettings: DataQualitySettings = {
  phoneRegion: 'CN',
  nameSimilarityThreshold: 0.85,
  duplicateRules: {
    manual: { phone: 'block', email: 'block', name: 'warn' },
    import: { phone: 'block', email: 'block', name: 'off' },
    webForm: { phone: 'warn', email: 'warn', name: 'off' },
  },
};

export const duplicateCheckRequestSchema = z.strictObject({
  name: z.string().trim().max(200).optional(),
  phones: z.array(phoneSchema).max(5).optional(),
  email: emailSchema.nullable().optional(),
  /** The customer being edited: it is not its own duplicate. */
  excludeId: idSchema.optional(),
});
export type DuplicateCheckRequest = z.infer<typeof duplicateCheckRequestSchema>;

/**
 * A likely duplicate. Who owns it is always told (so two reps don't chase the same customer); its
 * id is given only when the caller may open it, and none of its other fields are.
 */
export const duplicateMatchSchema = z
  .object({
    customerId: z.string().nullable(),
    name: z.string(),
    matchedOn: z.array(z.enum(duplicateMatchKinds)),
    /** Name similarity 0–1 when the name matched. */
    similarity: z.number().nullable(),
    ownerName: z.string().nullable(),
    departmentName: z.string().nullable(),
    /** The public pool (公海) holding it, when it has no owner. */
    poolName: z.string().nullable(),
    visible: z.boolean(),
    action: z.enum(['warn', 'block']),
  })
  .meta({ id: 'DuplicateMatch' });
export type DuplicateMatch = z.infer<typeof duplicateMatchSchema>;

export const duplicateCheckResultSchema = z.object({
  verdict: z.enum(['none', 'warn', 'block']),
  matches: z.array(duplicateMatchSchema),
});
export type DuplicateCheckResult = z.infer<typeof duplicateCheckResultSchema>;

/** A background scan of all customers for groups of likely duplicates. */
export const duplicateScanSchema = z
  .object({
    id: z.string(),
    status: z.enum(['queued', 'running', 'succeeded', 'failed']),
    customersScanned: z.number().int(),
    groupsFound: z.number().int(),
    error: z.string().nullable(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'DuplicateScan' });
export type DuplicateScan = z.infer<typeof duplicateScanSchema>;
export const latestDuplicateScanSchema = z.object({ scan: duplicateScanSchema.nullable() });

export const duplicateGroupMemberSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  ownerName: z.string().nullable(),
  departmentName: z.string().nullable(),
  phones: z.array(z.string()),
  email: z.string().nullable(),
  province: z.string().nullable(),
  city: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export const duplicateGroupSchema = z
  .object({
    id: z.string(),
    matchedOn: z.array(z.enum(duplicateMatchKinds)),
    similarity: z.number().nullable(),
    /** Only the members the caller may see (a group shows when at least two are). */
    members: z.array(duplicateGroupMemberSchema),
  })
  .meta({ id: 'DuplicateGroup' });
export type DuplicateGroup = z.infer<typeof duplicateGroupSchema>;
export const duplicateGroupPageSchema = z.object({
  items: z.array(duplicateGroupSchema),
  nextCursor: z.string().nullable(),
});
export const duplicateGroupListQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(100).optional(),
});

/** Fields whose surviving value the user picks from one of the merged customers. */
export const mergeableCustomerFields = [
  'kind',
  'name',
  'type',
  'level',
  'industry',
  'source',
  'region',
  'address',
  'email',
  'website',
  'notes',
  'owner',
] as const;
export type MergeableCustomerField = (typeof mergeableCustomerFields)[number];

export const mergeCustomersSchema = z.strictObject({
  survivorId: idSchema,
  mergedIds: z.array(idSchema).min(1).max(9),
  /**
   * For each field (and `custom.<key>`), the customer whose value survives; a field not named keeps
   * the survivor's value (or, when the survivor has none, the first merged customer's that has one).
   * Phones, tags, contacts, team members and other records are combined.
   */
  values: z.record(z.string().max(60), idSchema).default({}),
  /** The duplicate group this merge resolves. */
  groupId: idSchema.optional(),
  /** The `version` of each customer as the user saw them: a customer changed since gets 409. */
  versions: z.record(idSchema, z.number().int().min(1)).optional(),
});
export type MergeCustomers = z.input<typeof mergeCustomersSchema>;
