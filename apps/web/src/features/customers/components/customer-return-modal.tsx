import { returnToPoolSchema } from '@kehu/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { showFormError, zodRule } from '../../../app/forms';
import { FormModal } from '../../../components/form-modal';
import { invalidateAfterTransfer } from '../api/ownership-api';
import { returnPoolsQueryOptions, returnToPool } from '../api/pool-moves-api';

interface CustomerReturnModalProps {
  customerIds: readonly string[];
  /** Shown in the title when one customer goes back. */
  customerName?: string;
  onClose: () => void;
  onReturned?: (count: number) => void;
}

interface ReturnValues {
  poolId?: string;
  reason?: string;
}

/** Return customers to a public pool (退回公海), with a reason. */
export const CustomerReturnModal = ({
  customerIds,
  customerName,
  onClose,
  onReturned,
}: CustomerReturnModalProps) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ReturnValues>();
  const pools = useQuery(returnPoolsQueryOptions);
  const options = (pools.data?.items ?? []).map((pool) => ({ value: pool.id, label: pool.name }));
  // The only pool is chosen once the pools arrive. (Remounting the form for it closed a pool list
  // the user had just opened.)
  const onlyPool = options.length === 1 ? options[0]?.value : undefined;
  useEffect(() => {
    if (onlyPool && !form.getFieldValue('poolId')) form.setFieldValue('poolId', onlyPool);
  }, [onlyPool, form]);

  const move = useMutation({
    mutationFn: (values: ReturnValues) =>
      returnToPool({
        customerIds: [...customerIds],
        poolId: values.poolId ?? '',
        reason: values.reason?.trim() ?? '',
      }),
    onSuccess: async ({ moved }) => {
      void message.success(t('pools.return.done', { count: moved }));
      await Promise.all([
        invalidateAfterTransfer(queryClient, customerIds),
        queryClient.invalidateQueries({ queryKey: ['pools'] }),
        queryClient.invalidateQueries({ queryKey: returnPoolsQueryOptions.queryKey }),
      ]);
      onReturned?.(moved);
      onClose();
    },
    onError: (error) => showFormError(error, form, message, ['poolId', 'reason']),
  });

  return (
    <FormModal
      title={
        customerIds.length === 1 && customerName
          ? t('pools.return.titleOne', { name: customerName })
          : t('pools.return.titleMany', { count: customerIds.length })
      }
      okText={t('pools.return.submit')}
      form={form}
      saving={move.isPending}
      onClose={onClose}
    >
      <Form<ReturnValues>
        form={form}
        layout="vertical"
        onFinish={(values) => move.mutate(values)}
        requiredMark
      >
        <Form.Item
          name="poolId"
          label={t('pools.return.pool')}
          required
          rules={[zodRule(returnToPoolSchema.shape.poolId)]}
        >
          <Select
            options={options}
            loading={pools.isPending}
            placeholder={t('pools.return.poolPlaceholder')}
            notFoundContent={t('pools.empty')}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('pools.return.reason')}
          required
          rules={[zodRule(returnToPoolSchema.shape.reason)]}
        >
          <Input.TextArea
            rows={3}
            maxLength={500}
            showCount
            placeholder={t('pools.return.reasonPlaceholder')}
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
};
