import { z } from 'zod';
import { idSchema, isoDateTimeSchema } from './common.schemas';
import { customerListQuerySchema } from './customers.schemas';

/** Admin-managed tags: a colour (antd preset name or #rrggbb) and an optional description. */
export const tagColorSchema = z
  .string()
  .trim()
  .regex(/^(#[0-9a-fA-F]{6}|[a-z]{3,12})$/, { message: 'invalid' });
export const tagNameSchema = z.string().trim().min(1).max(30);

export const tagDefinitionSchema = z
  .object({
    name: z.string(),
    color: z.string(),
    description: z.string().nullable(),
    updatedAt: isoDateTimeSchema,
  })
  .meta({ id: 'TagDefinition' });
export type TagDefinition = z.infer<typeof tagDefinitionSchema>;
export const tagListSchema = z.object({ items: z.array(tagDefinitionSchema) });
export const putTagSchema = z.strictObject({
  color: tagColorSchema,
  description: z.string().trim().max(200).nullable().optional(),
  /** Renames the tag on every customer that carries it. */
  renameTo: tagNameSchema.optional(),
});
export const tagParamsSchema = z.strictObject({ name: tagNameSchema });

/** A saved view / segment: a named customer-list query; members are computed when asked for. */
export const segmentFiltersSchema = customerListQuerySchema
  .omit({ cursor: true, limit: true, deleted: true })
  .partial();
export type SegmentFilters = z.infer<typeof segmentFiltersSchema>;
export const segmentVisibilities = ['private', 'department'] as const;

export const createSegmentSchema = z.strictObject({
  name: z.string().trim().min(1).max(60),
  filters: segmentFiltersSchema,
  visibility: z.enum(segmentVisibilities).default('private'),
});
export type CreateSegment = z.input<typeof createSegmentSchema>;
export const updateSegmentSchema = z.strictObject({
  name: z.string().trim().min(1).max(60).optional(),
  filters: segmentFiltersSchema.optional(),
  visibility: z.enum(segmentVisibilities).optional(),
});

export const segmentSchema = z
  .object({
    id: z.string(),
    entity: z.literal('customer'),
    name: z.string(),
    filters: z.record(z.string(), z.unknown()),
    visibility: z.enum(segmentVisibilities),
    ownerId: z.string(),
    ownerName: z.string().nullable(),
    departmentId: z.string().nullable(),
    /** The caller may change or delete it (its owner, or an administrator). */
    editable: z.boolean(),
    createdAt: isoDateTimeSchema,
    updatedAt: isoDateTimeSchema,
  })
  .meta({ id: 'Segment' });
export type Segment = z.infer<typeof segmentSchema>;
export const segmentListSchema = z.object({ items: z.array(segmentSchema) });
export const segmentCountSchema = z.object({ count: z.number().int(), capped: z.boolean() });
export const segmentParamsSchema = z.strictObject({ id: idSchema });
