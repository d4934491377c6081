import { EditOutlined, InboxOutlined, UndoOutlined } from '@ant-design/icons';
import type { CustomField } from '@kehu/contracts';
import { Button, Card, Empty, Flex, Table, type TableColumnsType, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { emptyMark } from '../../../components/format';

interface CustomFieldTableProps {
  fields: readonly CustomField[];
  loading: boolean;
  /** Unset: read-only (no settings.manage). */
  onEdit?: (field: CustomField) => void;
  onArchive?: (field: CustomField, archived: boolean) => void;
  /** The field whose archive toggle is being saved. */
  busyId?: string;
  isMobile: boolean;
}

const Check = ({ on }: { on: boolean }) => {
  const { t } = useTranslation();
  return on ? (
    <Tag color="blue">{t('common.yes')}</Tag>
  ) : (
    <Typography.Text type="secondary">{emptyMark}</Typography.Text>
  );
};

/** The definitions of one entity: a table on wide screens, cards on phones. */
export const CustomFieldTable = ({
  fields,
  loading,
  onEdit,
  onArchive,
  busyId,
  isMobile,
}: CustomFieldTableProps) => {
  const { t } = useTranslation();
  const actions = (field: CustomField): ReactNode =>
    onEdit && onArchive ? (
      <Flex gap={4} wrap="wrap">
        <Button
          size="small"
          icon={<EditOutlined aria-hidden />}
          aria-label={t('common.editNamed', { name: field.label })}
          onClick={() => onEdit(field)}
        >
          {t('common.edit')}
        </Button>
        <Button
          size="small"
          icon={field.archived ? <UndoOutlined aria-hidden /> : <InboxOutlined aria-hidden />}
          loading={busyId === field.id}
          onClick={() => onArchive(field, !field.archived)}
          aria-label={
            field.archived
              ? t('customFields.unarchiveNamed', { label: field.label })
              : t('customFields.archiveNamed', { label: field.label })
          }
        >
          {field.archived ? t('customFields.unarchive') : t('customFields.archive')}
        </Button>
      </Flex>
    ) : null;

  const labelCell = (field: CustomField) => (
    <Flex gap={6} wrap="wrap" align="center">
      <span style={field.archived ? { opacity: 0.6 } : undefined}>{field.label}</span>
      {field.archived ? <Tag>{t('customFields.archived')}</Tag> : null}
    </Flex>
  );

  if (isMobile) {
    if (!loading && fields.length === 0) return <Empty description={t('customFields.empty')} />;
    return (
      <Flex vertical gap={8} aria-busy={loading}>
        {fields.map((field) => (
          <Card key={field.id} size="small" data-testid={`custom-field-row-${field.key}`}>
            <Flex justify="space-between" gap={8} align="flex-start">
              <div style={{ minWidth: 0, fontWeight: 600, overflowWrap: 'anywhere' }}>{labelCell(field)}</div>
              <Tag style={{ marginInlineEnd: 0, flexShrink: 0 }}>{t(`customFields.types.${field.type}`)}</Tag>
            </Flex>
            <Typography.Text type="secondary" code style={{ display: 'inline-block', marginTop: 4 }}>
              {field.key}
            </Typography.Text>
            <Flex gap={4} wrap="wrap" style={{ marginTop: 6 }}>
              {field.required ? <Tag color="red">{t('customFields.fields.required')}</Tag> : null}
              {field.showInList ? <Tag color="blue">{t('customFields.fields.showInList')}</Tag> : null}
              {field.filterable ? <Tag color="blue">{t('customFields.fields.filterable')}</Tag> : null}
              <Tag>
                {t('customFields.fields.sort')} {field.sort}
              </Tag>
            </Flex>
            {onEdit ? <div style={{ marginTop: 8 }}>{actions(field)}</div> : null}
          </Card>
        ))}
      </Flex>
    );
  }

  const columns: TableColumnsType<CustomField> = [
    { key: 'label', title: t('customFields.fields.label'), render: (_, field) => labelCell(field) },
    {
      key: 'key',
      title: t('customFields.fields.key'),
      width: 160,
      render: (_, field) => (
        <Typography.Text code style={{ whiteSpace: 'nowrap' }}>
          {field.key}
        </Typography.Text>
      ),
    },
    {
      key: 'type',
      title: t('customFields.fields.type'),
      width: 110,
      render: (_, field) => t(`customFields.types.${field.type}`),
    },
    {
      key: 'required',
      title: t('customFields.fields.required'),
      width: 80,
      render: (_, field) => <Check on={field.required} />,
    },
    {
      key: 'showInList',
      title: t('customFields.fields.showInList'),
      width: 100,
      render: (_, field) => <Check on={field.showInList} />,
    },
    {
      key: 'filterable',
      title: t('customFields.fields.filterable'),
      width: 90,
      render: (_, field) => <Check on={field.filterable} />,
    },
    { key: 'sort', title: t('customFields.fields.sort'), width: 70, render: (_, field) => field.sort },
    ...(onEdit
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            width: 200,
            render: (_: unknown, field: CustomField) => actions(field),
          },
        ]
      : []),
  ];
  return (
    <Table<CustomField>
      rowKey="id"
      columns={columns}
      dataSource={[...fields]}
      loading={loading}
      pagination={false}
      size="middle"
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <Empty description={t('customFields.empty')} /> }}
      onRow={(field) => ({ 'data-testid': `custom-field-row-${field.key}` }) as never}
    />
  );
};
