import type { Customer, CustomField } from '@kehu/contracts';
import type { TFunction } from 'i18next';
import { parseCustomFilters } from '../../../components/custom-fields/custom-filter-param';
import type { PrintParams } from './print-params';

const customValueText = (value: unknown): string => {
  if (typeof value === 'object' && value !== null) {
    const { min, max } = value as { min?: number; max?: number };
    return `${min ?? ''}–${max ?? ''}`;
  }
  return String(value);
};

/**
 * The filters in words for the printout's title ("Search: 星云 · Type: Deal"). Owner and department
 * are ids in the URL; their names come from the printed customers themselves (all share them).
 */
export const filterSummary = (
  t: TFunction,
  filters: PrintParams['filters'],
  customers: Customer[],
  fields: CustomField[] | undefined,
): string => {
  const parts: string[] = [];
  const labelled = (label: string, value: string) => parts.push(t('printing.summary.item', { label, value }));
  if (filters.deleted === 'true') parts.push(t('printing.summary.recycleBin'));
  if (filters.q) labelled(t('printing.summary.search'), filters.q);
  if (filters.type) labelled(t('customers.fields.type'), t(`customers.types.${filters.type as 'deal'}`));
  if (filters.level) labelled(t('customers.fields.level'), filters.level);
  if (filters.kind) labelled(t('customers.fields.kind'), t(`customers.kinds.${filters.kind as 'company'}`));
  if (filters.ownerId) labelled(t('customers.fields.owner'), customers[0]?.ownerName ?? filters.ownerId);
  if (filters.departmentId) {
    labelled(t('customers.fields.department'), customers[0]?.departmentName ?? filters.departmentId);
  }
  if (filters.tag) labelled(t('customers.filters.tag'), filters.tag);
  if (filters.industry) labelled(t('customers.fields.industry'), filters.industry);
  if (filters.source) labelled(t('customers.fields.source'), filters.source);
  if (filters.createdFrom || filters.createdTo) {
    labelled(t('customers.fields.createdAt'), `${filters.createdFrom ?? ''}–${filters.createdTo ?? ''}`);
  }
  for (const [key, value] of Object.entries(parseCustomFilters(filters.custom))) {
    labelled(fields?.find((field) => field.key === key)?.label ?? key, customValueText(value));
  }
  return parts.length > 0 ? parts.join(' · ') : t('printing.summary.all');
};
