import { DeleteOutlined } from '@ant-design/icons';
import { createSegmentSchema, type Segment, type SegmentFilters } from '@kehu/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Form, Input, List, Modal, Popconfirm, Radio, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { showError, showFormError, zodRule } from '../../../app/forms';
import { FormModal } from '../../../components/form-modal';
import { createSegment, deleteSegment, segmentKeys, updateSegment } from '../api/segments-api';

const nameRule = zodRule(createSegmentSchema.shape.name);

interface SaveViewModalProps {
  filters: SegmentFilters;
  onClose: () => void;
  onSaved: (view: Segment) => void;
}

/** Saves the list's current filters as a new view, private or shared with the department. */
export const SaveViewModal = ({ filters, onClose, onSaved }: SaveViewModalProps) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ name: string; visibility: Segment['visibility'] }>();
  const save = useMutation({
    mutationFn: (values: { name: string; visibility: Segment['visibility'] }) =>
      createSegment({ name: values.name.trim(), visibility: values.visibility, filters }),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: segmentKeys.all });
      void message.success(t('segments.saved', { name: saved.name }));
      onSaved(saved);
      onClose();
    },
    onError: (error) => showFormError(error, form, message, ['name', 'visibility']),
  });

  return (
    <FormModal title={t('segments.saveTitle')} form={form} saving={save.isPending} onClose={onClose}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ name: '', visibility: 'private' }}
        onFinish={(values) => save.mutate(values)}
      >
        <Form.Item name="name" label={t('segments.name')} rules={[nameRule]}>
          <Input autoFocus maxLength={60} />
        </Form.Item>
        <Form.Item name="visibility" label={t('segments.visibility')}>
          <Radio.Group
            options={[
              { value: 'private', label: t('segments.private') },
              { value: 'department', label: t('segments.department') },
            ]}
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
};

/** Rename, share / unshare and delete saved views (only one's own, or any for administrators). */
export const ManageViewsModal = ({ views, onClose }: { views: readonly Segment[]; onClose: () => void }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const onError = (error: unknown) => showError(error, message);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: segmentKeys.all });
  const change = useMutation({
    mutationFn: ({ id, ...body }: { id: string; name?: string; visibility?: Segment['visibility'] }) =>
      updateSegment(id, body),
    onSuccess: refresh,
    onError,
  });
  const remove = useMutation({
    mutationFn: (view: Segment) => deleteSegment(view.id),
    onSuccess: (_, view) => {
      refresh();
      void message.success(t('segments.deleted', { name: view.name }));
    },
    onError,
  });

  return (
    <Modal open title={t('segments.manageTitle')} footer={null} onCancel={onClose} destroyOnHidden>
      <List
        dataSource={[...views]}
        rowKey="id"
        renderItem={(view) => (
          <List.Item
            actions={
              view.editable
                ? [
                    <Switch
                      key="share"
                      size="small"
                      checked={view.visibility === 'department'}
                      loading={change.isPending && change.variables?.id === view.id}
                      aria-label={t('segments.shareNamed', { name: view.name })}
                      checkedChildren={t('segments.shared')}
                      unCheckedChildren={t('segments.private')}
                      onChange={(on) =>
                        change.mutate({ id: view.id, visibility: on ? 'department' : 'private' })
                      }
                    />,
                    <Popconfirm
                      key="delete"
                      title={t('segments.deleteConfirm', { name: view.name })}
                      okText={t('common.delete')}
                      cancelText={t('common.cancel')}
                      okButtonProps={{ danger: true }}
                      onConfirm={() => remove.mutate(view)}
                    >
                      <Button
                        type="text"
                        danger
                        size="small"
                        icon={<DeleteOutlined aria-hidden />}
                        aria-label={t('common.deleteNamed', { name: view.name })}
                      />
                    </Popconfirm>,
                  ]
                : []
            }
          >
            <Flex vertical style={{ minWidth: 0 }}>
              <Typography.Text
                editable={
                  view.editable
                    ? {
                        maxLength: 60,
                        triggerType: ['icon'],
                        tooltip: t('segments.rename'),
                        onChange: (name) => {
                          const trimmed = name.trim();
                          if (trimmed && trimmed !== view.name) change.mutate({ id: view.id, name: trimmed });
                        },
                      }
                    : false
                }
              >
                {view.name}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {view.editable
                  ? t(view.visibility === 'department' ? 'segments.department' : 'segments.private')
                  : t('segments.ownedBy', { name: view.ownerName ?? '' })}
              </Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
    </Modal>
  );
};
