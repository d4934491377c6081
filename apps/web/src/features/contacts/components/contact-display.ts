import type { ReactNode } from 'react';
import { i18n, translateKey } from '../../../app/i18n';
import { emptyMark, formatPhone } from '../../../components/format';
import { plainValue } from '../../../components/history-timeline';

export const contactFieldLabel = (field: string): string => translateKey(`contacts.fields.${field}`, field);

export const formatContactValue = (field: string, value: unknown): ReactNode => {
  if (value === null || value === undefined || value === '') return emptyMark;
  if (field === 'isPrimary' && typeof value === 'boolean')
    return value ? i18n.t('common.yes') : i18n.t('common.no');
  if ((field === 'mobile' || field === 'phone') && typeof value === 'string') return formatPhone(value);
  return plainValue(value);
};
