import { z } from 'zod';
import {
  emailSchema,
  idSchema,
  isoDateTimeSchema,
  optionalText,
  pageOf,
  pageQueryShape,
  phoneSchema,
} from './common.schemas';
import { customValuesSchema } from './custom-fields.schemas';

const contactFields = {
  customerId: idSchema,
  name: z.string().trim().min(1).max(100),
  title: optionalText(100),
  mobile: phoneSchema.nullable(),
  phone: phoneSchema.nullable(),
  email: emailSchema.nullable(),
  wechat: optionalText(100),
  birthday: z.iso.date().nullable(),
  notes: optionalText(5000),
  isPrimary: z.boolean(),
  custom: customValuesSchema,
};

/** The fields a user edits, in form order: forms show them and the history records them. */
export const contactEditableFields = Object.keys(contactFields) as Array<keyof typeof contactFields>;

export const createContactSchema = z.strictObject({
  ...contactFields,
  mobile: contactFields.mobile.optional(),
  phone: contactFields.phone.optional(),
  email: contactFields.email.optional(),
  birthday: contactFields.birthday.optional(),
  isPrimary: contactFields.isPrimary.default(false),
  custom: contactFields.custom.optional(),
});
export type CreateContact = z.input<typeof createContactSchema>;

export const updateContactSchema = z.strictObject({
  ...z.object(contactFields).partial().shape,
  version: z.number().int().min(1),
});
export type UpdateContact = z.infer<typeof updateContactSchema>;

export const contactSchema = z
  .object({
    id: z.string(),
    customerId: z.string(),
    customerName: z.string(),
    name: z.string(),
    title: z.string().nullable(),
    mobile: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    wechat: z.string().nullable(),
    birthday: z.string().nullable(),
    notes: z.string().nullable(),
    isPrimary: z.boolean(),
    custom: z.record(z.string(), z.unknown()),
    createdAt: isoDateTimeSchema,
    createdBy: z.string().nullable(),
    updatedAt: isoDateTimeSchema,
    updatedBy: z.string().nullable(),
    deletedAt: isoDateTimeSchema.nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'Contact' });
export type Contact = z.infer<typeof contactSchema>;
export const contactPageSchema = pageOf(contactSchema);
export type ContactPage = z.infer<typeof contactPageSchema>;

export const contactListQuerySchema = z.strictObject({
  q: z.string().trim().max(100).optional(),
  customerId: idSchema.optional(),
  deleted: z.enum(['true', 'false']).optional(),
  ...pageQueryShape,
});
export type ContactListQuery = z.infer<typeof contactListQuerySchema>;
