import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { companyNameKey } from '../../platform/normalize/company-name.normalize';
import { normalizeEmail } from '../../platform/normalize/email.normalize';
import { normalizePhone } from '../../platform/normalize/phone.normalize';
import { phoneRegionOf } from '../settings/phone-region';
import type { SettingsService } from '../settings/settings.service';
import type { CustomersRepository } from './customers.repository';
import { CustomerIdentitiesRepository } from './duplicates/customer-identities.repository';

/**
 * Customers stored before duplicate checks existed (or bulk-loaded) get their name key and
 * identities computed here, in batches, so that the checks see them too. Idempotent: a row with a
 * key is done. Stored phones are left as they were typed; only the identities are normalised.
 */
export async function backfillCustomerKeys(
  db: Kysely<Database>,
  repository: CustomersRepository,
  settings: SettingsService,
  batchSize = 2000,
): Promise<number> {
  const identities = new CustomerIdentitiesRepository();
  const region = phoneRegionOf(await settings.dataQuality(db));
  let done = 0;
  for (;;) {
    const rows = await repository.rowsMissingNameKey(db, batchSize);
    if (rows.length === 0) return done;
    await db.transaction().execute(async (trx) => {
      for (const row of rows) {
        const phones = (JSON.parse(row.phones) as string[])
          .map((phone) => normalizePhone(phone, region))
          .filter((phone): phone is string => phone !== null);
        const email = row.email ? normalizeEmail(row.email) : null;
        await identities.replace(trx, row.id, null, { phones, emails: email ? [email] : [] });
        await repository.setNameKey(trx, row.id, companyNameKey(row.name));
      }
      // Their contacts' phones and emails count in duplicate checks too.
      for (const contact of await identities.contactsOf(
        trx,
        rows.map((row) => row.id),
      )) {
        const contactPhones = [contact.mobile, contact.phone]
          .map((phone) => (phone ? normalizePhone(phone, region) : null))
          .filter((phone): phone is string => phone !== null);
        const contactEmail = contact.email ? normalizeEmail(contact.email) : null;
        await identities.replace(trx, contact.customer_id, contact.id, {
          phones: contactPhones,
          emails: contactEmail ? [contactEmail] : [],
        });
      }
    });
    done += rows.length;
  }
}
