import type { WebForm } from '@kehu/contracts';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { customFieldsQueryOptions } from '../../../components/custom-fields/custom-fields-query';
import { ErrorResult } from '../../../components/error-result';
import { formatDateTime } from '../../../components/format';
import { LoadMore } from '../../../components/load-more';
import { type WebFormSubmission, webFormSubmissionsQueryOptions } from '../api/web-forms-api';
import { targetLabel, targetOptions } from './target-labels';

const statusColor = { created: 'green', duplicate: 'orange', failed: 'red' } as const;

const showValue = (value: unknown): string => {
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  return String(value ?? '');
};

/** What visitors sent through a form, newest first, and what became of it. */
export const WebFormSubmissions = ({ form }: { form: WebForm }) => {
  const { t } = useTranslation();
  const customFields = useQuery(customFieldsQueryOptions('customer'));
  const submissions = useInfiniteQuery(webFormSubmissionsQueryOptions(form.id));
  const options = useMemo(() => targetOptions(t, customFields.data ?? []), [t, customFields.data]);
  const labelOf = (target: string) =>
    form.fields.find((field) => field.target === target)?.label || targetLabel(options, target);
  const rows = submissions.data?.pages.flatMap((page) => page.items) ?? [];

  const columns: TableColumnsType<WebFormSubmission> = [
    {
      key: 'createdAt',
      title: t('webForms.submissions.time'),
      width: 150,
      render: (_, row) => formatDateTime(row.createdAt),
    },
    {
      key: 'values',
      title: t('webForms.submissions.values'),
      render: (_, row) => (
        <Typography.Text style={{ overflowWrap: 'anywhere' }}>
          {Object.entries(row.values)
            .filter(([, value]) => value !== '' && value !== null && value !== undefined)
            .map(([target, value]) => `${labelOf(target)}: ${showValue(value)}`)
            .join(' · ')}
        </Typography.Text>
      ),
    },
    {
      key: 'status',
      title: t('webForms.submissions.status'),
      width: 170,
      render: (_, row) => (
        <>
          <Tag color={statusColor[row.status]}>{t(`webForms.status.${row.status}`)}</Tag>
          {row.status === 'created' && row.customerId ? (
            <Link to={`/customers/${row.customerId}`}>{t('webForms.submissions.openCustomer')}</Link>
          ) : null}
          {row.status === 'duplicate' && row.duplicateOf ? (
            <Link to={`/customers/${row.duplicateOf}`}>{t('webForms.submissions.openDuplicate')}</Link>
          ) : null}
          {row.status === 'failed' && row.error ? (
            <Typography.Text type="danger">{row.error}</Typography.Text>
          ) : null}
        </>
      ),
    },
  ];

  if (submissions.isError) {
    return <ErrorResult error={submissions.error} onRetry={() => void submissions.refetch()} />;
  }
  return (
    <>
      <Table<WebFormSubmission>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rows}
        loading={submissions.isPending}
        pagination={false}
        scroll={{ x: 520 }}
        aria-label={t('webForms.submissions.title')}
      />
      <LoadMore
        shown={rows.length}
        hasMore={Boolean(submissions.hasNextPage)}
        loading={submissions.isFetchingNextPage}
        onLoadMore={() => void submissions.fetchNextPage()}
      />
    </>
  );
};
