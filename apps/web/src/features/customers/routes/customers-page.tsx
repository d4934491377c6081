import {
  InboxOutlined,
  MergeCellsOutlined,
  PlusOutlined,
  SwapOutlined,
  TagsOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { Button, Spin } from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCan } from '../../../app/auth';
import { ErrorResult } from '../../../components/error-result';
import { LoadMore } from '../../../components/load-more';
import { PageHeader } from '../../../components/page-header';
import { SelectionBar } from '../../../components/selection-bar';
import { useIsMobile } from '../../../components/use-is-mobile';
import { customerListQueryOptions } from '../api/customers-api';
import { CustomerExportMenu } from '../components/customer-export-menu';
import { CustomerFilterBar } from '../components/customer-filter-bar';
import { CustomerPrintMenu } from '../components/customer-print-menu';
import { CustomerCards, CustomerTable } from '../components/customer-table';
import { CustomerViewsMenu } from '../components/customer-views-menu';
import { useCustomerFilters } from '../components/use-customer-filters';

// The form (and zod with it) loads when first opened, not with the list.
const CustomerFormDrawer = lazy(() =>
  import('../components/customer-form-drawer').then((m) => ({ default: m.CustomerFormDrawer })),
);
const CustomerTransferModal = lazy(() =>
  import('../components/customer-transfer-modal').then((m) => ({ default: m.CustomerTransferModal })),
);

const CustomerReturnModal = lazy(() =>
  import('../components/customer-return-modal').then((m) => ({ default: m.CustomerReturnModal })),
);
const CustomerTagsModal = lazy(() =>
  import('../components/customer-tags-modal').then((m) => ({ default: m.CustomerTagsModal })),
);

// Shared with the duplicates page (components/: no feature imports another).
const CustomerMergeDialog = lazy(() =>
  import('../../../components/customer-merge/customer-merge-dialog').then((m) => ({
    default: m.CustomerMergeDialog,
  })),
);

/** The server takes at most this many customers in one handover (and one tag change). */
const transferLimit = 500;
/** The server returns at most this many customers to a pool at once. */
const returnLimit = 200;
/** A merge keeps one customer and folds in up to nine others. */
const mergeLimit = 10;

export const CustomersPage = () => {
  const { t } = useTranslation();
  const can = useCan();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const { filters, setFilters, clearFilters, viewId, applyView, leaveView } = useCustomerFilters();
  const [creating, setCreating] = useState(false);
  const [selectedIds, setSelectedIds] = useState<string[]>([]);
  const [transferring, setTransferring] = useState(false);
  const list = useInfiniteQuery({ ...customerListQueryOptions(filters), placeholderData: keepPreviousData });
  const customers = list.data?.pages.flatMap((page) => page.items) ?? [];
  const canTransfer = can('customers', 'transfer') && filters.deleted !== 'true';
  const canMerge = can('customers', 'edit') && can('customers', 'delete') && filters.deleted !== 'true';
  const canReturn = can('customers', 'edit') && can('pools', 'view') && filters.deleted !== 'true';
  const canTag = can('customers', 'edit') && filters.deleted !== 'true';
  const canSelect = canTransfer || canMerge || canReturn || canTag;
  const [returning, setReturning] = useState(false);
  const [merging, setMerging] = useState(false);
  const [tagging, setTagging] = useState(false);
  const mergeable = selectedIds.length >= 2 && selectedIds.length <= mergeLimit;

  // Another filter shows other rows: a selection made under the old one would act on hidden customers.
  const filterKey = JSON.stringify(filters);
  useEffect(() => {
    if (filterKey) setSelectedIds([]);
  }, [filterKey]);

  return (
    <>
      <PageHeader
        title={t('customers.title')}
        extra={
          <>
            <CustomerPrintMenu />
            {can('customers', 'export') ? <CustomerExportMenu filters={filters} /> : null}
            {can('customers', 'import') ? (
              <Button
                icon={<UploadOutlined aria-hidden />}
                onClick={() => void navigate('/customers/import')}
              >
                {t('imports.action')}
              </Button>
            ) : null}
            {can('customers', 'create') ? (
              <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
                {t('customers.new')}
              </Button>
            ) : null}
          </>
        }
      />
      <CustomerFilterBar
        filters={filters}
        onChange={setFilters}
        onClear={clearFilters}
        extra={
          filters.deleted === 'true' ? null : (
            <CustomerViewsMenu filters={filters} viewId={viewId} onApply={applyView} onLeave={leaveView} />
          )
        }
      />
      {canSelect && selectedIds.length > 0 ? (
        <SelectionBar
          count={t('ownership.selection.count', { count: selectedIds.length })}
          warning={
            selectedIds.length > transferLimit
              ? t('ownership.selection.tooMany', { max: transferLimit })
              : undefined
          }
          actions={
            <>
              {canTransfer ? (
                <Button
                  type="primary"
                  size="small"
                  icon={<SwapOutlined aria-hidden />}
                  disabled={selectedIds.length > transferLimit}
                  onClick={() => setTransferring(true)}
                >
                  {t('ownership.transfer.action')}
                </Button>
              ) : null}
              {canReturn ? (
                <Button
                  size="small"
                  icon={<InboxOutlined aria-hidden />}
                  disabled={selectedIds.length > returnLimit}
                  onClick={() => setReturning(true)}
                >
                  {t('pools.return.action')}
                </Button>
              ) : null}
              {canTag ? (
                <Button
                  size="small"
                  icon={<TagsOutlined aria-hidden />}
                  disabled={selectedIds.length > transferLimit}
                  onClick={() => setTagging(true)}
                >
                  {t('customers.bulkTags.action')}
                </Button>
              ) : null}
              {canMerge ? (
                <Button
                  size="small"
                  icon={<MergeCellsOutlined aria-hidden />}
                  disabled={!mergeable}
                  title={mergeable ? undefined : t('duplicateGroups.selectHint')}
                  onClick={() => setMerging(true)}
                >
                  {t('duplicateGroups.merge.submit')}
                </Button>
              ) : null}
              <Button size="small" onClick={() => setSelectedIds([])}>
                {t('ownership.selection.clear')}
              </Button>
            </>
          }
        />
      ) : null}
      {list.isError ? (
        <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
      ) : isMobile ? (
        <Spin spinning={list.isPending}>
          <CustomerCards
            customers={customers}
            loading={list.isPending}
            selectedIds={canSelect ? selectedIds : undefined}
            onSelectionChange={canSelect ? setSelectedIds : undefined}
          />
        </Spin>
      ) : (
        <CustomerTable
          customers={customers}
          loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)}
          sort={filters.sort ?? '-updatedAt'}
          onSortChange={(sort) => setFilters({ sort: sort === '-updatedAt' ? undefined : sort })}
          selectedIds={canSelect ? selectedIds : undefined}
          onSelectionChange={canSelect ? setSelectedIds : undefined}
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
      {merging ? (
        <Suspense fallback={null}>
          <CustomerMergeDialog
            open
            customerIds={selectedIds}
            onClose={() => setMerging(false)}
            onMerged={() => setSelectedIds([])}
          />
        </Suspense>
      ) : null}
      {tagging ? (
        <Suspense fallback={null}>
          <CustomerTagsModal customerIds={selectedIds} onClose={() => setTagging(false)} />
        </Suspense>
      ) : null}
      {returning ? (
        <Suspense fallback={null}>
          <CustomerReturnModal
            customerIds={selectedIds}
            onClose={() => setReturning(false)}
            onReturned={() => setSelectedIds([])}
          />
        </Suspense>
      ) : null}
      {transferring ? (
        <Suspense fallback={null}>
          <CustomerTransferModal
            open
            customerIds={selectedIds}
            onClose={() => setTransferring(false)}
            onTransferred={() => setSelectedIds([])}
          />
        </Suspense>
      ) : null}
    </>
  );
};
