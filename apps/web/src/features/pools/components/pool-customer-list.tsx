import type { PooledCustomer } from '@kehu/contracts';
import { Card, Checkbox, Empty, Flex, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { emptyMark, formatDateTime, formatPhone } from '../../../components/format';
import { poolReasonText } from '../../../components/pool-reason';
import { toggledSelection } from '../../../components/selection-bar';

interface PoolCustomerListProps {
  customers: readonly PooledCustomer[];
  loading: boolean;
  selectedIds?: readonly string[];
  onSelectionChange?: (ids: string[]) => void;
}

const phonesOf = (customer: PooledCustomer) =>
  customer.phones.length > 0 ? customer.phones.map(formatPhone).join(', ') : emptyMark;
const placeOf = (customer: PooledCustomer) =>
  [customer.province, customer.city].filter(Boolean).join(' ') || emptyMark;

/** Wide screens: the pool's customers in a table with checkboxes. */
export const PoolCustomerTable = ({
  customers,
  loading,
  selectedIds,
  onSelectionChange,
}: PoolCustomerListProps) => {
  const { t } = useTranslation();
  const columns: TableColumnsType<PooledCustomer> = [
    {
      key: 'name',
      title: t('pools.fields.name'),
      dataIndex: 'name',
      fixed: 'left',
      width: 220,
      render: (name: string) => <Typography.Text strong>{name}</Typography.Text>,
    },
    {
      key: 'level',
      title: t('pools.fields.level'),
      dataIndex: 'level',
      width: 70,
      render: (level: string | null) => (level ? <Tag>{level}</Tag> : emptyMark),
    },
    {
      key: 'type',
      title: t('pools.fields.type'),
      dataIndex: 'type',
      width: 90,
      render: (type: PooledCustomer['type']) => t(`customers.types.${type}`),
    },
    { key: 'phones', title: t('pools.fields.phones'), width: 160, render: (_, c) => phonesOf(c) },
    { key: 'industry', title: t('pools.fields.industry'), dataIndex: 'industry', width: 120 },
    { key: 'place', title: t('pools.fields.place'), width: 130, render: (_, c) => placeOf(c) },
    {
      key: 'reason',
      title: t('pools.fields.reason'),
      width: 220,
      render: (_, c) => poolReasonText(c.poolReason, t) || emptyMark,
    },
    {
      key: 'previousOwner',
      title: t('pools.fields.previousOwner'),
      dataIndex: 'previousOwnerName',
      width: 130,
      render: (name: string | null) => name ?? emptyMark,
    },
    {
      key: 'pooledAt',
      title: t('pools.fields.pooledAt'),
      dataIndex: 'pooledAt',
      width: 150,
      render: (at: string | null) => formatDateTime(at) || emptyMark,
    },
    {
      key: 'lastFollowUpAt',
      title: t('pools.fields.lastFollowUpAt'),
      dataIndex: 'lastFollowUpAt',
      width: 150,
      render: (at: string | null) => formatDateTime(at) || emptyMark,
    },
  ];
  return (
    <Table<PooledCustomer>
      rowKey="id"
      columns={columns}
      dataSource={[...customers]}
      loading={loading}
      pagination={false}
      size="middle"
      scroll={{ x: 1440 }}
      rowSelection={
        selectedIds && onSelectionChange
          ? {
              selectedRowKeys: [...selectedIds],
              onChange: (keys) => onSelectionChange(keys.map(String)),
              preserveSelectedRowKeys: true,
              fixed: 'left',
            }
          : undefined
      }
    />
  );
};

/** Phones: one card per customer, with a checkbox when customers can be selected. */
export const PoolCustomerCards = ({
  customers,
  loading,
  selectedIds,
  onSelectionChange,
}: PoolCustomerListProps) => {
  const { t } = useTranslation();
  if (!loading && customers.length === 0) return <Empty />;
  const toggle = (id: string, checked: boolean) => {
    if (!selectedIds || !onSelectionChange) return;
    onSelectionChange(toggledSelection(selectedIds, id, checked));
  };
  return (
    <Flex vertical gap={8} aria-busy={loading}>
      {customers.map((customer) => (
        <Card key={customer.id} size="small">
          <Flex justify="space-between" gap={8} align="flex-start">
            <Flex gap={8} align="flex-start" style={{ minWidth: 0 }}>
              {selectedIds && onSelectionChange ? (
                <Checkbox
                  aria-label={customer.name}
                  checked={selectedIds.includes(customer.id)}
                  onChange={(event) => toggle(customer.id, event.target.checked)}
                />
              ) : null}
              <Typography.Text strong style={{ overflowWrap: 'anywhere' }}>
                {customer.name}
              </Typography.Text>
            </Flex>
            {customer.level ? <Tag style={{ marginInlineEnd: 0 }}>{customer.level}</Tag> : null}
          </Flex>
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
            {[phonesOf(customer), placeOf(customer)].join(' · ')}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {poolReasonText(customer.poolReason, t) || emptyMark}
            {customer.pooledAt ? ` · ${formatDateTime(customer.pooledAt)}` : ''}
          </Typography.Text>
        </Card>
      ))}
    </Flex>
  );
};
