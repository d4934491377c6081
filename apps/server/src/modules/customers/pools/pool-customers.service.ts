import { type PooledCustomer, poolCustomersQuerySchema } from '@kehu/contracts';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../../db/schema';
import { notFound } from '../../../platform/errors/app-error';
import { decodeCursor, encodeCursor } from '../../../platform/pagination/cursor';
import { type Actor, assertCan } from '../../../platform/permissions/actor';
import type { UsersService } from '../../users/users.service';
import type { CustomersRepository } from '../customers.repository';
import { maskEmail, maskPhone, mayAssignFrom, mayUsePool } from './pool-access';
import type { PoolsService } from './pools.service';

/**
 * A pool's customers for the people who may use it, newest in the pool first; phones and emails
 * masked when the pool says so, except for those who assign from it.
 */
export class PoolCustomersService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly pools: PoolsService,
    private readonly customers: CustomersRepository,
    private readonly users: UsersService,
  ) {}

  async list(actor: Actor, poolId: string, request: z.input<typeof poolCustomersQuerySchema>) {
    assertCan(actor, 'pools', 'view');
    const query = poolCustomersQuerySchema.parse(request);
    const pool = await this.pools.getDefinition(this.db, poolId);
    if (!mayUsePool(actor, pool)) throw notFound('POOL_NOT_FOUND');
    const after = query.cursor ? decodeCursor(query.cursor, 2) : undefined;
    const rows = await this.pools.repository.pooled(
      this.db,
      poolId,
      { q: query.q, level: query.level },
      after ? { pooledAt: String(after[0]), id: String(after[1]) } : undefined,
      query.limit,
    );
    const page = rows.slice(0, query.limit);
    const [names, tags] = await Promise.all([
      this.users.namesOf(
        this.db,
        page.map((row) => row.previous_owner_id),
      ),
      this.customers.tagsOf(
        this.db,
        page.map((row) => row.id),
      ),
    ]);
    const mask = pool.rules.maskContacts && !mayAssignFrom(actor, pool);
    const items: PooledCustomer[] = page.map((row) => ({
      id: row.id,
      name: row.name,
      kind: row.kind,
      type: row.type as PooledCustomer['type'],
      level: row.level as PooledCustomer['level'],
      industry: row.industry,
      province: row.province,
      city: row.city,
      phones: (JSON.parse(row.phones) as string[]).map((phone) => (mask ? maskPhone(phone) : phone)),
      email: row.email ? (mask ? maskEmail(row.email) : row.email) : null,
      tags: tags.get(row.id) ?? [],
      pooledAt: row.pooled_at,
      poolReason: row.pool_reason,
      previousOwnerName: row.previous_owner_id ? (names.get(row.previous_owner_id) ?? null) : null,
      lastFollowUpAt: row.last_follow_up_at,
      version: row.version,
    }));
    const last = page.at(-1);
    return {
      items,
      nextCursor: rows.length > query.limit && last ? encodeCursor([last.pooled_at ?? '', last.id]) : null,
    };
  }
}
