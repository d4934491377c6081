import { z } from 'zod';
import { emailSchema, timeZoneSchema } from './common.schemas';
import { dataScopeSchema } from './permissions.schemas';

export const locales = ['zh-CN', 'en'] as const;
export type Locale = (typeof locales)[number];
export const localeSchema = z.enum(locales);

export const passwordSchema = z.string().min(8).max(128);

export const setupStatusSchema = z.object({ needsSetup: z.boolean() });

export const setupRequestSchema = z.strictObject({
  organizationName: z.string().trim().min(1).max(100),
  adminName: z.string().trim().min(1).max(100),
  adminEmail: emailSchema,
  adminPassword: passwordSchema,
  locale: localeSchema.default('zh-CN'),
  /** Where the organisation works (the setup page sends the browser's); Asia/Shanghai if absent. */
  timeZone: timeZoneSchema.optional(),
});
export type SetupRequest = z.input<typeof setupRequestSchema>;

export const loginRequestSchema = z.strictObject({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(128),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const changePasswordRequestSchema = z.strictObject({
  currentPassword: z.string().min(1).max(128),
  newPassword: passwordSchema,
});
export type ChangePasswordRequest = z.infer<typeof changePasswordRequestSchema>;

export const updateProfileRequestSchema = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  locale: localeSchema.optional(),
});
export type UpdateProfileRequest = z.infer<typeof updateProfileRequestSchema>;

export const sessionUserSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    locale: localeSchema.nullable(),
    roleId: z.string(),
    roleName: z.string(),
    departmentId: z.string().nullable(),
    departmentName: z.string().nullable(),
    dataScope: dataScopeSchema,
    permissions: z.record(z.string(), z.array(z.string())),
    isAdmin: z.boolean(),
  })
  .meta({ id: 'SessionUser' });
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const meResponseSchema = z.object({
  user: sessionUserSchema,
  organization: z.object({ name: z.string(), timeZone: z.string() }),
  /** Send back as the `x-csrf-token` header on every cookie-authenticated write. */
  csrfToken: z.string(),
});
export type MeResponse = z.infer<typeof meResponseSchema>;
