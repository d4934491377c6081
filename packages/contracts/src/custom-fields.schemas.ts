import { z } from 'zod';
import { idSchema, isoDateTimeSchema } from './common.schemas';

/** Entities that carry custom fields (one JSON column `custom` each; later opportunities, tickets …). */
export const customFieldEntities = ['customer', 'contact'] as const;
export type CustomFieldEntity = (typeof customFieldEntities)[number];

export const customFieldTypes = [
  'text',
  'longText',
  'number',
  'money',
  'date',
  'select',
  'multiSelect',
  'boolean',
  'phone',
  'email',
  'url',
] as const;
export type CustomFieldType = (typeof customFieldTypes)[number];

/** Types whose values come from the definition's options. */
export const optionFieldTypes: readonly CustomFieldType[] = ['select', 'multiSelect'];

const optionSchema = z.strictObject({
  /** Stored in records; never changes once used (the label may). */
  value: z.string().trim().min(1).max(60),
  label: z.string().trim().min(1).max(100),
});

/** Lower-case letters, digits and underscores: safe in JSON paths, query strings and CSV headers. */
export const customFieldKeySchema = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, { message: 'fieldKey' });

const definitionFields = {
  label: z.string().trim().min(1).max(60),
  type: z.enum(customFieldTypes),
  required: z.boolean(),
  options: z.array(optionSchema).max(200),
  /** Shown as a column in lists. */
  showInList: z.boolean(),
  /** Offered as a list filter. */
  filterable: z.boolean(),
  /** Form order; smaller first. */
  sort: z.number().int().min(0).max(10_000),
  /** Hidden from forms and lists, values kept (a field that was used is archived, not deleted). */
  archived: z.boolean(),
};

export const createCustomFieldSchema = z.strictObject({
  entity: z.enum(customFieldEntities),
  key: customFieldKeySchema,
  ...definitionFields,
  required: definitionFields.required.default(false),
  options: definitionFields.options.default([]),
  showInList: definitionFields.showInList.default(false),
  filterable: definitionFields.filterable.default(false),
  sort: definitionFields.sort.default(100),
  archived: definitionFields.archived.default(false),
});
export type CreateCustomField = z.input<typeof createCustomFieldSchema>;

/** Entity, key and type are fixed once created: stored values depend on them. */
export const updateCustomFieldSchema = z.strictObject(
  z.object(definitionFields).omit({ type: true }).partial().shape,
);
export type UpdateCustomField = z.infer<typeof updateCustomFieldSchema>;

export const customFieldSchema = z
  .object({
    id: z.string(),
    entity: z.enum(customFieldEntities),
    key: z.string(),
    label: z.string(),
    type: z.enum(customFieldTypes),
    required: z.boolean(),
    options: z.array(z.object({ value: z.string(), label: z.string() })),
    showInList: z.boolean(),
    filterable: z.boolean(),
    sort: z.number().int(),
    archived: z.boolean(),
    createdAt: isoDateTimeSchema,
    updatedAt: isoDateTimeSchema,
  })
  .meta({ id: 'CustomField' });
export type CustomField = z.infer<typeof customFieldSchema>;
export const customFieldListSchema = z.object({ items: z.array(customFieldSchema) });
export const customFieldListQuerySchema = z.strictObject({
  entity: z.enum(customFieldEntities).optional(),
  includeArchived: z.enum(['true', 'false']).optional(),
});
export const customFieldParamsSchema = z.strictObject({ id: idSchema });

/** Values in records and requests: `{ key: value }`, checked on the server against the definitions. */
export const customValuesSchema = z.record(z.string().max(40), z.unknown());
export type CustomValues = Record<string, unknown>;

/**
 * A list filter on custom fields, sent as JSON in the `custom` query parameter:
 * `{ "cf_size": "large", "cf_score": { "min": 3, "max": 5 }, "cf_tags": "a" }` (multi-select: contains).
 */
export const customFilterParamSchema = z
  .string()
  .max(2000)
  .refine((text) => {
    try {
      const value = JSON.parse(text);
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    } catch {
      return false;
    }
  }, 'json');
