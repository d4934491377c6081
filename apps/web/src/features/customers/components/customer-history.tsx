import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Spin } from 'antd';
import { ErrorResult } from '../../../components/error-result';
import { HistoryTimeline } from '../../../components/history-timeline';
import { customerHistoryQueryOptions } from '../api/customers-api';
import { departmentsLookupQueryOptions, userNamesQueryOptions } from '../api/lookups-api';
import { customerFieldLabel, formatCustomerValue } from './customer-display';

export const CustomerHistory = ({ customerId }: { customerId: string }) => {
  const history = useInfiniteQuery(customerHistoryQueryOptions(customerId));
  const entries = history.data?.pages.flatMap((page) => page.items) ?? [];
  const changed = new Set(entries.flatMap((entry) => entry.changes.map((change) => change.field)));
  // History records ids for owner and department: show names where this user may look them up.
  const users = useQuery({ ...userNamesQueryOptions, enabled: changed.has('ownerId') });
  const departments = useQuery({ ...departmentsLookupQueryOptions, enabled: changed.has('departmentId') });

  if (history.isPending) return <Spin />;
  if (history.isError) return <ErrorResult error={history.error} onRetry={() => void history.refetch()} />;

  const formatValue = (field: string, value: unknown) => {
    if (typeof value === 'string' && field === 'ownerId') return users.data?.get(value) ?? value;
    if (typeof value === 'string' && field === 'departmentId') {
      return departments.data?.items.find((department) => department.id === value)?.name ?? value;
    }
    return formatCustomerValue(field, value);
  };

  return (
    <HistoryTimeline
      entries={entries}
      fieldLabel={customerFieldLabel}
      formatValue={formatValue}
      hasMore={history.hasNextPage}
      loadingMore={history.isFetchingNextPage}
      onLoadMore={() => void history.fetchNextPage()}
    />
  );
};
