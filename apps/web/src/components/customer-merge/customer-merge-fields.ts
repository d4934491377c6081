import type { Customer, CustomField, MergeableCustomerField } from '@kehu/contracts';

/** A row of the merge table: a field whose surviving value is picked from one of the customers. */
export interface MergeField {
  /** The key sent in `values` (`industry`, `custom.size`). */
  key: string;
  /** A mergeable customer field, or the custom field definition. */
  standard?: MergeableCustomerField;
  custom?: CustomField;
}

/** The order of the table (kind first: it decides which other fields make sense). */
export const standardMergeFields: readonly MergeableCustomerField[] = [
  'name',
  'kind',
  'type',
  'level',
  'industry',
  'source',
  'region',
  'address',
  'email',
  'website',
  'notes',
  'owner',
];

export const mergeFieldsOf = (customFields: readonly CustomField[]): MergeField[] => [
  ...standardMergeFields.map((standard) => ({ key: standard, standard })),
  ...customFields.map((custom) => ({ key: `custom.${custom.key}`, custom })),
];

const isBlank = (value: unknown): boolean =>
  value === null ||
  value === undefined ||
  (typeof value === 'string' && value.trim() === '') ||
  (Array.isArray(value) && value.length === 0);

/** The raw value a field carries over (region and owner are several columns). */
export const rawMergeValue = (field: MergeField, customer: Customer): unknown => {
  if (field.custom) return customer.custom[field.custom.key];
  switch (field.standard) {
    case 'region': {
      const parts = [customer.province, customer.city, customer.district];
      return parts.every(isBlank) ? null : parts;
    }
    case 'owner':
      return customer.ownerId ? [customer.ownerId, customer.departmentId] : null;
    default:
      return customer[field.standard as Exclude<MergeableCustomerField, 'region' | 'owner'>];
  }
};

export const hasMergeValue = (field: MergeField, customer: Customer): boolean =>
  !isBlank(rawMergeValue(field, customer));

const comparable = (value: unknown): string => (isBlank(value) ? '' : JSON.stringify(value));

/** True when the customers disagree on the field (empty counts as a value only when another is set). */
export const mergeValuesDiffer = (field: MergeField, customers: readonly Customer[]): boolean =>
  new Set(customers.map((customer) => comparable(rawMergeValue(field, customer)))).size > 1;

/** The server's default: the survivor's value, else the first other customer's that has one. */
export const defaultMergeSource = (
  field: MergeField,
  survivor: Customer,
  customers: readonly Customer[],
): string => {
  const ordered = [survivor, ...customers.filter((customer) => customer.id !== survivor.id)];
  return (ordered.find((customer) => hasMergeValue(field, customer)) ?? survivor).id;
};

/** The customer kept by default: the one with most data, the oldest of those. */
export const defaultSurvivor = (
  customers: readonly Customer[],
  fields: readonly MergeField[],
): Customer | undefined => {
  const filled = (customer: Customer) =>
    fields.filter((field) => hasMergeValue(field, customer)).length +
    customer.phones.length +
    customer.tags.length;
  return [...customers].sort(
    (a, b) => filled(b) - filled(a) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
  )[0];
};
