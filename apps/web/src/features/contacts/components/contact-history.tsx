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
import { contactHistoryQueryOptions } from '../api/contacts-api';
import { contactFieldLabel, formatContactValue } from './contact-display';

export const ContactHistory = ({ contactId }: { contactId: string }) => {
  const { t } = useTranslation();
  const history = useInfiniteQuery(contactHistoryQueryOptions(contactId));
  const customFields = useQuery(customFieldsQueryOptions('contact', true));
  const custom = customHistoryField(customFields.data, t);
  if (history.isPending) return <Spin />;
  if (history.isError) return <ErrorResult error={history.error} onRetry={() => void history.refetch()} />;
  return (
    <HistoryTimeline
      entries={expandCustomChanges(history.data.pages.flatMap((page) => page.items))}
      fieldLabel={(field) => custom.label(field) ?? contactFieldLabel(field)}
      formatValue={(field, value) => custom.value(field, value) ?? formatContactValue(field, value)}
      hasMore={history.hasNextPage}
      loadingMore={history.isFetchingNextPage}
      onLoadMore={() => void history.fetchNextPage()}
    />
  );
};
