import { z } from 'zod';
import { idSchema, isoDateTimeSchema } from './common.schemas';
import { customerListQuerySchema } from './customers.schemas';

export const exportFormats = ['csv', 'xlsx'] as const;

/** An export of the customer list as the user filtered it (the same filters and search as the list). */
export const createExportSchema = z.strictObject({
  entity: z.literal('customer'),
  format: z.enum(exportFormats),
  filters: customerListQuerySchema.omit({ cursor: true, limit: true }).partial().default({}),
});
export type CreateExport = z.input<typeof createExportSchema>;

export const exportSchema = z
  .object({
    id: z.string(),
    entity: z.literal('customer'),
    format: z.enum(exportFormats),
    /** `expired`: the file was deleted after its retention (7 days); export the list again. */
    status: z.enum(['queued', 'running', 'succeeded', 'failed', 'expired']),
    rowsDone: z.number().int(),
    error: z.string().nullable(),
    createdAt: isoDateTimeSchema,
    finishedAt: isoDateTimeSchema.nullable(),
  })
  .meta({ id: 'Export' });
export type Export = z.infer<typeof exportSchema>;
export const exportListSchema = z.object({ items: z.array(exportSchema) });
export const exportParamsSchema = z.strictObject({ id: idSchema });
