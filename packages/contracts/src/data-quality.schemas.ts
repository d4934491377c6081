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
