import { PlusOutlined } from '@ant-design/icons';
import type { CustomField, CustomFieldEntity } from '@kehu/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Flex, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCan } from '../../../app/auth';
import { showError } from '../../../app/forms';
import { ErrorResult } from '../../../components/error-result';
import { PageHeader } from '../../../components/page-header';
import { useIsMobile } from '../../../components/use-is-mobile';
import { customFieldKeys, customFieldsQueryOptions, updateCustomField } from '../api/custom-fields-api';
import { CustomFieldFormModal } from '../components/custom-field-form-modal';
import { CustomFieldTable } from '../components/custom-field-table';

const entities: readonly CustomFieldEntity[] = ['customer', 'contact'];

export const CustomFieldsPage = () => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const isMobile = useIsMobile();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const entity: CustomFieldEntity = params.get('entity') === 'contact' ? 'contact' : 'customer';
  const [showArchived, setShowArchived] = useState(true);
  const [editing, setEditing] = useState<CustomField | 'new' | undefined>();
  const canManage = can('settings', 'manage');
  const fields = useQuery(customFieldsQueryOptions(entity, true));
  const items = fields.data ?? [];
  const shown = showArchived ? items : items.filter((field) => !field.archived);
  const nextSort = items.reduce((max, field) => Math.max(max, field.sort), 0) + 10;

  const archive = useMutation({
    mutationFn: ({ field, archived }: { field: CustomField; archived: boolean }) =>
      updateCustomField(field.id, { archived }),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: customFieldKeys.all });
      void message.success(
        saved.archived
          ? t('customFields.archivedDone', { label: saved.label })
          : t('customFields.unarchivedDone', { label: saved.label }),
      );
    },
    onError: (error) => showError(error, message),
  });

  return (
    <div style={{ maxWidth: 1100 }}>
      <PageHeader
        title={t('customFields.title')}
        extra={
          canManage ? (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')}>
              {t('customFields.new')}
            </Button>
          ) : null
        }
      >
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('customFields.intro')}
        </Typography.Paragraph>
      </PageHeader>
      {canManage ? null : (
        <Alert type="info" showIcon title={t('customFields.readOnly')} style={{ marginBottom: 16 }} />
      )}
      <Card size="small">
        <Tabs
          activeKey={entity}
          onChange={(key) => setParams(key === 'customer' ? {} : { entity: key }, { replace: true })}
          tabBarExtraContent={
            isMobile ? null : (
              <Checkbox checked={showArchived} onChange={(event) => setShowArchived(event.target.checked)}>
                {t('customFields.showArchived')}
              </Checkbox>
            )
          }
          items={entities.map((key) => ({ key, label: t(`customFields.entities.${key}`) }))}
        />
        {isMobile ? (
          <Flex style={{ marginBottom: 8 }}>
            <Checkbox checked={showArchived} onChange={(event) => setShowArchived(event.target.checked)}>
              {t('customFields.showArchived')}
            </Checkbox>
          </Flex>
        ) : null}
        {fields.isError ? (
          <ErrorResult error={fields.error} onRetry={() => void fields.refetch()} />
        ) : (
          <CustomFieldTable
            fields={shown}
            loading={fields.isPending}
            isMobile={isMobile}
            onEdit={canManage ? (field) => setEditing(field) : undefined}
            onArchive={canManage ? (field, archived) => archive.mutate({ field, archived }) : undefined}
            busyId={archive.isPending ? archive.variables?.field.id : undefined}
          />
        )}
      </Card>
      {editing ? (
        <CustomFieldFormModal
          key={editing === 'new' ? `new-${entity}` : editing.id}
          entity={entity}
          field={editing === 'new' ? undefined : editing}
          nextSort={nextSort}
          onClose={() => setEditing(undefined)}
        />
      ) : null}
    </div>
  );
};
