import { z } from 'zod';
import { idSchema, isoDateTimeSchema } from './common.schemas';
import { customerListQuerySchema, customerTypes } from './customers.schemas';

/** Handover (移交): one or many customers to another user, with the reason logged per customer. */
export const transferCustomersSchema = z.strictObject({
  customerIds: z.array(idSchema).min(1).max(500),
  toUserId: idSchema,
  reason: z.string().trim().min(1).max(500),
  /**
   * Open work (follow-ups, and later opportunities and tickets) moves to the new owner too. Contacts
   * always go with their customer: they are seen through it and have no owner of their own.
   */
  includeOpenWork: z.boolean().default(true),
});
export type TransferCustomers = z.input<typeof transferCustomersSchema>;
export const transferResultSchema = z.object({ transferred: z.number().int() });

/** Tags added to and removed from many customers at once (a selection in the list). */
export const tagCustomersSchema = z
  .strictObject({
    customerIds: z.array(idSchema).min(1).max(500),
    add: z.array(z.string().trim().min(1).max(30)).max(20).default([]),
    remove: z.array(z.string().trim().min(1).max(30)).max(20).default([]),
  })
  .refine((input) => input.add.length > 0 || input.remove.length > 0, {
    path: ['add'],
    message: 'nothingToChange',
  });
export type TagCustomers = z.input<typeof tagCustomersSchema>;
export const tagCustomersResultSchema = z.object({ changed: z.number().int() });

export const memberAccessLevels = ['read', 'write'] as const;
export type MemberAccess = (typeof memberAccessLevels)[number];

export const putMemberSchema = z.strictObject({
  access: z.enum(memberAccessLevels),
  /** After this instant the member no longer sees the customer; null = no end. */
  expiresAt: z.iso.datetime({ offset: true }).nullable().default(null),
});
export type PutMember = z.input<typeof putMemberSchema>;
export const memberParamsSchema = z.strictObject({ id: idSchema, userId: idSchema });

export const customerMemberSchema = z
  .object({
    userId: z.string(),
    userName: z.string().nullable(),
    access: z.enum(memberAccessLevels),
    expiresAt: isoDateTimeSchema.nullable(),
    expired: z.boolean(),
    addedBy: z.string().nullable(),
    addedByName: z.string().nullable(),
    addedAt: isoDateTimeSchema,
  })
  .meta({ id: 'CustomerMember' });
export type CustomerMember = z.infer<typeof customerMemberSchema>;
export const customerMembersSchema = z.object({ items: z.array(customerMemberSchema) });

export const typeChangeSchema = z.object({
  id: z.string(),
  fromType: z.enum(customerTypes).nullable(),
  toType: z.enum(customerTypes),
  reason: z.enum(['create', 'manual', 'opportunity_won', 'import', 'merge']),
  at: isoDateTimeSchema,
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
});
export const ownerChangeSchema = z.object({
  id: z.string(),
  action: z.enum(['transfer', 'return', 'claim', 'assign', 'reclaim', 'merge']),
  fromOwnerId: z.string().nullable(),
  fromOwnerName: z.string().nullable(),
  toOwnerId: z.string().nullable(),
  toOwnerName: z.string().nullable(),
  reason: z.string().nullable(),
  at: isoDateTimeSchema,
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
});
export const customerLifecycleSchema = z
  .object({ typeChanges: z.array(typeChangeSchema), ownerChanges: z.array(ownerChangeSchema) })
  .meta({ id: 'CustomerLifecycle' });
export type CustomerLifecycle = z.infer<typeof customerLifecycleSchema>;

/** Counts per lifecycle type under the list's filters; past `cap` a count stops (shown as "10000+"). */
export const typeCountsSchema = z.object({
  counts: z.object(
    Object.fromEntries(customerTypes.map((type) => [type, z.number().int()])) as Record<
      (typeof customerTypes)[number],
      z.ZodNumber
    >,
  ),
  cap: z.number().int(),
});
export type TypeCounts = z.infer<typeof typeCountsSchema>;
export const typeCountsQuerySchema = customerListQuerySchema.omit({
  type: true,
  sort: true,
  cursor: true,
  limit: true,
});
export type TypeCountsQuery = z.infer<typeof typeCountsQuerySchema>;
