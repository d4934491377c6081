import { z } from 'zod';

export const idSchema = z.uuid();
export const idParamsSchema = z.strictObject({ id: idSchema });
export const isoDateTimeSchema = z.string();

/** An IANA time zone name; the server checks that it exists (`isTimeZone`) and names the field. */
export const timeZoneSchema = z.string().trim().min(1).max(64);

/** Optional free text: trimmed, bounded; empty means "no value". */
export const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

/**
 * Phone as people type it — digits (half- or full-width) with + ( ) - . / and spaces, optionally an
 * extension (转 123, ext. 123) — with 5–20 digits. The server normalises it to E.164 and refuses
 * numbers that are not plausible in their region.
 */
const phoneShape = /^[+＋]?[\d０-９\s()（）.\-－/]+(\s*(转|分机|ext\.?|x)\s*[\d０-９]+)?$/i;
export const phoneSchema = z
  .string()
  .trim()
  .max(40)
  .regex(phoneShape, { message: 'phone' })
  .refine((value) => {
    const digits = value.replace(/[^\d０-９]/g, '').length;
    return digits >= 5 && digits <= 24;
  }, 'phone');

export const emailSchema = z.email().max(254);
export const urlSchema = z.url({ protocol: /^https?$/ }).max(500);

/** Keyset pagination: an opaque cursor and a bounded page size. */
export const pageQueryShape = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
};

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const okSchema = z.object({ ok: z.literal(true) });

export const auditChangeSchema = z.object({
  field: z.string(),
  old: z.unknown(),
  new: z.unknown(),
  /** Display names where `old`/`new` are ids (an owner, a department, a customer). */
  oldLabel: z.string().optional(),
  newLabel: z.string().optional(),
});

export const historyEntrySchema = z
  .object({
    id: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    action: z.enum(['create', 'update', 'delete', 'restore']),
    actorId: z.string().nullable(),
    actorName: z.string().nullable(),
    at: isoDateTimeSchema,
    changes: z.array(auditChangeSchema),
  })
  .meta({ id: 'HistoryEntry' });
export type HistoryEntry = z.infer<typeof historyEntrySchema>;
export const historyPageSchema = pageOf(historyEntrySchema);
