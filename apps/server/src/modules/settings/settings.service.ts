import {
  type DataQualitySettings,
  dataQualitySettingsSchema,
  defaultDataQualitySettings,
} from '@kehu/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { diffFields, writeAudit } from '../../platform/audit/audit';
import { invalidField } from '../../platform/errors/app-error';
import { isCountryCode } from '../../platform/normalize/phone.normalize';
import { type Actor, assertCan } from '../../platform/permissions/actor';
import { SettingsRepository } from './settings.repository';

const DATA_QUALITY = 'dataQuality';

/** Organisation-wide settings an administrator changes from the web app (typed, with defaults). */
export class SettingsService {
  private readonly repository = new SettingsRepository();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => Date,
  ) {}

  /** For other services: the settings in force (stored values over the defaults). */
  async dataQuality(executor: Kysely<Database> = this.db): Promise<DataQualitySettings> {
    const stored = await this.repository.find(executor, DATA_QUALITY);
    const parsed = dataQualitySettingsSchema.safeParse(stored);
    return parsed.success ? parsed.data : defaultDataQualitySettings;
  }

  async getDataQuality(actor: Actor): Promise<DataQualitySettings> {
    assertCan(actor, 'settings', 'view');
    return this.dataQuality();
  }

  async updateDataQuality(actor: Actor, input: DataQualitySettings): Promise<DataQualitySettings> {
    assertCan(actor, 'settings', 'manage');
    const settings = dataQualitySettingsSchema.parse(input);
    if (!isCountryCode(settings.phoneRegion)) throw invalidField('phoneRegion', 'regionCode');
    return this.db.transaction().execute(async (trx) => {
      const before = await this.dataQuality(trx);
      const at = this.now().toISOString();
      await this.repository.put(trx, DATA_QUALITY, settings, at, actor.id);
      await writeAudit(trx, {
        entityType: 'settings',
        entityId: DATA_QUALITY,
        action: 'update',
        actorId: actor.id,
        at,
        changes: diffFields(before, settings, ['phoneRegion', 'nameSimilarityThreshold', 'duplicateRules']),
      });
      return settings;
    });
  }
}
