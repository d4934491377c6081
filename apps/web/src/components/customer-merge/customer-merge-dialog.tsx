import type { Customer } from '@kehu/contracts';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Drawer,
  Flex,
  Radio,
  Result,
  Spin,
  Table,
  type TableColumnsType,
  Typography,
  theme,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError } from '../../app/api-client';
import { showError } from '../../app/forms';
import { customFieldsQueryOptions } from '../custom-fields/custom-fields-query';
import { ErrorResult } from '../error-result';
import { useIsMobile } from '../use-is-mobile';
import { invalidateAfterMerge, mergeCustomerQueryOptions, mergeCustomers } from './customer-merge-api';
import { displayValue, fieldLabel, type MergeRow, MergeSurvivorChoice } from './customer-merge-display';
import {
  defaultMergeSource,
  defaultSurvivor,
  type MergeField,
  mergeFieldsOf,
  mergeValuesDiffer,
} from './customer-merge-fields';
import { CustomerMergeStack } from './customer-merge-stack';

interface CustomerMergeDialogProps {
  open: boolean;
  /** 2–10 customers to merge into one. */
  customerIds: readonly string[];
  /** The duplicate group this merge resolves. */
  groupId?: string;
  onClose: () => void;
  /** After a successful merge (customer queries are invalidated already). */
  onMerged?: (survivor: Customer) => void;
}

/**
 * Merging 2–10 customers into one: the user keeps one customer (a radio per column) and, for each
 * field the customers disagree on, the value that survives (a radio per cell). Phones, tags,
 * contacts and team members are combined; the others go to the recycle bin.
 */
export const CustomerMergeDialog = ({
  open,
  customerIds,
  groupId,
  onClose,
  onMerged,
}: CustomerMergeDialogProps) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { token } = theme.useToken();
  const isMobile = useIsMobile();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const results = useQueries({ queries: customerIds.map((id) => mergeCustomerQueryOptions(id)) });
  const customFields = useQuery(customFieldsQueryOptions('customer'));
  const [chosenSurvivorId, setChosenSurvivorId] = useState<string>();
  const [picks, setPicks] = useState<Record<string, string>>({});
  const [merged, setMerged] = useState<Customer>();

  const failed =
    results.find((result) => result.isError) ?? (customFields.isError ? customFields : undefined);
  const loading = results.some((result) => result.isPending) || customFields.isPending;
  const customers = results.flatMap((result) => (result.data ? [result.data] : []));
  const fields = mergeFieldsOf(customFields.data ?? []);
  const survivor =
    customers.find((customer) => customer.id === chosenSurvivorId) ?? defaultSurvivor(customers, fields);
  const rows: MergeRow[] = fields.map((field) => ({ field, differs: mergeValuesDiffer(field, customers) }));
  const pick = (fieldKey: string, customerId: string) =>
    setPicks((current) => ({ ...current, [fieldKey]: customerId }));
  const sourceOf = (field: MergeField): string | undefined =>
    picks[field.key] ?? (survivor ? defaultMergeSource(field, survivor, customers) : undefined);

  const merge = useMutation({
    mutationFn: mergeCustomers,
    onSuccess: async (customer) => {
      void message.success(t('duplicateGroups.merge.done', { name: customer.name }));
      setMerged(customer);
      queryClient.setQueryData(mergeCustomerQueryOptions(customer.id).queryKey, customer);
      await invalidateAfterMerge(queryClient);
      onMerged?.(customer);
    },
    onError: (error) => {
      if (isApiError(error) && error.code === 'STALE_RECORD') {
        for (const result of results) void result.refetch();
      }
      const fieldTexts = isApiError(error) && error.fields ? Object.values(error.fields) : [];
      if (fieldTexts.length > 0) void message.error(fieldTexts.join(' '));
      else showError(error, message);
    },
  });

  const submit = () => {
    if (!survivor) return;
    const values: Record<string, string> = {};
    for (const row of rows) {
      const source = row.differs ? sourceOf(row.field) : undefined;
      if (source) values[row.field.key] = source;
    }
    merge.mutate({
      survivorId: survivor.id,
      mergedIds: customers.filter((customer) => customer.id !== survivor.id).map((customer) => customer.id),
      values,
      // What the user compared: a customer changed since then is refused (409) and reloaded.
      versions: Object.fromEntries(customers.map((customer) => [customer.id, customer.version])),
      ...(groupId ? { groupId } : {}),
    });
  };

  const survivorStyle = (customer: Customer) =>
    customer.id === survivor?.id ? { background: token.colorPrimaryBg } : undefined;

  const columns: TableColumnsType<MergeRow> = [
    {
      key: 'field',
      title: t('duplicateGroups.merge.field'),
      fixed: 'left',
      width: 110,
      render: (_, row) => (
        <Typography.Text type={row.differs ? undefined : 'secondary'} strong={row.differs}>
          {fieldLabel(row.field, t)}
        </Typography.Text>
      ),
    },
    ...customers.map((customer) => ({
      key: customer.id,
      width: 220,
      onHeaderCell: () => ({ style: survivorStyle(customer) }),
      onCell: () => ({ style: survivorStyle(customer) }),
      title: (
        <MergeSurvivorChoice
          customer={customer}
          kept={customer.id === survivor?.id}
          onKeep={() => setChosenSurvivorId(customer.id)}
        />
      ),
      render: (_: unknown, row: MergeRow) => {
        const value = displayValue(row.field, customer, t);
        if (!row.differs) return <Typography.Text type="secondary">{value}</Typography.Text>;
        return (
          <Radio
            checked={sourceOf(row.field) === customer.id}
            onChange={() => pick(row.field.key, customer.id)}
            aria-label={t('duplicateGroups.merge.pickNamed', {
              field: fieldLabel(row.field, t),
              name: customer.name,
            })}
          >
            <span style={{ overflowWrap: 'anywhere' }}>{value}</span>
          </Radio>
        );
      },
    })),
  ];

  const others = Math.max(customers.length - 1, 0);
  const footer = merged ? null : (
    <Flex justify="flex-end" gap={8}>
      <Button onClick={onClose}>{t('common.cancel')}</Button>
      <Button
        type="primary"
        danger
        loading={merge.isPending}
        disabled={loading || Boolean(failed) || !survivor || others < 1}
        onClick={submit}
      >
        {t('duplicateGroups.merge.submit')}
      </Button>
    </Flex>
  );

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('duplicateGroups.merge.title', { count: customerIds.length })}
      size={isMobile ? '100%' : Math.min(340 + customerIds.length * 230, 1200)}
      destroyOnHidden
      footer={footer}
    >
      {merged ? (
        <Result
          status="success"
          title={t('duplicateGroups.merge.done', { name: merged.name })}
          extra={
            <Flex justify="center" gap={8} wrap="wrap">
              <Button
                type="primary"
                onClick={() => {
                  onClose();
                  void navigate(`/customers/${merged.id}`);
                }}
              >
                {t('duplicateGroups.merge.open')}
              </Button>
              <Button onClick={onClose}>{t('duplicateGroups.merge.close')}</Button>
            </Flex>
          }
        />
      ) : failed ? (
        <ErrorResult error={failed.error} onRetry={() => void failed.refetch()} />
      ) : loading ? (
        <Flex justify="center" style={{ padding: 48 }}>
          <Spin />
        </Flex>
      ) : (
        <Flex vertical gap={12}>
          <Alert type="info" showIcon title={t('duplicateGroups.merge.summary', { count: others })} />
          {isMobile ? (
            <CustomerMergeStack
              customers={customers}
              rows={rows}
              survivorId={survivor?.id}
              onSurvivor={setChosenSurvivorId}
              sourceOf={sourceOf}
              onPick={pick}
            />
          ) : (
            <>
              <Typography.Text type="secondary">{t('duplicateGroups.merge.hint')}</Typography.Text>
              <Table<MergeRow>
                rowKey={(row) => row.field.key}
                columns={columns}
                dataSource={rows}
                pagination={false}
                size="small"
                bordered
                scroll={{ x: 110 + customers.length * 220 }}
              />
            </>
          )}
        </Flex>
      )}
    </Drawer>
  );
};
