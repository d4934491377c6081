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

/** 138****8000, a***@example.com: enough to recognise, not enough to call. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/^\+86/, '');
  if (digits.length < 7) return '****';
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
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
