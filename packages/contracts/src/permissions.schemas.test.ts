import { describe, expect, it } from 'vitest';
import { allPermissions, permissionModuleNames } from './permissions';
import { permissionsSchema } from './permissions.schemas';

describe('role permissions schema', () => {
  it('accepts every permission module and action (a new module cannot be left out of role editing)', () => {
    expect(Object.keys(permissionsSchema.shape).sort()).toEqual([...permissionModuleNames].sort());
    expect(permissionsSchema.safeParse(allPermissions()).success).toBe(true);
  });
});
