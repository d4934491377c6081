import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { TagDefinition } from '@kehu/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Popconfirm,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../app/auth';
import { showError } from '../../../app/forms';
import { ErrorResult } from '../../../components/error-result';
import { emptyMark, formatDateTime } from '../../../components/format';
import { PageHeader } from '../../../components/page-header';
import { actionsColumnLayout } from '../../../components/row-actions';
import { useIsMobile } from '../../../components/use-is-mobile';
import { deleteTag, putTag, tagDefinitionsQueryOptions, tagKeys } from '../api/tags-api';
import { TagColorInput } from '../components/tag-color-input';
import { TagFormModal } from '../components/tag-form-modal';

/** Customer tags' colours and descriptions; administrators rename or remove a tag everywhere. */
export const TagsPage = () => {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const { message } = App.useApp();
  const can = useCan();
  const canManage = can('settings', 'manage');
  const queryClient = useQueryClient();
  const tags = useQuery(tagDefinitionsQueryOptions);
  const items = tags.data?.items ?? [];
  const [editing, setEditing] = useState<TagDefinition | 'new' | undefined>();

  const recolor = useMutation({
    mutationFn: ({ tag, color }: { tag: TagDefinition; color: string }) =>
      putTag(tag.name, { color, description: tag.description }),
    onSuccess: (list) => {
      queryClient.setQueryData(tagDefinitionsQueryOptions.queryKey, list);
      void message.success(t('segments.tags.colorSaved'));
    },
    onError: (error) => showError(error, message),
  });
  const remove = useMutation({
    mutationFn: (tag: TagDefinition) => deleteTag(tag.name),
    onSuccess: (_, tag) => {
      void queryClient.invalidateQueries({ queryKey: tagKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['customers'] });
      void message.success(t('segments.tags.deleted', { name: tag.name }));
    },
    onError: (error) => showError(error, message),
  });

  const columns: TableColumnsType<TagDefinition> = [
    {
      key: 'name',
      title: t('segments.tags.name'),
      render: (_, tag) => (
        <Tag color={tag.color} style={{ marginInlineEnd: 0 }}>
          {tag.name}
        </Tag>
      ),
    },
    {
      key: 'color',
      title: t('segments.tags.color'),
      render: (_, tag) =>
        canManage ? (
          <TagColorInput
            aria-label={t('segments.tags.colorOf', { name: tag.name })}
            value={tag.color}
            disabled={recolor.isPending && recolor.variables?.tag.name === tag.name}
            onChange={(color) => {
              if (color !== tag.color) recolor.mutate({ tag, color });
            }}
          />
        ) : (
          tag.color
        ),
    },
    {
      key: 'description',
      title: t('segments.tags.description'),
      render: (_, tag) => tag.description || emptyMark,
    },
    {
      key: 'updatedAt',
      title: t('segments.tags.updatedAt'),
      render: (_, tag) => formatDateTime(tag.updatedAt),
    },
  ];
  if (canManage) {
    columns.push({
      ...actionsColumnLayout(isMobile, 2, 100),
      title: t('common.actions'),
      render: (_, tag) => (
        <Flex gap={4}>
          <Button
            type="text"
            size="small"
            icon={<EditOutlined aria-hidden />}
            aria-label={t('common.editNamed', { name: tag.name })}
            onClick={() => setEditing(tag)}
          />
          <Popconfirm
            title={t('segments.tags.deleteConfirm', { name: tag.name })}
            description={t('segments.tags.deleteHint')}
            okText={t('common.delete')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() => remove.mutateAsync(tag)}
          >
            <Button
              type="text"
              size="small"
              danger
              icon={<DeleteOutlined aria-hidden />}
              aria-label={t('common.deleteNamed', { name: tag.name })}
            />
          </Popconfirm>
        </Flex>
      ),
    });
  }

  return (
    <div style={{ maxWidth: 1100 }}>
      <PageHeader
        title={t('segments.tags.title')}
        extra={
          canManage ? (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')}>
              {t('segments.tags.new')}
            </Button>
          ) : null
        }
      >
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('segments.tags.intro')}
        </Typography.Paragraph>
      </PageHeader>
      {canManage ? null : (
        <Alert type="info" showIcon title={t('segments.tags.readOnly')} style={{ marginBottom: 16 }} />
      )}
      <Card size="small">
        {tags.isError ? (
          <ErrorResult error={tags.error} onRetry={() => void tags.refetch()} />
        ) : (
          <Table
            rowKey="name"
            columns={columns}
            dataSource={items}
            loading={tags.isPending}
            pagination={false}
            scroll={{ x: 760 }}
            size="middle"
          />
        )}
      </Card>
      {editing ? (
        <TagFormModal
          key={editing === 'new' ? 'new' : editing.name}
          tag={editing === 'new' ? undefined : editing}
          existing={items.map((tag) => tag.name)}
          onClose={() => setEditing(undefined)}
        />
      ) : null}
    </div>
  );
};
