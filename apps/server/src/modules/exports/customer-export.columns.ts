import type { Customer, CustomField, Locale } from '@kehu/contracts';
import { translate } from '../../platform/i18n/messages';

export interface ExportColumn {
  header: string;
  value: (customer: Customer) => string;
}

const text = (value: string | null | undefined) => value ?? '';

/** The columns of a customer export, headed in the user's language; custom fields by their labels. */
export function customerExportColumns(locale: Locale, customFields: CustomField[]): ExportColumn[] {
  const label = (key: string) => translate(locale, `exportColumns.${key}`);
  const typeName = (type: string) => translate(locale, `exportColumns.type_${type}`);
  const yes = translate(locale, 'exportColumns.yes');
  const no = translate(locale, 'exportColumns.no');
  return [
    { header: label('name'), value: (c) => c.name },
    { header: label('kind'), value: (c) => translate(locale, `exportColumns.kind_${c.kind}`) },
    { header: label('type'), value: (c) => typeName(c.type) },
    { header: label('level'), value: (c) => text(c.level) },
    { header: label('industry'), value: (c) => text(c.industry) },
    { header: label('source'), value: (c) => text(c.source) },
    { header: label('province'), value: (c) => text(c.province) },
    { header: label('city'), value: (c) => text(c.city) },
    { header: label('district'), value: (c) => text(c.district) },
    { header: label('address'), value: (c) => text(c.address) },
    { header: label('phones'), value: (c) => c.phones.join(' / ') },
    { header: label('email'), value: (c) => text(c.email) },
    { header: label('website'), value: (c) => text(c.website) },
    { header: label('tags'), value: (c) => c.tags.join(locale === 'zh-CN' ? '、' : ', ') },
    { header: label('notes'), value: (c) => text(c.notes) },
    { header: label('owner'), value: (c) => text(c.ownerName) },
    { header: label('department'), value: (c) => text(c.departmentName) },
    ...customFields
      .filter((field) => !field.archived)
      .map((field) => ({
        header: field.label,
        value: (c: Customer) => customText(field, c.custom[field.key], yes, no),
      })),
    { header: label('lastFollowUpAt'), value: (c) => text(c.lastFollowUpAt) },
    { header: label('createdAt'), value: (c) => c.createdAt },
    { header: label('updatedAt'), value: (c) => c.updatedAt },
  ];
}

/** A custom value as people read it: option labels, money in major units, yes/no. */
function customText(field: CustomField, value: unknown, yes: string, no: string): string {
  if (value === undefined || value === null) return '';
  const optionLabel = (option: unknown) =>
    field.options.find((o) => o.value === option)?.label ?? String(option);
  switch (field.type) {
    case 'select':
      return optionLabel(value);
    case 'multiSelect':
      return Array.isArray(value) ? value.map(optionLabel).join(', ') : '';
    case 'money':
      return typeof value === 'number' ? (value / 100).toFixed(2) : '';
    case 'boolean':
      return value ? yes : no;
    default:
      return String(value);
  }
}
