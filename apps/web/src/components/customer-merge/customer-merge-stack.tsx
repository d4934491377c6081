import type { Customer } from '@kehu/contracts';
import { Card, Flex, Radio, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { displayValue, fieldLabel, type MergeRow, MergeSurvivorChoice } from './customer-merge-display';
import type { MergeField } from './customer-merge-fields';

interface CustomerMergeStackProps {
  customers: readonly Customer[];
  rows: readonly MergeRow[];
  survivorId: string | undefined;
  onSurvivor: (customerId: string) => void;
  sourceOf: (field: MergeField) => string | undefined;
  onPick: (fieldKey: string, customerId: string) => void;
}

/**
 * The merge on a phone: instead of a table with a column per customer (which would scroll sideways),
 * the customer to keep, then one card per field the customers disagree on with its values stacked.
 * The radios carry the same names as the table's, so both read the same to assistive technology.
 */
export const CustomerMergeStack = ({
  customers,
  rows,
  survivorId,
  onSurvivor,
  sourceOf,
  onPick,
}: CustomerMergeStackProps) => {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const differing = rows.filter((row) => row.differs);
  const same = rows.filter((row) => !row.differs).map((row) => fieldLabel(row.field, t));

  return (
    <Flex vertical gap={12} data-testid="merge-stack">
      <Typography.Text strong>{t('duplicateGroups.merge.keepHeading')}</Typography.Text>
      {customers.map((customer) => (
        <Card
          key={customer.id}
          size="small"
          style={
            customer.id === survivorId
              ? { borderColor: token.colorPrimary, background: token.colorPrimaryBg }
              : undefined
          }
        >
          <MergeSurvivorChoice
            customer={customer}
            kept={customer.id === survivorId}
            onKeep={() => onSurvivor(customer.id)}
          />
        </Card>
      ))}
      {differing.map((row) => (
        <Card key={row.field.key} size="small" title={fieldLabel(row.field, t)}>
          <Flex vertical gap={8}>
            {customers.map((customer) => (
              <Radio
                key={customer.id}
                checked={sourceOf(row.field) === customer.id}
                onChange={() => onPick(row.field.key, customer.id)}
                aria-label={t('duplicateGroups.merge.pickNamed', {
                  field: fieldLabel(row.field, t),
                  name: customer.name,
                })}
              >
                <Flex vertical>
                  <span style={{ overflowWrap: 'anywhere' }}>{displayValue(row.field, customer, t)}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12, overflowWrap: 'anywhere' }}>
                    {customer.name}
                  </Typography.Text>
                </Flex>
              </Radio>
            ))}
          </Flex>
        </Card>
      ))}
      {same.length > 0 ? (
        <Typography.Text type="secondary">
          {t('duplicateGroups.merge.sameInAll', { fields: same.join(t('common.listSeparator')) })}
        </Typography.Text>
      ) : null}
    </Flex>
  );
};
