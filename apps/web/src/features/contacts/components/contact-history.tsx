import { useInfiniteQuery } from '@tanstack/react-query';
import { Spin } from 'antd';
import { ErrorResult } from '../../../components/error-result';
import { HistoryTimeline } from '../../../components/history-timeline';
import { contactHistoryQueryOptions } from '../api/contacts-api';
import { contactFieldLabel, formatContactValue } from './contact-display';

export const ContactHistory = ({ contactId }: { contactId: string }) => {
  const history = useInfiniteQuery(contactHistoryQueryOptions(contactId));
  if (history.isPending) return <Spin />;
  if (history.isError) return <ErrorResult error={history.error} onRetry={() => void history.refetch()} />;
  return (
    <HistoryTimeline
      entries={history.data.pages.flatMap((page) => page.items)}
      fieldLabel={contactFieldLabel}
      formatValue={formatContactValue}
      hasMore={history.hasNextPage}
      loadingMore={history.isFetchingNextPage}
      onLoadMore={() => void history.fetchNextPage()}
    />
  );
};
