import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { companyNameKey } from '../../platform/normalize/company-name.normalize';
import { normalizeEmail } from '../../platform/normalize/email.normalize';
import { normalizePhone } from '../../platform/normalize/phone.normalize';
import { phoneRegionOf } from '../settings/phone-region';
import type { SettingsService } from '../settings/settings.service';
import type { CustomersRepository } from './customers.repository';
import { CustomerIdentitiesRepository, identityRows } from './duplicates/customer-identities.repository';

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
      const ids = rows.map((row) => row.id);
      const phonesOf = (values: Array<string | null>) =>
        values
          .map((phone) => (phone ? normalizePhone(phone, region) : null))
          .filter((phone): phone is string => phone !== null);
      const emailsOf = (value: string | null) => {
        const email = value ? normalizeEmail(value) : null;
        return email ? [email] : [];
      };
      // The batch's identities in two statements, not two per customer: a million rows take minutes.
      await identities.removeAllOf(trx, ids);
      await identities.insertMany(trx, [
        ...rows.flatMap((row) =>
          identityRows(row.id, null, {
            phones: phonesOf(JSON.parse(row.phones) as string[]),
            emails: emailsOf(row.email),
          }),
        ),
        // Their contacts' phones and emails count in duplicate checks too.
        ...(await identities.contactsOf(trx, ids)).flatMap((contact) =>
          identityRows(contact.customer_id, contact.id, {
            phones: phonesOf([contact.mobile, contact.phone]),
            emails: emailsOf(contact.email),
          }),
        ),
      ]);
      for (const row of rows) await repository.setNameKey(trx, row.id, companyNameKey(row.name));
    });
    done += rows.length;
  }
}
