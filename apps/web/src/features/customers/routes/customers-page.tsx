import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { Button, Spin } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../app/auth';
import { ErrorResult } from '../../../components/error-result';
import { LoadMore } from '../../../components/load-more';
import { PageHeader } from '../../../components/page-header';
import { useIsMobile } from '../../../components/use-is-mobile';
import { customerListQueryOptions } from '../api/customers-api';
import { CustomerFilterBar } from '../components/customer-filter-bar';
import { CustomerCards, CustomerTable } from '../components/customer-table';
import { useCustomerFilters } from '../components/use-customer-filters';

// The form (and zod with it) loads when first opened, not with the list.
const CustomerFormDrawer = lazy(() =>
  import('../components/customer-form-drawer').then((m) => ({ default: m.CustomerFormDrawer })),
);

export const CustomersPage = () => {
  const { t } = useTranslation();
  const can = useCan();
  const isMobile = useIsMobile();
  const { filters, setFilters, clearFilters } = useCustomerFilters();
  const [creating, setCreating] = useState(false);
  const list = useInfiniteQuery({ ...customerListQueryOptions(filters), placeholderData: keepPreviousData });
  const customers = list.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <>
      <PageHeader
        title={t('customers.title')}
        extra={
          can('customers', 'create') ? (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
              {t('customers.new')}
            </Button>
          ) : null
        }
      />
      <CustomerFilterBar filters={filters} onChange={setFilters} onClear={clearFilters} />
      {list.isError ? (
        <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
      ) : isMobile ? (
        <Spin spinning={list.isPending}>
          <CustomerCards customers={customers} loading={list.isPending} />
        </Spin>
      ) : (
        <CustomerTable
          customers={customers}
          loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)}
          sort={filters.sort ?? '-updatedAt'}
          onSortChange={(sort) => setFilters({ sort: sort === '-updatedAt' ? undefined : sort })}
        />
      )}
      <LoadMore
        hasMore={list.hasNextPage}
        loading={list.isFetchingNextPage}
        onLoadMore={() => void list.fetchNextPage()}
        shown={customers.length}
      />
      {creating ? (
        <Suspense fallback={null}>
          <CustomerFormDrawer open onClose={() => setCreating(false)} />
        </Suspense>
      ) : null}
    </>
  );
};
