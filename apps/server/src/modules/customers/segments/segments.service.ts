import {
  type CreateSegment,
  type CustomerListQuery,
  type CustomerPage,
  createSegmentSchema,
  customerListQuerySchema,
  type Segment,
  type updateSegmentSchema,
} from '@kehu/contracts';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../../db/schema';
import { AppError, invalidField, notFound } from '../../../platform/errors/app-error';
import { newId } from '../../../platform/ids';
import { type Actor, assertCan } from '../../../platform/permissions/actor';
import type { UsersService } from '../../users/users.service';
import type { CustomerListRepository } from '../customer-list.repository';
import type { CustomersService } from '../customers.service';
import { type SegmentRow, SegmentsRepository } from './segments.repository';

const countCap = 10_000;

/**
 * Saved views / segments: a named list query, private or shared with the owner's department.
 * Members are computed when asked for, as the asking user — a shared segment never shows anyone
 * a customer outside their own scope. Marketing audiences will read them the same way.
 */
export class SegmentsService {
  private readonly repository = new SegmentsRepository();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => Date,
    private readonly customers: CustomersService,
    private readonly lists: CustomerListRepository,
    private readonly users: UsersService,
  ) {}

  async list(actor: Actor): Promise<Segment[]> {
    assertCan(actor, 'customers', 'view');
    // Administrators too list their own and their department's: others' private views are not theirs to browse.
    const rows = await this.repository.listFor(this.db, actor.id, actor.departmentId);
    const names = await this.users.namesOf(
      this.db,
      rows.map((row) => row.owner_id),
    );
    return rows.map((row) => this.toSegment(actor, row, names));
  }

  async create(actor: Actor, request: CreateSegment): Promise<Segment> {
    assertCan(actor, 'customers', 'view');
    const input = createSegmentSchema.parse(request);
    if (input.visibility === 'department' && !actor.departmentId)
      throw invalidField('visibility', 'noDepartment');
    await this.customers.withCustomFilters(input.filters);
    const id = newId();
    const at = this.now().toISOString();
    await this.repository.insert(this.db, {
      id,
      entity: 'customer',
      name: input.name,
      filters: JSON.stringify(input.filters),
      visibility: input.visibility,
      owner_id: actor.id,
      department_id: actor.departmentId,
      created_at: at,
      updated_at: at,
    });
    return this.get(actor, id);
  }

  async update(actor: Actor, id: string, input: z.infer<typeof updateSegmentSchema>): Promise<Segment> {
    const row = await this.getEditable(actor, id);
    if (input.visibility === 'department' && !row.department_id)
      throw invalidField('visibility', 'noDepartment');
    if (input.filters) await this.customers.withCustomFilters(input.filters);
    await this.repository.update(this.db, row.id, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.filters !== undefined ? { filters: JSON.stringify(input.filters) } : {}),
      ...(input.visibility !== undefined ? { visibility: input.visibility } : {}),
      updated_at: this.now().toISOString(),
    });
    return this.get(actor, id);
  }

  async delete(actor: Actor, id: string): Promise<void> {
    const row = await this.getEditable(actor, id);
    await this.repository.remove(this.db, row.id);
  }

  async get(actor: Actor, id: string): Promise<Segment> {
    const row = await this.getVisible(actor, id);
    return this.toSegment(actor, row, await this.users.namesOf(this.db, [row.owner_id]));
  }

  /** The segment's customers now, as the caller may see them, page by page. */
  async members(actor: Actor, id: string, page: { limit: number; cursor?: string }): Promise<CustomerPage> {
    const row = await this.getVisible(actor, id);
    const query = customerListQuerySchema.parse({
      ...(JSON.parse(row.filters) as object),
      ...page,
    }) as CustomerListQuery;
    return this.refusingStaleFilters(() => this.customers.list(actor, query));
  }

  async count(actor: Actor, id: string): Promise<{ count: number; capped: boolean }> {
    const row = await this.getVisible(actor, id);
    const query = customerListQuerySchema.parse({ ...(JSON.parse(row.filters) as object), limit: 1 });
    // One past the cap tells "exactly 10 000" from "more".
    const count = await this.lists.cappedCount(
      this.db,
      actor,
      await this.refusingStaleFilters(() => this.customers.withCustomFilters(query)),
      countCap + 1,
    );
    return { count: Math.min(count, countCap), capped: count > countCap };
  }

  /**
   * A saved view whose custom field an administrator has since archived or made unfilterable: said
   * so, by the field's name. Dropping the condition would quietly widen the view (an audience of
   * "VIP customers" becoming every customer), so the view is refused until it is edited.
   */
  private async refusingStaleFilters<T>(read: () => Promise<T>): Promise<T> {
    try {
      return await read();
    } catch (error) {
      const fields = error instanceof AppError ? Object.keys(error.fields ?? {}) : [];
      if (fields.length === 0 || !fields.every((field) => field.startsWith('custom.'))) throw error;
      const labels = await this.customers.customFieldLabels(fields.map((field) => field.slice(7)));
      throw new AppError('SEGMENT_FILTER_STALE', 422, { fields: labels.join(', ') });
    }
  }

  private async getVisible(actor: Actor, id: string): Promise<SegmentRow> {
    assertCan(actor, 'customers', 'view');
    const row = await this.repository.find(this.db, id);
    const visible =
      row &&
      (actor.isAdmin ||
        row.owner_id === actor.id ||
        (row.visibility === 'department' &&
          row.department_id !== null &&
          row.department_id === actor.departmentId));
    if (!row || !visible) throw notFound('SEGMENT_NOT_FOUND');
    return row;
  }

  private async getEditable(actor: Actor, id: string): Promise<SegmentRow> {
    const row = await this.getVisible(actor, id);
    if (row.owner_id !== actor.id && !actor.isAdmin) throw new AppError('FORBIDDEN', 403);
    return row;
  }

  private toSegment(actor: Actor, row: SegmentRow, names: Map<string, string>): Segment {
    return {
      id: row.id,
      entity: 'customer',
      name: row.name,
      filters: JSON.parse(row.filters) as Record<string, unknown>,
      visibility: row.visibility as Segment['visibility'],
      ownerId: row.owner_id,
      ownerName: names.get(row.owner_id) ?? null,
      departmentId: row.department_id,
      editable: row.owner_id === actor.id || actor.isAdmin,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }
}
