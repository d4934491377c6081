import type { CustomField, CustomFieldEntity, CustomFieldType } from '@kehu/contracts';
import type { CustomFieldRow } from './custom-fields.repository';

export const toCustomField = (row: CustomFieldRow): CustomField => ({
  id: row.id,
  entity: row.entity as CustomFieldEntity,
  key: row.key,
  label: row.label,
  type: row.type as CustomFieldType,
  required: row.required === 1,
  options: JSON.parse(row.options) as CustomField['options'],
  showInList: row.show_in_list === 1,
  filterable: row.filterable === 1,
  sort: row.sort,
  archived: row.archived === 1,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});
