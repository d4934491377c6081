import { z } from 'zod';
import { idSchema, isoDateTimeSchema } from './common.schemas';

export const duplicatePolicies = ['skip', 'update', 'create'] as const;
export type DuplicatePolicyName = (typeof duplicatePolicies)[number];
export const importStatuses = ['draft', 'queued', 'running', 'succeeded', 'failed'] as const;

/** A target column: a built-in field (name, phone, contactName …) or `custom.<key>`. */
const targetSchema = z.string().max(60).nullable();

export const importTargetSchema = z.object({
  value: z.string(),
  /** Built-in targets are labelled by the web app (i18n); custom fields carry their label. */
  label: z.string().nullable(),
  required: z.boolean(),
});

export const importSchema = z
  .object({
    id: z.string(),
    entity: z.literal('customer'),
    status: z.enum(importStatuses),
    fileName: z.string(),
    fileSize: z.number().int(),
    format: z.enum(['csv', 'xlsx']),
    encoding: z.string(),
    headers: z.array(z.string()),
    mapping: z.array(targetSchema),
    duplicatePolicy: z.enum(duplicatePolicies),
    /** The first rows of the file, as text, for the mapping screen. */
    sample: z.array(z.array(z.string())),
    targets: z.array(importTargetSchema),
    progress: z.object({ rowsDone: z.number().int(), bytesDone: z.number().int(), percent: z.number() }),
    counts: z.object({
      created: z.number().int(),
      updated: z.number().int(),
      skipped: z.number().int(),
      failed: z.number().int(),
    }),
    hasFailedRows: z.boolean(),
    error: z.string().nullable(),
    createdAt: isoDateTimeSchema,
    startedAt: isoDateTimeSchema.nullable(),
    finishedAt: isoDateTimeSchema.nullable(),
  })
  .meta({ id: 'Import' });
export type Import = z.infer<typeof importSchema>;
export const importListSchema = z.object({
  items: z.array(importSchema.omit({ sample: true, targets: true })),
});

export const importSettingsSchema = z.strictObject({
  /** One entry per header, in file order: the target, or null to leave the column out. */
  mapping: z.array(targetSchema).max(200),
  duplicatePolicy: z.enum(duplicatePolicies),
});
export type ImportSettings = z.infer<typeof importSettingsSchema>;

export const importPreviewSchema = z.object({
  rows: z.array(
    z.object({
      rowNumber: z.number().int(),
      cells: z.array(z.string()),
      outcome: z.enum(['create', 'update', 'skip', 'fail']),
      reason: z.string().nullable(),
    }),
  ),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;
export const importParamsSchema = z.strictObject({ id: idSchema });
