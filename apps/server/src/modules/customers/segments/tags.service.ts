import type { putTagSchema, TagDefinition } from '@kehu/contracts';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../../db/schema';
import { writeAudit } from '../../../platform/audit/audit';
import { notFound } from '../../../platform/errors/app-error';
import { type Actor, assertCan } from '../../../platform/permissions/actor';
import { TagsRepository } from './tags.repository';

/**
 * Tags are free text on customers; administrators give them colours and descriptions, rename
 * them everywhere, or remove them everywhere (each logged once, for the tag).
 */
export class TagsService {
  private readonly repository = new TagsRepository();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => Date,
  ) {}

  async list(actor: Actor): Promise<TagDefinition[]> {
    assertCan(actor, 'customers', 'view');
    return (await this.repository.list(this.db)).map((row) => ({
      name: row.name,
      color: row.color,
      description: row.description,
      updatedAt: row.updated_at,
    }));
  }

  async put(actor: Actor, name: string, input: z.infer<typeof putTagSchema>): Promise<TagDefinition[]> {
    assertCan(actor, 'settings', 'manage');
    await this.db.transaction().execute(async (trx) => {
      const at = this.now().toISOString();
      const target = input.renameTo && input.renameTo !== name ? input.renameTo : name;
      const before = await this.repository.find(trx, name);
      // A colour-only change keeps the description.
      const description = input.description !== undefined ? input.description : (before?.description ?? null);
      let moved = 0;
      if (target !== name) {
        moved = await this.repository.renameOnCustomers(trx, name, target);
        await this.repository.removeDefinition(trx, name);
      }
      await this.repository.upsert(trx, {
        name: target,
        color: input.color,
        description,
        by: actor.id,
        at,
      });
      await writeAudit(trx, {
        entityType: 'tag',
        entityId: target,
        action: 'update',
        actorId: actor.id,
        at,
        changes: [
          { field: 'color', old: before?.color ?? null, new: input.color },
          ...(target !== name
            ? [
                { field: 'name', old: name, new: target },
                { field: 'customers', old: null, new: moved },
              ]
            : []),
        ],
      });
    });
    return this.list(actor);
  }

  async delete(actor: Actor, name: string): Promise<void> {
    assertCan(actor, 'settings', 'manage');
    await this.db.transaction().execute(async (trx) => {
      const definition = await this.repository.find(trx, name);
      const removed = await this.repository.removeFromCustomers(trx, name);
      if (!definition && removed === 0) throw notFound('TAG_NOT_FOUND');
      await this.repository.removeDefinition(trx, name);
      await writeAudit(trx, {
        entityType: 'tag',
        entityId: name,
        action: 'delete',
        actorId: actor.id,
        at: this.now().toISOString(),
        changes: [{ field: 'customers', old: removed, new: 0 }],
      });
    });
  }
}
