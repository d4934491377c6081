import type { Customer, CustomerSortField } from '@kehu/contracts';
import { useQuery } from '@tanstack/react-query';
import {
  Card,
  Checkbox,
  Empty,
  Flex,
  Table,
  type TableColumnsType,
  type TableProps,
  Tag,
  Typography,
} from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { customFieldDisplay } from '../../../components/custom-fields/custom-field-display';
import { customFieldsQueryOptions } from '../../../components/custom-fields/custom-fields-query';
import { emptyMark, formatDateTime, formatPhone } from '../../../components/format';
import { toggledSelection } from '../../../components/selection-bar';
import { CustomerTagList } from '../../../components/tag-colors/customer-tag-list';
import { CustomerTypeTag } from './customer-display';

interface CustomerTableProps {
  customers: readonly Customer[];
  loading: boolean;
  sort: string;
  onSortChange: (sort: string | undefined) => void;
  /** With these two the rows get checkboxes (for bulk actions). */
  selectedIds?: readonly string[];
  onSelectionChange?: (ids: string[]) => void;
}

const orderOf = (sort: string, field: CustomerSortField): SortOrder => {
  if (sort === field) return 'ascend';
  if (sort === `-${field}`) return 'descend';
  return null;
};

/** Wide screens: a table; clicking a sortable header changes the server's sort. */
export const CustomerTable = ({
  customers,
  loading,
  sort,
  onSortChange,
  selectedIds,
  onSelectionChange,
}: CustomerTableProps) => {
  const { t } = useTranslation();
  const customFields = useQuery(customFieldsQueryOptions('customer'));
  const listFields = (customFields.data ?? []).filter((field) => field.showInList);
  const sortable = (field: CustomerSortField) => ({
    sorter: true,
    sortOrder: orderOf(sort, field),
    sortDirections: ['ascend', 'descend'] as SortOrder[],
  });

  const columns: TableColumnsType<Customer> = [
    {
      key: 'name',
      title: t('customers.fields.name'),
      fixed: 'left',
      width: 200,
      ...sortable('name'),
      render: (_, customer) => <Link to={`/customers/${customer.id}`}>{customer.name}</Link>,
    },
    {
      key: 'type',
      title: t('customers.fields.type'),
      width: 90,
      render: (_, customer) => <CustomerTypeTag type={customer.type} />,
    },
    {
      key: 'level',
      title: t('customers.fields.level'),
      width: 70,
      render: (_, customer) => customer.level ?? emptyMark,
    },
    {
      key: 'owner',
      title: t('customers.fields.owner'),
      width: 120,
      render: (_, customer) => customer.ownerName ?? emptyMark,
    },
    {
      key: 'phones',
      title: t('customers.fields.phones'),
      width: 140,
      render: (_, customer) =>
        customer.phones.length > 0 ? customer.phones.map(formatPhone).join(', ') : emptyMark,
    },
    {
      key: 'email',
      title: t('customers.fields.email'),
      width: 180,
      ellipsis: true,
      render: (_, customer) => customer.email ?? emptyMark,
    },
    {
      key: 'tags',
      title: t('customers.fields.tags'),
      width: 150,
      render: (_, customer) => <CustomerTagList tags={customer.tags} empty={emptyMark} />,
    },
    ...listFields.map((field) => ({
      key: `custom.${field.key}`,
      title: field.label,
      width: field.type === 'longText' ? 200 : 140,
      ellipsis: field.type === 'longText' || field.type === 'text',
      render: (_: unknown, customer: Customer) => {
        const value = customer.custom[field.key];
        // Long text on one line here; the detail page shows it whole.
        return field.type === 'longText' && typeof value === 'string'
          ? value
          : customFieldDisplay(field, value, t);
      },
    })),
    {
      key: 'lastFollowUpAt',
      title: t('customers.fields.lastFollowUpAt'),
      width: 160,
      ...sortable('lastFollowUpAt'),
      render: (_, customer) => formatDateTime(customer.lastFollowUpAt) || emptyMark,
    },
    {
      key: 'updatedAt',
      title: t('customers.fields.updatedAt'),
      width: 160,
      ...sortable('updatedAt'),
      render: (_, customer) => formatDateTime(customer.updatedAt),
    },
  ];

  const onChange: TableProps<Customer>['onChange'] = (_pagination, _filters, sorter) => {
    const single = Array.isArray(sorter) ? sorter[0] : sorter;
    const field = single?.columnKey;
    if (!single?.order || typeof field !== 'string') {
      onSortChange(undefined);
      return;
    }
    onSortChange(single.order === 'ascend' ? field : `-${field}`);
  };

  return (
    <Table<Customer>
      rowKey="id"
      columns={columns}
      dataSource={[...customers]}
      loading={loading}
      pagination={false}
      onChange={onChange}
      showSorterTooltip={false}
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
      scroll={{ x: 1250 + listFields.length * 150 }}
      size="middle"
    />
  );
};

/** Phones: one compact card per customer. */
export const CustomerCards = ({
  customers,
  loading,
  selectedIds,
  onSelectionChange,
}: {
  customers: readonly Customer[];
  loading: boolean;
  /** With both, each card has a checkbox (handover, return to pool, merge). */
  selectedIds?: readonly string[];
  onSelectionChange?: (ids: string[]) => void;
}) => {
  const { t } = useTranslation();
  if (!loading && customers.length === 0) return <Empty />;
  return (
    <Flex vertical gap={8} aria-busy={loading}>
      {customers.map((customer) => (
        <Card key={customer.id} size="small">
          <Flex justify="space-between" gap={8} align="flex-start">
            <Flex gap={8} align="flex-start" style={{ minWidth: 0 }}>
              {selectedIds && onSelectionChange ? (
                <Checkbox
                  aria-label={t('customers.selectNamed', { name: customer.name })}
                  checked={selectedIds.includes(customer.id)}
                  onChange={(event) =>
                    onSelectionChange(toggledSelection(selectedIds, customer.id, event.target.checked))
                  }
                />
              ) : null}
              <Link
                to={`/customers/${customer.id}`}
                style={{ fontWeight: 600, minWidth: 0, overflowWrap: 'anywhere' }}
              >
                {customer.name}
              </Link>
            </Flex>
            <Flex gap={4} style={{ flexShrink: 0 }}>
              {customer.level ? <Tag style={{ marginInlineEnd: 0 }}>{customer.level}</Tag> : null}
              <CustomerTypeTag type={customer.type} />
            </Flex>
          </Flex>
          <Typography.Text
            type="secondary"
            style={{ display: 'block', marginTop: 4, overflowWrap: 'anywhere' }}
          >
            {[customer.ownerName, formatPhone(customer.phones[0]), customer.email]
              .filter(Boolean)
              .join(' · ') || emptyMark}
          </Typography.Text>
          {customer.tags.length > 0 ? (
            <div style={{ marginTop: 4 }}>
              <CustomerTagList tags={customer.tags} />
            </div>
          ) : null}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('customers.fields.updatedAt')}: {formatDateTime(customer.updatedAt)}
          </Typography.Text>
        </Card>
      ))}
    </Flex>
  );
};
