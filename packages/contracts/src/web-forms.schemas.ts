import { z } from 'zod';
import { locales } from './auth.schemas';
import { idSchema, isoDateTimeSchema } from './common.schemas';

/** What a public form field fills in: a customer field, its first contact, or a custom field. */
export const webFormTargets = [
  'name',
  'contactName',
  'contactTitle',
  'contactMobile',
  'contactEmail',
  'phone',
  'email',
  'industry',
  'province',
  'city',
  'address',
  'website',
  'notes',
] as const;

const targetSchema = z.union([
  z.enum(webFormTargets),
  z.string().regex(/^custom\.[a-z][a-z0-9_]{0,39}$/, { message: 'invalid' }),
]);

export const webFormFieldSchema = z.strictObject({
  target: targetSchema,
  /** What the visitor reads; empty = the target's own label in the form's language. */
  label: z.string().trim().max(60).default(''),
  required: z.boolean().default(false),
});
export type WebFormField = z.infer<typeof webFormFieldSchema>;

const formFields = {
  name: z.string().trim().min(1).max(100),
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().max(2000).nullable(),
  thankYou: z.string().trim().min(1).max(1000),
  fields: z.array(webFormFieldSchema).min(1).max(30),
  /** Who receives the submissions: a user (as owner), or a public pool. */
  receiverUserId: idSchema.nullable(),
  receiverPoolId: idSchema.nullable(),
  locale: z.enum(locales),
  active: z.boolean(),
};
export const createWebFormSchema = z.strictObject({
  ...formFields,
  description: formFields.description.optional(),
  receiverUserId: formFields.receiverUserId.optional(),
  receiverPoolId: formFields.receiverPoolId.optional(),
  active: formFields.active.default(true),
});
export type CreateWebForm = z.input<typeof createWebFormSchema>;
export const updateWebFormSchema = z.strictObject(z.object(formFields).partial().shape);
export type UpdateWebForm = z.infer<typeof updateWebFormSchema>;

export const webFormSchema = z
  .object({
    id: z.string(),
    publicKey: z.string(),
    name: z.string(),
    title: z.string(),
    description: z.string().nullable(),
    thankYou: z.string(),
    fields: z.array(z.object({ target: z.string(), label: z.string(), required: z.boolean() })),
    receiverUserId: z.string().nullable(),
    receiverUserName: z.string().nullable(),
    receiverPoolId: z.string().nullable(),
    locale: z.enum(locales),
    active: z.boolean(),
    submissions: z.number().int(),
    createdAt: isoDateTimeSchema,
    updatedAt: isoDateTimeSchema,
  })
  .meta({ id: 'WebForm' });
export type WebForm = z.infer<typeof webFormSchema>;
export const webFormListSchema = z.object({ items: z.array(webFormSchema) });

export const webFormSubmissionSchema = z.object({
  id: z.string(),
  values: z.record(z.string(), z.unknown()),
  status: z.enum(['created', 'duplicate', 'failed']),
  customerId: z.string().nullable(),
  duplicateOf: z.string().nullable(),
  error: z.string().nullable(),
  createdAt: isoDateTimeSchema,
});
export const webFormSubmissionPageSchema = z.object({
  items: z.array(webFormSubmissionSchema),
  nextCursor: z.string().nullable(),
});

/** What the public page renders: no ids, no receiver. */
export const publicWebFormSchema = z
  .object({
    title: z.string(),
    description: z.string().nullable(),
    locale: z.enum(locales),
    fields: z.array(
      z.object({
        name: z.string(),
        label: z.string(),
        required: z.boolean(),
        type: z.string(),
        options: z.array(z.object({ value: z.string(), label: z.string() })),
      }),
    ),
  })
  .meta({ id: 'PublicWebForm' });
export type PublicWebForm = z.infer<typeof publicWebFormSchema>;

/** The honeypot field: hidden from people, filled in by bots. */
export const webFormHoneypot = 'website_url';

export const publicSubmissionSchema = z.strictObject({
  values: z.record(
    z.string().max(60),
    z.union([z.string().max(5000), z.array(z.string().max(200)).max(50), z.boolean(), z.number()]),
  ),
  [webFormHoneypot]: z.string().max(500).optional(),
});
export const publicSubmissionResultSchema = z.object({ thankYou: z.string() });
export const publicFormParamsSchema = z.strictObject({ key: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/) });
