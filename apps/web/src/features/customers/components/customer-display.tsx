import type { CustomerType } from '@kehu/contracts';
import { Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { translateKey } from '../../../app/i18n';
import { emptyMark, formatDateTime, formatPhone } from '../../../components/format';
import { plainValue } from '../../../components/history-timeline';

const typeColor: Record<CustomerType, string> = {
  intent: 'blue',
  potential: 'gold',
  deal: 'green',
  inactive: 'default',
};

export const CustomerTypeTag = ({ type }: { type: CustomerType }) => {
  const { t } = useTranslation();
  return <Tag color={typeColor[type]}>{t(`customers.types.${type}`)}</Tag>;
};

/** The label of a customer field (also for field names met in history). */
export const customerFieldLabel = (field: string): string => translateKey(`customers.fields.${field}`, field);

const enumFields: Record<string, string> = { type: 'types', kind: 'kinds' };
const dateFields = new Set(['lastFollowUpAt', 'createdAt', 'updatedAt', 'deletedAt']);

/** One value of a customer field in history: enums translated, instants in local time. */
export const formatCustomerValue = (field: string, value: unknown): ReactNode => {
  if (value === null || value === undefined || value === '') return emptyMark;
  const group = enumFields[field];
  if (group && typeof value === 'string') return translateKey(`customers.${group}.${value}`, value);
  if (dateFields.has(field) && typeof value === 'string') return formatDateTime(value);
  if (field === 'phones' && Array.isArray(value)) {
    return value.length > 0 ? value.map((phone) => formatPhone(String(phone))).join(', ') : emptyMark;
  }
  if (field === 'locked' && typeof value === 'boolean')
    return translateKey(value ? 'common.yes' : 'common.no', '');
  if (field === 'member' && typeof value === 'object') return memberText(value as MemberValue);
  return plainValue(value);
};

interface MemberValue {
  userName?: string | null;
  access?: string;
  expiresAt?: string | null;
}

/** A team member as history shows it: who, what access, until when (never a user id). */
const memberText = (member: MemberValue): string =>
  [
    member.userName ?? emptyMark,
    member.access ? translateKey(`ownership.team.access.${member.access}`, member.access) : undefined,
    member.expiresAt
      ? translateKey('ownership.team.until', '', { date: formatDateTime(member.expiresAt) })
      : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
