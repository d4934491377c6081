import { useInfiniteQuery } from '@tanstack/react-query';
import { Spin } from 'antd';
import { ErrorResult } from '../../../components/error-result';
import { HistoryTimeline } from '../../../components/history-timeline';
import { customerHistoryQueryOptions } from '../api/customers-api';
import { customerFieldLabel, formatCustomerValue } from './customer-display';

export const CustomerHistory = ({ customerId }: { customerId: string }) => {
  const history = useInfiniteQuery(customerHistoryQueryOptions(customerId));
  const entries = history.data?.pages.flatMap((page) => page.items) ?? [];

  if (history.isPending) return <Spin />;
  if (history.isError) return <ErrorResult error={history.error} onRetry={() => void history.refetch()} />;

  return (
    <HistoryTimeline
      entries={entries}
      fieldLabel={customerFieldLabel}
      formatValue={formatCustomerValue}
      hasMore={history.hasNextPage}
      loadingMore={history.isFetchingNextPage}
      onLoadMore={() => void history.fetchNextPage()}
    />
  );
};
