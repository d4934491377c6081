import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  customHistoryField,
  expandCustomChanges,
} from '../../../components/custom-fields/custom-field-history';
import { customFieldsQueryOptions } from '../../../components/custom-fields/custom-fields-query';
import { ErrorResult } from '../../../components/error-result';
import { HistoryTimeline } from '../../../components/history-timeline';
import { customerHistoryQueryOptions } from '../api/customers-api';
import { customerFieldLabel, formatCustomerValue } from './customer-display';

export const CustomerHistory = ({ customerId }: { customerId: string }) => {
  const { t } = useTranslation();
  const history = useInfiniteQuery(customerHistoryQueryOptions(customerId));
  // Archived fields too: their old changes stay in the history.
  const customFields = useQuery(customFieldsQueryOptions('customer', true));
  const entries = expandCustomChanges(history.data?.pages.flatMap((page) => page.items) ?? []);
  const custom = customHistoryField(customFields.data, t);

  if (history.isPending) return <Spin />;
  if (history.isError) return <ErrorResult error={history.error} onRetry={() => void history.refetch()} />;

  return (
    <HistoryTimeline
      entries={entries}
      fieldLabel={(field) => custom.label(field) ?? customerFieldLabel(field)}
      formatValue={(field, value) => custom.value(field, value) ?? formatCustomerValue(field, value)}
      hasMore={history.hasNextPage}
      loadingMore={history.isFetchingNextPage}
      onLoadMore={() => void history.fetchNextPage()}
    />
  );
};
