import {
  canonicalTimeZone,
  type Locale,
  type OrganizationSettings,
  type UpdateOrganizationSettings,
  updateOrganizationSettingsSchema,
} from '@kehu/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { diffFields, writeAudit } from '../../platform/audit/audit';
import { invalidField, notFound } from '../../platform/errors/app-error';
import { type Actor, assertCan } from '../../platform/permissions/actor';
import { OrganizationRepository } from './organization.repository';

/** Where an organisation works when it has not said: the product's home market. */
export const defaultTimeZone = 'Asia/Shanghai';

/** The one organisation this installation serves. Cached: it changes only at setup and in settings. */
export class OrganizationService {
  private readonly repository = new OrganizationRepository();
  private cached: (OrganizationSettings & { id: string }) | undefined;
  private readonly timeZoneListeners: Array<() => Promise<void>> = [];

  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async current(): Promise<(OrganizationSettings & { id: string }) | undefined> {
    if (this.cached) return this.cached;
    const row = await this.repository.find(this.db);
    if (row) {
      this.cached = {
        id: row.id,
        name: row.name,
        defaultLocale: row.default_locale as Locale,
        timeZone: row.time_zone,
      };
    }
    return this.cached;
  }

  async defaultLocale(): Promise<Locale> {
    return (await this.current())?.defaultLocale ?? 'zh-CN';
  }

  /** Where a "day" starts for daily quotas and dates in messages. */
  async timeZone(): Promise<string> {
    return (await this.current())?.timeZone ?? defaultTimeZone;
  }

  /** Called after a saved change of the time zone (daily jobs move to the new local hour). */
  onTimeZoneChange(listener: () => Promise<void>) {
    this.timeZoneListeners.push(listener);
  }

  async existsIn(executor: Kysely<Database>): Promise<boolean> {
    return (await this.repository.find(executor)) !== undefined;
  }

  async create(
    executor: Kysely<Database>,
    input: { id: string; name: string; locale: Locale; timeZone?: string | undefined; now: string },
  ) {
    const timeZone = canonicalTimeZone(input.timeZone ?? defaultTimeZone);
    if (!timeZone) throw invalidField('timeZone', 'timeZone');
    await this.repository.insert(executor, {
      id: input.id,
      name: input.name,
      default_locale: input.locale,
      time_zone: timeZone,
      created_at: input.now,
    });
    this.cached = undefined;
  }

  async getSettings(actor: Actor): Promise<OrganizationSettings> {
    assertCan(actor, 'settings', 'view');
    return this.settingsOf(await this.current());
  }

  async updateSettings(actor: Actor, request: UpdateOrganizationSettings): Promise<OrganizationSettings> {
    assertCan(actor, 'settings', 'manage');
    const input = updateOrganizationSettingsSchema.parse(request);
    if (input.timeZone !== undefined) {
      // Stored as the runtime spells it: "asia/shanghai" is Asia/Shanghai.
      const timeZone = canonicalTimeZone(input.timeZone);
      if (!timeZone) throw invalidField('timeZone', 'timeZone');
      input.timeZone = timeZone;
    }
    const saved = await this.db.transaction().execute(async (trx) => {
      const row = await this.repository.find(trx);
      if (!row) throw notFound('ORGANIZATION_NOT_FOUND');
      const before: OrganizationSettings = {
        name: row.name,
        defaultLocale: row.default_locale as Locale,
        timeZone: row.time_zone,
      };
      const after: OrganizationSettings = { ...before, ...input };
      await this.repository.update(trx, row.id, {
        name: after.name,
        default_locale: after.defaultLocale,
        time_zone: after.timeZone,
      });
      await writeAudit(trx, {
        entityType: 'organization',
        entityId: row.id,
        action: 'update',
        actorId: actor.id,
        at: this.now().toISOString(),
        changes: diffFields(before, after, ['name', 'defaultLocale', 'timeZone']),
      });
      return { after, timeZoneChanged: after.timeZone !== before.timeZone };
    });
    this.cached = undefined;
    if (saved.timeZoneChanged) {
      // The settings are saved; a listener that fails must not turn the answer into an error.
      for (const listener of this.timeZoneListeners) {
        await listener().catch((error) => console.error('time zone change:', error));
      }
    }
    return saved.after;
  }

  private settingsOf(organization: OrganizationSettings | undefined): OrganizationSettings {
    if (!organization) throw notFound('ORGANIZATION_NOT_FOUND');
    return {
      name: organization.name,
      defaultLocale: organization.defaultLocale,
      timeZone: organization.timeZone,
    };
  }
}
