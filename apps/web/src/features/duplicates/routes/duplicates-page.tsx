import type { DuplicateGroup } from '@kehu/contracts';
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Empty, Flex, Spin } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showError } from '../../../app/forms';
import { ErrorResult } from '../../../components/error-result';
import { LoadMore } from '../../../components/load-more';
import { PageHeader } from '../../../components/page-header';
import {
  dismissDuplicateGroup,
  duplicateGroupsQueryOptions,
  invalidateDuplicateGroups,
  latestScanQueryOptions,
} from '../api/duplicates-api';
import { DuplicateGroupCard } from '../components/duplicate-group-card';
import { DuplicateScanPanel } from '../components/duplicate-scan-panel';

const CustomerMergeDialog = lazy(() =>
  import('../../../components/customer-merge/customer-merge-dialog').then((m) => ({
    default: m.CustomerMergeDialog,
  })),
);

/** The server merges at most this many customers at once (a survivor and nine others). */
const maxMerged = 10;

/** 查重合并: the latest scan of all customers and the groups of likely duplicates it found. */
export const DuplicatesPage = () => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const latest = useQuery(latestScanQueryOptions());
  const list = useInfiniteQuery(duplicateGroupsQueryOptions());
  const groups = list.data?.pages.flatMap((page) => page.items) ?? [];
  const [merging, setMerging] = useState<DuplicateGroup>();

  const dismiss = async (group: DuplicateGroup) => {
    try {
      await dismissDuplicateGroup(group.id);
    } catch (error) {
      showError(error, message);
      return;
    }
    void message.success(t('duplicateGroups.dismissed'));
    await invalidateDuplicateGroups(queryClient);
  };

  return (
    <>
      <PageHeader title={t('duplicateGroups.title')} />
      <DuplicateScanPanel />
      <h2 style={{ fontSize: 16, margin: '0 0 12px' }}>{t('duplicateGroups.groups')}</h2>
      {list.isError ? (
        <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
      ) : list.isPending ? (
        <Flex justify="center" style={{ padding: 48 }}>
          <Spin />
        </Flex>
      ) : groups.length === 0 ? (
        <Empty description={latest.data ? t('duplicateGroups.empty') : t('duplicateGroups.neverScanned')} />
      ) : (
        <Flex vertical gap={12} aria-busy={list.isFetching}>
          {groups.map((group) => (
            <DuplicateGroupCard
              key={group.id}
              group={group}
              onMerge={() => setMerging(group)}
              onDismiss={() => dismiss(group)}
            />
          ))}
        </Flex>
      )}
      <LoadMore
        hasMore={list.hasNextPage}
        loading={list.isFetchingNextPage}
        onLoadMore={() => void list.fetchNextPage()}
        shown={groups.length}
      />
      {merging ? (
        <Suspense fallback={null}>
          <CustomerMergeDialog
            open
            customerIds={merging.members.slice(0, maxMerged).map((member) => member.id)}
            groupId={merging.id}
            onClose={() => setMerging(undefined)}
            onMerged={() => void invalidateDuplicateGroups(queryClient)}
          />
        </Suspense>
      ) : null}
    </>
  );
};
