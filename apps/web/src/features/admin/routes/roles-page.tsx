import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { Role } from '@kehu/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Table, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../app/auth';
import { showError } from '../../../app/forms';
import { ErrorResult } from '../../../components/error-result';
import { emptyMark } from '../../../components/format';
import { PageHeader } from '../../../components/page-header';
import { actionsColumnLayout, RowActions } from '../../../components/row-actions';
import { useIsMobile } from '../../../components/use-is-mobile';
import { adminKeys, deleteRole, rolesQueryOptions } from '../api/admin-api';
import { RoleFormDrawer } from '../components/role-form-drawer';

export const RolesPage = () => {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const { message, modal } = App.useApp();
  const can = useCan();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Role | 'new' | undefined>();
  const roles = useQuery(rolesQueryOptions);
  const canManage = can('roles', 'manage');

  const remove = useMutation({
    mutationFn: deleteRole,
    onSuccess: () => {
      void message.success(t('roles.deleted'));
      void queryClient.invalidateQueries({ queryKey: adminKeys.roles });
    },
    onError: (error) => showError(error, message),
  });

  const confirmDelete = (role: Role) =>
    modal.confirm({
      title: t('roles.deleteConfirmTitle', { name: role.name }),
      content: t('roles.deleteConfirmText'),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => remove.mutateAsync(role.id).catch(() => undefined),
    });

  const columns: TableColumnsType<Role> = [
    {
      key: 'name',
      title: t('roles.fields.name'),
      width: 200,
      render: (_, role) => (
        <Flex gap={6} wrap="wrap" align="center">
          <span>{role.name}</span>
          {role.isAdmin ? <Tag color="red">{t('roles.admin')}</Tag> : null}
          {role.isSystem ? <Tag>{t('roles.system')}</Tag> : null}
        </Flex>
      ),
    },
    {
      key: 'description',
      title: t('roles.fields.description'),
      ellipsis: true,
      render: (_, role) => role.description || emptyMark,
    },
    {
      key: 'dataScope',
      title: t('roles.fields.dataScope'),
      width: 180,
      render: (_, role) => t(`roles.dataScopes.${role.dataScope}`),
    },
    { key: 'userCount', title: t('roles.fields.userCount'), width: 90, render: (_, role) => role.userCount },
    ...(canManage
      ? [
          {
            ...actionsColumnLayout(isMobile, 2, 200),
            title: t('common.actions'),
            render: (_: unknown, role: Role) => (
              // The built-in administrator role is fixed (the server refuses changes to it).
              <RowActions>
                {role.isSystem ? null : (
                  <Button
                    size="small"
                    icon={<EditOutlined aria-hidden />}
                    onClick={() => setEditing(role)}
                    aria-label={t('common.editNamed', { name: role.name })}
                  >
                    {t('common.edit')}
                  </Button>
                )}
                {role.isSystem ? null : (
                  <Button
                    size="small"
                    danger
                    icon={<DeleteOutlined aria-hidden />}
                    onClick={() => confirmDelete(role)}
                    aria-label={t('common.deleteNamed', { name: role.name })}
                  >
                    {t('common.delete')}
                  </Button>
                )}
              </RowActions>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={t('roles.title')}
        extra={
          canManage ? (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')}>
              {t('roles.new')}
            </Button>
          ) : null
        }
      />
      <Card>
        {roles.isError ? (
          <ErrorResult error={roles.error} onRetry={() => void roles.refetch()} />
        ) : (
          <Table<Role>
            rowKey="id"
            columns={columns}
            dataSource={roles.data?.items ?? []}
            loading={roles.isPending}
            pagination={false}
            scroll={{ x: 800 }}
            size="middle"
          />
        )}
      </Card>
      {editing ? (
        <RoleFormDrawer
          role={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(undefined)}
        />
      ) : null}
    </>
  );
};
