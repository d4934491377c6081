import type { Customer, MergeableCustomerField } from '@kehu/contracts';
import { Flex, Radio, Typography } from 'antd';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { customFieldDisplay } from '../custom-fields/custom-field-display';
import { emptyMark, formatDateTime, formatPhone } from '../format';
import type { MergeField } from './customer-merge-fields';

/** A row of the merge: a field, and whether the customers disagree on it (only then is it picked). */
export interface MergeRow {
  field: MergeField;
  differs: boolean;
}

export const fieldLabel = (field: MergeField, t: TFunction): string =>
  field.custom ? field.custom.label : t(`customers.fields.${field.standard as MergeableCustomerField}`);

/** One customer's value of a field, as people read it. */
export const displayValue = (field: MergeField, customer: Customer, t: TFunction): ReactNode => {
  if (field.custom) return customFieldDisplay(field.custom, customer.custom[field.custom.key], t);
  switch (field.standard) {
    case 'kind':
      return t(`customers.kinds.${customer.kind}`);
    case 'type':
      return t(`customers.types.${customer.type}`);
    case 'region':
      return [customer.province, customer.city, customer.district].filter(Boolean).join(' ') || emptyMark;
    case 'owner':
      return customer.ownerName
        ? [customer.ownerName, customer.departmentName].filter(Boolean).join(' · ')
        : emptyMark;
    default: {
      const value = customer[field.standard as 'name'];
      return value === null || value === '' ? emptyMark : value;
    }
  }
};

/** Which customer is which: its name (opens it in a new tab), when it was created, its phones. */
const MergeCustomerSummary = ({ customer }: { customer: Customer }) => {
  const { t } = useTranslation();
  const secondary = { fontSize: 12, fontWeight: 'normal' } as const;
  return (
    <>
      <Link
        to={`/customers/${customer.id}`}
        target="_blank"
        rel="noopener"
        style={{ overflowWrap: 'anywhere' }}
      >
        {customer.name}
      </Link>
      <Typography.Text type="secondary" style={secondary}>
        {t('duplicateGroups.created', { time: formatDateTime(customer.createdAt) })}
      </Typography.Text>
      <Typography.Text type="secondary" style={secondary}>
        {customer.phones.map((phone) => formatPhone(phone)).join(', ') || emptyMark}
      </Typography.Text>
    </>
  );
};

/**
 * "Keep this one" for a customer of the merge, with which customer it is below (its name is a link:
 * beside the radio, not inside its label). The table's header and the phone layout both use it.
 */
export const MergeSurvivorChoice = ({
  customer,
  kept,
  onKeep,
}: {
  customer: Customer;
  kept: boolean;
  onKeep: () => void;
}) => {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={2}>
      <Radio
        checked={kept}
        onChange={onKeep}
        aria-label={t('duplicateGroups.merge.keepNamed', { name: customer.name })}
      >
        {t('duplicateGroups.merge.keep')}
      </Radio>
      <MergeCustomerSummary customer={customer} />
    </Flex>
  );
};
