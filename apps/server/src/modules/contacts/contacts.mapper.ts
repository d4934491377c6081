import { type Contact, contactEditableFields } from '@kehu/contracts';
import type { ContactRow } from './contacts.repository';

export const toContact = (row: ContactRow): Contact => ({
  id: row.id,
  customerId: row.customer_id,
  customerName: row.customer_name,
  name: row.name,
  title: row.title,
  mobile: row.mobile,
  phone: row.phone,
  email: row.email,
  wechat: row.wechat,
  birthday: row.birthday,
  notes: row.notes,
  isPrimary: row.is_primary === 1,
  custom: JSON.parse(row.custom) as Record<string, unknown>,
  createdAt: row.created_at,
  createdBy: row.created_by,
  updatedAt: row.updated_at,
  updatedBy: row.updated_by,
  deletedAt: row.deleted_at,
  version: row.version,
});

export const auditedContactFields = contactEditableFields;
