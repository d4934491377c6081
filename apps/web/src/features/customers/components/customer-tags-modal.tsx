import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { showFormError } from '../../../app/forms';
import { FormModal } from '../../../components/form-modal';
import { tagDefinitionsQueryOptions } from '../../../components/tag-colors/tag-colors-query';
import { invalidateAfterTransfer, tagCustomers } from '../api/ownership-api';

interface TagValues {
  add?: string[];
  remove?: string[];
}

/** Tags for a selection of customers: some added, some taken off, in one go. */
export const CustomerTagsModal = ({
  customerIds,
  onClose,
  onTagged,
}: {
  customerIds: readonly string[];
  onClose: () => void;
  onTagged?: () => void;
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<TagValues>();
  const defined = useQuery(tagDefinitionsQueryOptions);
  const options = (defined.data?.items ?? []).map((tag) => ({ value: tag.name, label: tag.name }));

  const save = useMutation({
    mutationFn: (values: TagValues) =>
      tagCustomers({ customerIds: [...customerIds], add: values.add ?? [], remove: values.remove ?? [] }),
    onSuccess: async ({ changed }) => {
      void message.success(t('customers.bulkTags.done', { count: changed }));
      await invalidateAfterTransfer(queryClient, customerIds);
      onTagged?.();
      onClose();
    },
    onError: (error) => showFormError(error, form, message, ['add', 'remove']),
  });

  const submit = (values: TagValues) => {
    if ((values.add ?? []).length === 0 && (values.remove ?? []).length === 0) {
      form.setFields([{ name: 'add', errors: [t('customers.bulkTags.nothing')] }]);
      return;
    }
    save.mutate(values);
  };

  // Typed tags are allowed (as in the customer form); the administrator's tags are offered.
  const tagSelect = (label: string) => (
    <Select
      mode="tags"
      aria-label={label}
      options={options}
      tokenSeparators={[',', '，']}
      maxCount={20}
      placeholder={t('customers.bulkTags.placeholder')}
    />
  );
  return (
    <FormModal
      title={t('customers.bulkTags.title', { count: customerIds.length })}
      form={form}
      saving={save.isPending}
      onClose={onClose}
    >
      <Form<TagValues> form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="add" label={t('customers.bulkTags.add')}>
          {tagSelect(t('customers.bulkTags.add'))}
        </Form.Item>
        <Form.Item name="remove" label={t('customers.bulkTags.remove')}>
          {tagSelect(t('customers.bulkTags.remove'))}
        </Form.Item>
      </Form>
    </FormModal>
  );
};
