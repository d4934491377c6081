import { transferCustomersSchema } from '@kehu/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Checkbox, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { showFormError, zodRule } from '../../../app/forms';
import { FormModal } from '../../../components/form-modal';
import { RemoteSelect } from '../../../components/remote-select';
import { ownerLookupKey, searchOwners } from '../api/lookups-api';
import { invalidateAfterTransfer, transferCustomers } from '../api/ownership-api';

interface CustomerTransferModalProps {
  open: boolean;
  customerIds: readonly string[];
  /** Shown in the title when one customer is handed over. */
  customerName?: string;
  onClose: () => void;
  /** After a successful handover (the queries are invalidated already). */
  onTransferred?: (count: number) => void;
}

interface TransferFormValues {
  toUserId?: string;
  reason?: string;
  includeOpenWork: boolean;
}

const fieldNames = ['toUserId', 'reason', 'includeOpenWork'] as const;

/** Handover (移交) of one or many customers to a new owner, with a required reason. */
export const CustomerTransferModal = ({
  open,
  customerIds,
  customerName,
  onClose,
  onTransferred,
}: CustomerTransferModalProps) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<TransferFormValues>();

  const transfer = useMutation({
    mutationFn: transferCustomers,
    onSuccess: async ({ transferred }) => {
      void message.success(t('ownership.transfer.done', { count: transferred }));
      await invalidateAfterTransfer(queryClient, customerIds);
      onTransferred?.(transferred);
      onClose();
    },
    onError: (error) => showFormError(error, form, message, fieldNames),
  });

  const submit = (values: TransferFormValues) =>
    transfer.mutate({
      customerIds: [...customerIds],
      toUserId: values.toUserId ?? '',
      reason: values.reason?.trim() ?? '',
      includeOpenWork: values.includeOpenWork,
    });

  const title =
    customerIds.length === 1 && customerName
      ? t('ownership.transfer.titleOne', { name: customerName })
      : t('ownership.transfer.titleMany', { count: customerIds.length });

  return (
    <FormModal
      open={open}
      title={title}
      okText={t('ownership.transfer.submit')}
      form={form}
      saving={transfer.isPending}
      onClose={onClose}
    >
      <Form<TransferFormValues>
        form={form}
        layout="vertical"
        initialValues={{ includeOpenWork: true }}
        onFinish={submit}
        requiredMark
      >
        <Form.Item
          name="toUserId"
          label={t('ownership.transfer.toUser')}
          required
          rules={[zodRule(transferCustomersSchema.shape.toUserId)]}
        >
          <RemoteSelect
            queryKey={ownerLookupKey}
            search={searchOwners}
            placeholder={t('ownership.transfer.toUserPlaceholder')}
            aria-label={t('ownership.transfer.toUser')}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('ownership.transfer.reason')}
          required
          rules={[zodRule(transferCustomersSchema.shape.reason)]}
        >
          <Input.TextArea
            rows={3}
            maxLength={500}
            showCount
            placeholder={t('ownership.transfer.reasonPlaceholder')}
          />
        </Form.Item>
        <Form.Item
          name="includeOpenWork"
          valuePropName="checked"
          extra={
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('ownership.transfer.contactsHint')}
            </Typography.Text>
          }
          style={{ marginBottom: 0 }}
        >
          <Checkbox>{t('ownership.transfer.includeOpenWork')}</Checkbox>
        </Form.Item>
      </Form>
    </FormModal>
  );
};
