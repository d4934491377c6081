import type { DuplicateCheckRequest, DuplicateCheckResult, EntryPoint } from '@kehu/contracts';
import type { Kysely } from 'kysely';
import type { DialectName } from '../../db/dialect';
import type { Database } from '../../db/schema';
import { AppError } from '../../platform/errors/app-error';
import { type Actor, assertCan } from '../../platform/permissions/actor';
import type { DepartmentsService } from '../departments/departments.service';
import { phoneRegionOf } from '../settings/phone-region';
import type { SettingsService } from '../settings/settings.service';
import type { UsersService } from '../users/users.service';
import { normalizeCustomerFields } from './customer-input.normalize';
import type { CustomersRepository } from './customers.repository';
import { DuplicateChecker } from './duplicates/duplicate-checker';

/**
 * Normalised phones and emails of customers and their contacts, and the duplicate checks that
 * look them up: the customer form asks it, customer writes enforce it, contacts index through it.
 */
export class CustomerIdentityService {
  readonly duplicates: DuplicateChecker;

  constructor(
    private readonly db: Kysely<Database>,
    dialect: DialectName,
    repository: CustomersRepository,
    private readonly settings: SettingsService,
    users: UsersService,
    departments: DepartmentsService,
  ) {
    this.duplicates = new DuplicateChecker(dialect, {
      visibleIds: async (executor, actor, ids) =>
        new Set((await repository.findManyVisible(executor, actor, ids)).map((row) => row.id)),
      userNames: (executor, ids) => users.namesOf(executor, ids),
      departmentNames: (executor, ids) => departments.namesOf(executor, ids),
      summaries: (executor, ids) => repository.namesAndOwners(executor, ids),
    });
  }

  /** What the form asks before saving: likely duplicates of what the user typed, and the rule's verdict. */
  async checkDuplicates(actor: Actor, request: DuplicateCheckRequest): Promise<DuplicateCheckResult> {
    assertCan(actor, 'customers', 'view');
    const settings = await this.settings.dataQuality();
    const probe = normalizeCustomerFields(
      { name: request.name || undefined, phones: request.phones, email: request.email },
      phoneRegionOf(settings),
    );
    return this.duplicates.check(this.db, actor, probe, 'manual', settings, request.excludeId);
  }

  /** For other entry points (web forms): the check as `actor` under `entryPoint`'s rule. */
  async checkDuplicatesFor(
    actor: Actor,
    probe: { name?: string; phones?: string[]; email?: string | null },
    entryPoint: EntryPoint,
  ): Promise<DuplicateCheckResult> {
    const settings = await this.settings.dataQuality();
    let normalized: ReturnType<typeof normalizeCustomerFields>;
    try {
      normalized = normalizeCustomerFields(probe, phoneRegionOf(settings));
    } catch {
      // Wrong values are reported by the create that follows, field by field.
      return { verdict: 'none', matches: [] };
    }
    return this.duplicates.check(this.db, actor, normalized, entryPoint, settings);
  }

  /** For contacts: phones to E.164 in the organisation's region, the email lower-cased (400 per field). */
  async normalizeContactFields<
    T extends { name?: string; mobile?: string | null; phone?: string | null; email?: string | null },
  >(executor: Kysely<Database>, input: T): Promise<T> {
    const phoneRegion = phoneRegionOf(await this.settings.dataQuality(executor));
    const fields: Record<string, string> = {};
    const out = { ...input };
    const phone = (key: 'mobile' | 'phone') => {
      const value = input[key];
      if (value === undefined || value === null || value === '') return;
      try {
        out[key] = normalizeCustomerFields({ phones: [value] }, phoneRegion).phones?.[0] as T[typeof key];
      } catch {
        fields[key] = 'phone';
      }
    };
    phone('mobile');
    phone('phone');
    if (input.email) {
      const email = normalizeCustomerFields({ email: input.email }, phoneRegion);
      out.email = email.email as T['email'];
    }
    if (input.name !== undefined)
      out.name = normalizeCustomerFields({ name: input.name }, phoneRegion).name as T['name'];
    if (Object.keys(fields).length > 0) throw new AppError('VALIDATION_FAILED', 400, {}, fields);
    return out;
  }

  /** For contact imports: identities of many new contacts at once. */
  async indexNewContacts(
    executor: Kysely<Database>,
    contacts: Array<{
      id: string;
      customer_id: string;
      mobile: string | null;
      phone: string | null;
      email: string | null;
    }>,
  ): Promise<void> {
    await this.duplicates.identities.insertMany(
      executor,
      contacts.flatMap((contact) => [
        ...[
          ...new Set([contact.mobile, contact.phone].filter((value): value is string => Boolean(value))),
        ].map((value) => ({
          customer_id: contact.customer_id,
          contact_id: contact.id,
          kind: 'phone' as const,
          value,
        })),
        ...(contact.email
          ? [
              {
                customer_id: contact.customer_id,
                contact_id: contact.id,
                kind: 'email' as const,
                value: contact.email,
              },
            ]
          : []),
      ]),
    );
  }

  /** For contacts: a contact's phones and email count in duplicate checks of its customer. */
  async indexContact(
    executor: Kysely<Database>,
    customerId: string,
    contactId: string,
    contact: { mobile: string | null; phone: string | null; email: string | null },
  ): Promise<void> {
    await this.duplicates.identities.replace(executor, customerId, contactId, {
      phones: [contact.mobile, contact.phone].filter((value): value is string => Boolean(value)),
      emails: contact.email ? [contact.email] : [],
    });
  }

  /** For merges: identities of moved contacts follow them to their new customer. */
  async moveContacts(executor: Kysely<Database>, contactIds: string[], customerId: string): Promise<void> {
    for (const contactId of contactIds)
      await this.duplicates.identities.moveContact(executor, contactId, customerId);
  }
}
