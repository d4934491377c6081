import { assignSchema } from '@kehu/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { showFormError, zodRule } from '../../../app/forms';
import { FormModal } from '../../../components/form-modal';
import { RemoteSelect } from '../../../components/remote-select';
import { assignCustomers, poolKeys, searchUsers } from '../api/pools-api';

interface PoolAssignModalProps {
  poolId: string;
  customerIds: readonly string[];
  onClose: () => void;
  onAssigned: () => void;
}

interface AssignValues {
  toUserId?: string;
  reason?: string;
}

/** A pool administrator hands pooled customers to a user (分配). */
export const PoolAssignModal = ({ poolId, customerIds, onClose, onAssigned }: PoolAssignModalProps) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<AssignValues>();
  const assign = useMutation({
    mutationFn: (values: AssignValues) =>
      assignCustomers(poolId, {
        customerIds: [...customerIds],
        toUserId: values.toUserId ?? '',
        reason: values.reason?.trim() || undefined,
      }),
    onSuccess: async ({ moved }) => {
      void message.success(t('pools.assign.done', { count: moved }));
      await queryClient.invalidateQueries({ queryKey: poolKeys.all });
      await queryClient.invalidateQueries({ queryKey: ['customers'] });
      onAssigned();
      onClose();
    },
    onError: (error) => showFormError(error, form, message, ['toUserId', 'reason']),
  });

  return (
    <FormModal
      title={t('pools.assign.title', { count: customerIds.length })}
      okText={t('pools.assign.submit')}
      form={form}
      saving={assign.isPending}
      onClose={onClose}
    >
      <Form<AssignValues> form={form} layout="vertical" onFinish={(values) => assign.mutate(values)}>
        <Form.Item
          name="toUserId"
          label={t('pools.assign.toUser')}
          required
          rules={[zodRule(assignSchema.shape.toUserId)]}
        >
          <RemoteSelect
            queryKey={poolKeys.userLookup}
            search={searchUsers}
            placeholder={t('pools.assign.toUserPlaceholder')}
            aria-label={t('pools.assign.toUser')}
          />
        </Form.Item>
        {/* The character count sits below the box: the item keeps its margin to make room for it. */}
        <Form.Item name="reason" label={t('pools.assign.reason')}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </FormModal>
  );
};
