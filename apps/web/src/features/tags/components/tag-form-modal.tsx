import { type TagDefinition, tagColorSchema, tagNameSchema } from '@kehu/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { showFormError, zodRule } from '../../../app/forms';
import { FormModal } from '../../../components/form-modal';
import { putTag, tagDefinitionsQueryOptions, tagKeys } from '../api/tags-api';
import { TagColorInput } from './tag-color-input';

interface TagFormModalProps {
  /** Absent: a new tag. */
  tag?: TagDefinition;
  existing: readonly string[];
  onClose: () => void;
}

interface TagFormValues {
  name: string;
  color: string;
  description?: string;
}

/** Adds a tag (name and colour) or edits one; a new name renames it on every customer, after a confirm. */
export const TagFormModal = ({ tag, existing, onClose }: TagFormModalProps) => {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<TagFormValues>();
  const save = useMutation({
    mutationFn: (values: TagFormValues) => {
      const name = values.name.trim();
      const description = values.description?.trim() || null;
      if (!tag) return putTag(name, { color: values.color, description });
      return putTag(tag.name, {
        color: values.color,
        description,
        ...(name !== tag.name ? { renameTo: name } : {}),
      });
    },
    onSuccess: (list, values) => {
      queryClient.setQueryData(tagDefinitionsQueryOptions.queryKey, list);
      void queryClient.invalidateQueries({ queryKey: tagKeys.all });
      // Renamed on customers: lists and records show the new name.
      if (tag && values.name.trim() !== tag.name)
        void queryClient.invalidateQueries({ queryKey: ['customers'] });
      void message.success(t('segments.tags.saved', { name: values.name.trim() }));
      onClose();
    },
    onError: (error) => showFormError(error, form, message, ['name', 'color', 'description']),
  });

  const submit = (values: TagFormValues) => {
    const name = values.name.trim();
    if (name !== tag?.name && existing.includes(name)) {
      form.setFields([{ name: 'name', errors: [t('segments.tags.exists')] }]);
      return;
    }
    if (tag && name !== tag.name) {
      modal.confirm({
        title: t('segments.tags.renameConfirm', { from: tag.name, to: name }),
        content: t('segments.tags.renameHint'),
        okText: t('segments.tags.rename'),
        cancelText: t('common.cancel'),
        onOk: () => save.mutateAsync(values),
      });
      return;
    }
    save.mutate(values);
  };

  return (
    <FormModal
      title={tag ? t('segments.tags.editTitle', { name: tag.name }) : t('segments.tags.new')}
      form={form}
      saving={save.isPending}
      onClose={onClose}
    >
      <Form<TagFormValues>
        form={form}
        layout="vertical"
        initialValues={{
          name: tag?.name ?? '',
          color: tag?.color ?? 'blue',
          description: tag?.description ?? '',
        }}
        onFinish={submit}
      >
        <Form.Item name="name" label={t('segments.tags.name')} rules={[zodRule(tagNameSchema)]}>
          <Input maxLength={30} autoFocus />
        </Form.Item>
        <Form.Item name="color" label={t('segments.tags.color')} rules={[zodRule(tagColorSchema)]}>
          <TagColorInput aria-label={t('segments.tags.color')} />
        </Form.Item>
        <Form.Item name="description" label={t('segments.tags.description')}>
          <Input.TextArea maxLength={200} autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
      </Form>
    </FormModal>
  );
};
