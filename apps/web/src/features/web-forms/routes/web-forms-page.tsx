import { PlusOutlined } from '@ant-design/icons';
import type { WebForm } from '@kehu/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Popconfirm,
  Switch,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../app/auth';
import { showError } from '../../../app/forms';
import { ErrorResult } from '../../../components/error-result';
import { PageHeader } from '../../../components/page-header';
import {
  deleteWebForm,
  poolOptionsQueryOptions,
  publicUrlOf,
  updateWebForm,
  webFormKeys,
  webFormsQueryOptions,
} from '../api/web-forms-api';
import { CopyField } from '../components/copy-field';
import { WebFormDrawer } from '../components/web-form-drawer';

export const WebFormsPage = () => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const canManage = can('settings', 'manage');
  const queryClient = useQueryClient();
  const forms = useQuery(webFormsQueryOptions);
  const items = forms.data ?? [];
  const pools = useQuery({ ...poolOptionsQueryOptions, enabled: items.some((form) => form.receiverPoolId) });
  const [open, setOpen] = useState<{ id?: string; tab?: 'form' | 'submissions' } | undefined>();
  const openForm = open?.id ? items.find((form) => form.id === open.id) : undefined;

  const toggle = useMutation({
    mutationFn: (form: WebForm) => updateWebForm(form.id, { active: !form.active }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: webFormKeys.list() }),
    onError: (error) => showError(error, message),
  });
  const remove = useMutation({
    mutationFn: (form: WebForm) => deleteWebForm(form.id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: webFormKeys.list() });
      void message.success(t('webForms.deleted'));
    },
    onError: (error) => showError(error, message),
  });

  const receiverOf = (form: WebForm) =>
    form.receiverPoolId
      ? t('webForms.poolNamed', {
          name: pools.data?.find((pool) => pool.value === form.receiverPoolId)?.label ?? '…',
        })
      : (form.receiverUserName ?? '—');

  const columns: TableColumnsType<WebForm> = [
    {
      key: 'name',
      title: t('webForms.fields.name'),
      render: (_, form) => (
        <Flex vertical gap={2}>
          <Button
            type="link"
            size="small"
            // A long name wraps instead of widening the table past a phone's screen.
            style={{
              padding: 0,
              height: 'auto',
              whiteSpace: 'normal',
              textAlign: 'start',
              overflowWrap: 'anywhere',
            }}
            onClick={() => setOpen({ id: form.id })}
          >
            {form.name}
          </Button>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {form.title}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'active',
      title: t('webForms.fields.active'),
      width: 80,
      render: (_, form) => (
        <Switch
          size="small"
          checked={form.active}
          disabled={!canManage}
          loading={toggle.isPending && toggle.variables?.id === form.id}
          aria-label={t('webForms.activeFor', { name: form.name })}
          onChange={() => toggle.mutate(form)}
        />
      ),
    },
    {
      key: 'receiver',
      title: t('webForms.fields.receiver'),
      responsive: ['md'],
      render: (_, form) => receiverOf(form),
    },
    {
      key: 'submissions',
      title: t('webForms.submissionsCount'),
      // On a phone the form's drawer has the submissions tab; the column would not fit.
      responsive: ['sm'],
      width: 90,
      render: (_, form) => (
        <Button
          type="link"
          size="small"
          style={{ padding: 0, height: 'auto' }}
          onClick={() => setOpen({ id: form.id, tab: 'submissions' })}
        >
          {form.submissions}
        </Button>
      ),
    },
    {
      key: 'url',
      title: t('webForms.publicUrl'),
      responsive: ['lg'],
      width: 360,
      render: (_, form) => (
        <CopyField
          label={t('webForms.publicUrlOf', { name: form.name })}
          value={publicUrlOf(form.publicKey)}
        />
      ),
    },
    ...(canManage
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            width: 90,
            render: (_: unknown, form: WebForm) => (
              <Popconfirm
                title={t('webForms.deleteConfirm', { name: form.name })}
                onConfirm={() => remove.mutate(form)}
                okButtonProps={{ danger: true }}
              >
                <Button size="small" danger aria-label={t('common.deleteNamed', { name: form.name })}>
                  {t('common.delete')}
                </Button>
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];

  return (
    <div style={{ maxWidth: 1200 }}>
      <PageHeader
        title={t('webForms.title')}
        extra={
          canManage ? (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setOpen({})}>
              {t('webForms.new')}
            </Button>
          ) : null
        }
      >
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('webForms.intro')}
        </Typography.Paragraph>
      </PageHeader>
      {canManage ? null : (
        <Alert type="info" showIcon title={t('webForms.readOnly')} style={{ marginBottom: 16 }} />
      )}
      <Card size="small">
        {forms.isError ? (
          <ErrorResult error={forms.error} onRetry={() => void forms.refetch()} />
        ) : (
          <Table<WebForm>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={items}
            loading={forms.isPending}
            pagination={false}
            aria-label={t('webForms.title')}
          />
        )}
      </Card>
      {open && (open.id === undefined || openForm) ? (
        <WebFormDrawer
          key={open.id ?? 'new'}
          form={openForm}
          canManage={canManage}
          initialTab={open.tab}
          onSaved={(saved) => {
            queryClient.setQueryData<{ items: WebForm[] }>(webFormKeys.list(), (data) =>
              data
                ? {
                    items: data.items.some((form) => form.id === saved.id)
                      ? data.items.map((form) => (form.id === saved.id ? saved : form))
                      : [saved, ...data.items],
                  }
                : { items: [saved] },
            );
            setOpen({ id: saved.id });
          }}
          onClose={() => setOpen(undefined)}
        />
      ) : null}
    </div>
  );
};
