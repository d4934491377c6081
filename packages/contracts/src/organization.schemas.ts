import { z } from 'zod';
import { localeSchema, passwordSchema } from './auth.schemas';
import {
  emailSchema,
  idSchema,
  isoDateTimeSchema,
  pageOf,
  pageQueryShape,
  timeZoneSchema,
} from './common.schemas';
import { dataScopeSchema, permissionsSchema } from './permissions.schemas';

// ---- the organisation ----
export const organizationSettingsSchema = z
  .object({
    name: z.string(),
    /** The language of users who have not chosen one, and of messages to the public. */
    defaultLocale: localeSchema,
    /** Where a "day" starts: daily claim quotas and the dates in messages. */
    timeZone: z.string(),
  })
  .meta({ id: 'OrganizationSettings' });
export type OrganizationSettings = z.infer<typeof organizationSettingsSchema>;
export const updateOrganizationSettingsSchema = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  defaultLocale: localeSchema.optional(),
  timeZone: timeZoneSchema.optional(),
});
export type UpdateOrganizationSettings = z.infer<typeof updateOrganizationSettingsSchema>;

// ---- departments (a tree) ----
export const departmentSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    parentId: z.string().nullable(),
    sort: z.number().int(),
    userCount: z.number().int(),
    createdAt: isoDateTimeSchema,
    updatedAt: isoDateTimeSchema,
  })
  .meta({ id: 'Department' });
export type Department = z.infer<typeof departmentSchema>;
export const departmentListSchema = z.object({ items: z.array(departmentSchema) });

export const createDepartmentSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  parentId: idSchema.nullable().optional(),
  sort: z.number().int().min(0).max(100000).optional(),
});
export type CreateDepartment = z.infer<typeof createDepartmentSchema>;
export const updateDepartmentSchema = createDepartmentSchema.partial();
export type UpdateDepartment = z.infer<typeof updateDepartmentSchema>;

// ---- roles ----
export const roleSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    dataScope: dataScopeSchema,
    permissions: z.record(z.string(), z.array(z.string())),
    isAdmin: z.boolean(),
    isSystem: z.boolean(),
    userCount: z.number().int(),
    createdAt: isoDateTimeSchema,
    updatedAt: isoDateTimeSchema,
  })
  .meta({ id: 'Role' });
export type Role = z.infer<typeof roleSchema>;
export const roleListSchema = z.object({ items: z.array(roleSchema) });

export const createRoleSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  description: z.string().trim().max(500).nullable().optional(),
  dataScope: dataScopeSchema,
  permissions: permissionsSchema,
});
export type CreateRole = z.infer<typeof createRoleSchema>;
export const updateRoleSchema = createRoleSchema.partial();
export type UpdateRole = z.infer<typeof updateRoleSchema>;

// ---- users ----
export const userStatuses = ['active', 'disabled'] as const;
export const userSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    status: z.enum(userStatuses),
    locale: localeSchema.nullable(),
    roleId: z.string(),
    roleName: z.string(),
    departmentId: z.string().nullable(),
    departmentName: z.string().nullable(),
    managerId: z.string().nullable(),
    managerName: z.string().nullable(),
    lastLoginAt: isoDateTimeSchema.nullable(),
    createdAt: isoDateTimeSchema,
    updatedAt: isoDateTimeSchema,
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof userSchema>;
export const userPageSchema = pageOf(userSchema);

export const userListQuerySchema = z.strictObject({
  q: z.string().trim().max(100).optional(),
  departmentId: idSchema.optional(),
  status: z.enum(userStatuses).optional(),
  ...pageQueryShape,
});
export type UserListQuery = z.infer<typeof userListQuerySchema>;

export const createUserSchema = z.strictObject({
  email: emailSchema,
  name: z.string().trim().min(1).max(100),
  password: passwordSchema,
  roleId: idSchema,
  departmentId: idSchema.nullable().optional(),
  managerId: idSchema.nullable().optional(),
  locale: localeSchema.nullable().optional(),
});
export type CreateUser = z.infer<typeof createUserSchema>;

export const updateUserSchema = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  roleId: idSchema.optional(),
  departmentId: idSchema.nullable().optional(),
  managerId: idSchema.nullable().optional(),
  status: z.enum(userStatuses).optional(),
});
export type UpdateUser = z.infer<typeof updateUserSchema>;

export const resetPasswordSchema = z.strictObject({ password: passwordSchema });
export type ResetPassword = z.infer<typeof resetPasswordSchema>;
