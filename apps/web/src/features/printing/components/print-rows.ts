import type { Contact, Customer, CustomField } from '@kehu/contracts';

/** One customer as a printout shows it. */
export interface PrintRow {
  customer: Customer;
  /** The primary contact, when it was loaded (short lists only). */
  contact: Contact | undefined;
  address: string;
  /** Up to six digits; empty boxes are left for handwriting. */
  postalCode: string;
}

const cjk = /[\u3000-\u9fff\uff00-\uffef]/;

/**
 * Province, city, district and street as one line, the way it is written on an envelope: Chinese
 * without separators ("浙江省杭州市西湖区文三路90号"), others with commas. Parts the street address
 * already starts with (people often type the whole address) are not repeated.
 */
export const fullAddress = (customer: Customer): string => {
  const street = customer.address?.trim() ?? '';
  const regions = [customer.province, customer.city, customer.district]
    .map((part) => part?.trim() ?? '')
    // 北京市 is a province and its city: written once ("北京市东城区", not "北京市北京市东城区").
    .filter((part, index, all) => part !== '' && !street.includes(part) && all.indexOf(part) === index);
  const parts = [...regions, street].filter((part) => part !== '');
  return parts.join(parts.some((part) => cjk.test(part)) ? '' : ', ');
};

/** The custom field that holds a postal code, if the organisation has one (`postal_code` or `zip`). */
export const postalCodeField = (fields: CustomField[] | undefined): string | undefined =>
  ['postal_code', 'postalCode', 'zip', 'zip_code'].find((key) =>
    fields?.some((field) => field.key === key && !field.archived),
  );

export const toPrintRows = (
  customers: Customer[],
  contacts: Map<string, Contact> | undefined,
  postalKey: string | undefined,
): PrintRow[] =>
  customers.map((customer) => {
    const raw = postalKey ? customer.custom[postalKey] : undefined;
    const postalCode =
      typeof raw === 'string' || typeof raw === 'number' ? String(raw).replace(/\s/g, '').slice(0, 6) : '';
    return { customer, contact: contacts?.get(customer.id), address: fullAddress(customer), postalCode };
  });
