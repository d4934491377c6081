import { type PoolRules, poolRulesSchema } from '@kehu/contracts';
import { type Actor, can } from '../../../platform/permissions/actor';
import type { PoolRow } from './pools.repository';

export interface PoolDefinition {
  id: string;
  name: string;
  description: string | null;
  departmentIds: string[];
  adminIds: string[];
  rules: PoolRules;
  sort: number;
  createdAt: string;
  updatedAt: string;
}

export const toPoolDefinition = (row: PoolRow): PoolDefinition => ({
  id: row.id,
  name: row.name,
  description: row.description,
  departmentIds: JSON.parse(row.department_ids) as string[],
  adminIds: JSON.parse(row.admin_ids) as string[],
  rules: poolRulesSchema.parse(JSON.parse(row.rules)),
  sort: row.sort,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** A department path `/a/b/c/` lies in (or below) one of `departmentIds`; [] covers everyone. */
export const coversPath = (departmentIds: string[], path: string | null | undefined): boolean =>
  departmentIds.length === 0 || (path ? departmentIds.some((id) => path.includes(`/${id}/`)) : false);

/** Users of the pool's departments (and below) see it and claim from it; administrators see all. */
export const mayUsePool = (actor: Actor, pool: PoolDefinition): boolean =>
  actor.isAdmin || can(actor, 'pools', 'manage') || coversPath(pool.departmentIds, actor.departmentPath);

/** Pool administrators assign its customers; so do users who manage pools. */
export const mayAssignFrom = (actor: Actor, pool: PoolDefinition): boolean =>
  actor.isAdmin || can(actor, 'pools', 'manage') || pool.adminIds.includes(actor.id);

/**
 * 138****8000, 0757****5334, a***@example.com: enough to recognise, not enough to call. A Chinese
 * landline is shown as dialled at home, with its 0 and its area code (3 digits for 010 and 02x).
 */
export function maskPhone(phone: string): string {
  const national = phone.startsWith('+86') ? phone.slice(3) : phone;
  const mobile = /^1[3-9]\d{9}$/.test(national);
  const digits = phone.startsWith('+86') && !mobile ? `0${national}` : national;
  if (digits.length < 7) return '****';
  const shown = digits.startsWith('0') ? (/^0[12]/.test(digits) ? 3 : 4) : 3;
  return `${digits.slice(0, shown)}****${digits.slice(-4)}`;
}

export function maskEmail(email: string): string {
  const [local, domain] = email.split('@');
  return `${(local ?? '').slice(0, 1)}***@${domain ?? ''}`;
}

/** The first pool (by order) whose departments cover a department path: where its customers return. */
export function poolForDepartment(pools: PoolDefinition[], path: string | null): PoolDefinition | undefined {
  const specific = pools.find(
    (pool) => pool.departmentIds.length > 0 && coversPath(pool.departmentIds, path),
  );
  return specific ?? pools.find((pool) => pool.departmentIds.length === 0);
}
