import {
  DeleteOutlined,
  PlusOutlined,
  SettingOutlined,
  SyncOutlined,
  UserAddOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
import { customerLevels, type Pool } from '@kehu/contracts';
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { App, Button, Empty, Flex, Select, Spin, Tabs, Typography } from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCan } from '../../../app/auth';
import { showError } from '../../../app/forms';
import { DebouncedInput } from '../../../components/debounced-input';
import { ErrorResult } from '../../../components/error-result';
import { LoadMore } from '../../../components/load-more';
import { PageHeader } from '../../../components/page-header';
import { SelectionBar } from '../../../components/selection-bar';
import { useIsMobile } from '../../../components/use-is-mobile';
import {
  claimCustomers,
  deletePool,
  type PoolCustomerFilters,
  poolCustomersQueryOptions,
  poolKeys,
  poolsQueryOptions,
  runReclaim,
} from '../api/pools-api';
import { PoolCustomerCards, PoolCustomerTable } from '../components/pool-customer-list';

// Dialogs load when first opened.
const PoolSettingsDrawer = lazy(() =>
  import('../components/pool-settings-drawer').then((m) => ({ default: m.PoolSettingsDrawer })),
);
const PoolAssignModal = lazy(() =>
  import('../components/pool-assign-modal').then((m) => ({ default: m.PoolAssignModal })),
);

/** The server claims at most this many customers at once. */
const claimLimit = 50;

const PoolCustomers = ({ pool }: { pool: Pool }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const isMobile = useIsMobile();
  const queryClient = useQueryClient();
  const [filters, setFilters] = useState<PoolCustomerFilters>({});
  const [selectedIds, setSelectedIds] = useState<string[]>([]);
  const [assigning, setAssigning] = useState(false);
  const list = useInfiniteQuery({
    ...poolCustomersQueryOptions(pool.id, filters),
    placeholderData: keepPreviousData,
  });
  const customers = list.data?.pages.flatMap((page) => page.items) ?? [];
  const canClaim = can('pools', 'claim');
  const canSelect = canClaim || pool.canAssign;

  const filterKey = JSON.stringify(filters);
  useEffect(() => {
    if (filterKey) setSelectedIds([]);
  }, [filterKey]);

  const claim = useMutation({
    mutationFn: claimCustomers,
    onSuccess: async ({ moved }) => {
      void message.success(t('pools.claim.done', { count: moved }));
      setSelectedIds([]);
      await queryClient.invalidateQueries({ queryKey: poolKeys.all });
      await queryClient.invalidateQueries({ queryKey: ['customers'] });
    },
    onError: (error) => showError(error, message),
  });

  const selection = {
    selectedIds: canSelect ? selectedIds : undefined,
    onSelectionChange: canSelect ? setSelectedIds : undefined,
  };

  const selectionActions = (
    <>
      {canClaim ? (
        <Button
          type="primary"
          size="small"
          icon={<UserAddOutlined aria-hidden />}
          loading={claim.isPending}
          disabled={selectedIds.length > claimLimit}
          onClick={() => claim.mutate(selectedIds)}
        >
          {t('pools.claim.action')}
        </Button>
      ) : null}
      {pool.canAssign ? (
        <Button size="small" icon={<UserSwitchOutlined aria-hidden />} onClick={() => setAssigning(true)}>
          {t('pools.assign.action')}
        </Button>
      ) : null}
      <Button size="small" onClick={() => setSelectedIds([])}>
        {t('pools.clearSelection')}
      </Button>
    </>
  );

  return (
    <>
      {pool.description ? (
        <Typography.Paragraph type="secondary">{pool.description}</Typography.Paragraph>
      ) : null}
      <Flex gap={8} wrap="wrap" style={{ marginBottom: 12 }}>
        <DebouncedInput
          value={filters.q}
          onChange={(q) => setFilters((previous) => ({ ...previous, q }))}
          placeholder={t('pools.search')}
          aria-label={t('pools.search')}
          style={{ width: isMobile ? '100%' : 260 }}
        />
        <Select<string>
          allowClear
          aria-label={t('pools.fields.level')}
          placeholder={t('pools.fields.level')}
          value={filters.level}
          onChange={(level) => setFilters((previous) => ({ ...previous, level: level ?? undefined }))}
          options={customerLevels.map((level) => ({ value: level, label: level }))}
          style={{ width: 120 }}
        />
      </Flex>
      {canSelect && selectedIds.length > 0 ? (
        <SelectionBar
          count={t('pools.selected', { count: selectedIds.length })}
          warning={
            selectedIds.length > claimLimit ? t('pools.claim.tooMany', { max: claimLimit }) : undefined
          }
          actions={selectionActions}
        />
      ) : null}
      {list.isError ? (
        <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
      ) : isMobile ? (
        <Spin spinning={list.isPending}>
          <PoolCustomerCards customers={customers} loading={list.isPending} {...selection} />
        </Spin>
      ) : (
        <PoolCustomerTable
          customers={customers}
          loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)}
          {...selection}
        />
      )}
      <LoadMore
        hasMore={list.hasNextPage}
        loading={list.isFetchingNextPage}
        onLoadMore={() => void list.fetchNextPage()}
        shown={customers.length}
      />
      {assigning ? (
        <Suspense fallback={null}>
          <PoolAssignModal
            poolId={pool.id}
            customerIds={selectedIds}
            onClose={() => setAssigning(false)}
            onAssigned={() => setSelectedIds([])}
          />
        </Suspense>
      ) : null}
    </>
  );
};

/** 公海: the caller's public pools, each with its customers to claim or assign. */
export const PoolsPage = () => {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const can = useCan();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const pools = useQuery(poolsQueryOptions);
  const [editing, setEditing] = useState<Pool | 'new' | null>(null);
  const canManage = can('pools', 'manage');
  const items = pools.data?.items ?? [];
  const active = items.find((pool) => pool.id === params.get('pool')) ?? items[0];
  const selectPool = (id: string) => setParams({ pool: id }, { replace: true });

  const reclaim = useMutation({
    mutationFn: runReclaim,
    onSuccess: async (result) => {
      modal.success({
        title: t('pools.reclaim.doneTitle'),
        content: t('pools.reclaim.done', { reclaimed: result.reclaimed, warned: result.warned }),
      });
      await queryClient.invalidateQueries({ queryKey: poolKeys.all });
      await queryClient.invalidateQueries({ queryKey: ['customers'] });
    },
    onError: (error) => showError(error, message),
  });

  const remove = useMutation({
    mutationFn: deletePool,
    onSuccess: async () => {
      void message.success(t('pools.settings.deleted'));
      setParams({}, { replace: true });
      await queryClient.invalidateQueries({ queryKey: poolKeys.all });
    },
    onError: (error) => showError(error, message),
  });

  const confirmDelete = (pool: Pool) =>
    modal.confirm({
      title: t('pools.settings.deleteTitle', { name: pool.name }),
      content: t('pools.settings.deleteText'),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => remove.mutateAsync(pool.id).catch(() => undefined),
    });

  const extra = canManage ? (
    <>
      <Button
        icon={<SyncOutlined aria-hidden />}
        loading={reclaim.isPending}
        onClick={() => reclaim.mutate()}
      >
        {t('pools.reclaim.action')}
      </Button>
      {active ? (
        <>
          <Button icon={<SettingOutlined aria-hidden />} onClick={() => setEditing(active)}>
            {t('pools.settings.action')}
          </Button>
          <Button danger icon={<DeleteOutlined aria-hidden />} onClick={() => confirmDelete(active)}>
            {t('pools.settings.delete')}
          </Button>
        </>
      ) : null}
      <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')}>
        {t('pools.settings.new')}
      </Button>
    </>
  ) : undefined;

  return (
    <>
      <PageHeader title={t('pools.title')} extra={extra} />
      {pools.isPending ? (
        <Spin size="large" style={{ display: 'block', margin: '48px auto' }} />
      ) : pools.isError ? (
        <ErrorResult error={pools.error} onRetry={() => void pools.refetch()} />
      ) : !active ? (
        <Empty description={t('pools.empty')} />
      ) : (
        <>
          <Tabs
            activeKey={active.id}
            onChange={selectPool}
            items={items.map((pool) => ({ key: pool.id, label: `${pool.name} (${pool.size})` }))}
          />
          <PoolCustomers key={active.id} pool={active} />
        </>
      )}
      {editing ? (
        <Suspense fallback={null}>
          <PoolSettingsDrawer
            pool={editing === 'new' ? undefined : editing}
            onClose={() => setEditing(null)}
            onSaved={(saved) => selectPool(saved.id)}
          />
        </Suspense>
      ) : null}
    </>
  );
};
