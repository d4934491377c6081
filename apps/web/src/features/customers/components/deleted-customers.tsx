import { UndoOutlined } from '@ant-design/icons';
import type { Customer } from '@kehu/contracts';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Input, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../app/auth';
import { showError } from '../../../app/forms';
import { ErrorResult } from '../../../components/error-result';
import { emptyMark, formatDateTime } from '../../../components/format';
import { LoadMore } from '../../../components/load-more';
import { actionsColumnLayout, RowActions } from '../../../components/row-actions';
import { useIsMobile } from '../../../components/use-is-mobile';
import { customerKeys, customerListQueryOptions, restoreCustomer } from '../api/customers-api';
import { CustomerTypeTag } from './customer-display';

/** The recycle bin's customers: deleted records, newest deletions first, each with Restore. */
export const DeletedCustomers = () => {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const { message } = App.useApp();
  const can = useCan();
  const queryClient = useQueryClient();
  const [q, setQ] = useState<string | undefined>();
  const list = useInfiniteQuery(customerListQueryOptions({ deleted: 'true', q }));
  const customers = list.data?.pages.flatMap((page) => page.items) ?? [];

  const restore = useMutation({
    mutationFn: restoreCustomer,
    onSuccess: (customer) => {
      void message.success(t('customers.restoredNamed', { name: customer.name }));
      queryClient.setQueryData(customerKeys.detail(customer.id), customer);
      void queryClient.invalidateQueries({ queryKey: customerKeys.lists() });
    },
    onError: (error) => showError(error, message),
  });

  const columns: TableColumnsType<Customer> = [
    { key: 'name', title: t('customers.fields.name'), dataIndex: 'name', width: 220 },
    {
      key: 'type',
      title: t('customers.fields.type'),
      width: 90,
      render: (_, customer) => <CustomerTypeTag type={customer.type} />,
    },
    {
      key: 'owner',
      title: t('customers.fields.owner'),
      width: 120,
      render: (_, customer) => customer.ownerName ?? emptyMark,
    },
    {
      key: 'deletedAt',
      title: t('customers.fields.deletedAt'),
      width: 160,
      render: (_, customer) => formatDateTime(customer.deletedAt),
    },
    {
      ...actionsColumnLayout(isMobile, 1, 120),
      title: t('common.actions'),
      render: (_, customer) =>
        can('customers', 'delete') ? (
          <RowActions>
            <Button
              size="small"
              icon={<UndoOutlined aria-hidden />}
              loading={restore.isPending && restore.variables === customer.id}
              onClick={() => restore.mutate(customer.id)}
              aria-label={t('recycleBin.restoreNamed', { name: customer.name })}
            >
              {t('common.restore')}
            </Button>
          </RowActions>
        ) : null,
    },
  ];

  if (list.isError) return <ErrorResult error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <>
      <Input.Search
        aria-label={t('customers.searchLabel')}
        placeholder={t('customers.searchPlaceholder')}
        allowClear
        onSearch={(value) => setQ(value.trim() || undefined)}
        style={{ maxWidth: 360, marginBottom: 16 }}
      />
      <Table<Customer>
        rowKey="id"
        columns={columns}
        dataSource={customers}
        loading={list.isPending}
        pagination={false}
        scroll={{ x: 710 }}
        size="middle"
      />
      <LoadMore
        hasMore={list.hasNextPage}
        loading={list.isFetchingNextPage}
        onLoadMore={() => void list.fetchNextPage()}
        shown={customers.length}
      />
    </>
  );
};
