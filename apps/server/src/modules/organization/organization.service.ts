import type { Locale } from '@kehu/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { OrganizationRepository } from './organization.repository';

/** The one organisation this installation serves. Cached: it changes only at setup. */
export class OrganizationService {
  private readonly repository = new OrganizationRepository();
  private cached: { name: string; defaultLocale: Locale } | undefined;

  constructor(private readonly db: Kysely<Database>) {}

  async current(): Promise<{ name: string; defaultLocale: Locale } | undefined> {
    if (this.cached) return this.cached;
    const row = await this.repository.find(this.db);
    if (row) this.cached = { name: row.name, defaultLocale: row.default_locale as Locale };
    return this.cached;
  }

  async defaultLocale(): Promise<Locale> {
    return (await this.current())?.defaultLocale ?? 'zh-CN';
  }

  async existsIn(executor: Kysely<Database>): Promise<boolean> {
    return (await this.repository.find(executor)) !== undefined;
  }

  async create(executor: Kysely<Database>, input: { id: string; name: string; locale: Locale; now: string }) {
    await this.repository.insert(executor, {
      id: input.id,
      name: input.name,
      default_locale: input.locale,
      created_at: input.now,
    });
    this.cached = undefined;
  }
}
