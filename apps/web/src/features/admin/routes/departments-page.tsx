import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { Department } from '@kehu/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../app/auth';
import { showError } from '../../../app/forms';
import { ErrorResult } from '../../../components/error-result';
import { PageHeader } from '../../../components/page-header';
import { actionsColumnLayout, RowActions } from '../../../components/row-actions';
import { buildTree, type TreeNode } from '../../../components/tree';
import { useIsMobile } from '../../../components/use-is-mobile';
import { adminKeys, deleteDepartment, departmentsQueryOptions } from '../api/admin-api';
import { DepartmentFormModal } from '../components/department-form-modal';

type Editing = { department?: Department; parentId?: string | null } | undefined;

export const DepartmentsPage = () => {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const { message, modal } = App.useApp();
  const can = useCan();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<Editing>();
  // Every department starts expanded (also ones added later); the user may fold some.
  const [collapsed, setCollapsed] = useState<Set<string>>(() => new Set());
  const departments = useQuery(departmentsQueryOptions);
  const canManage = can('departments', 'manage');

  const remove = useMutation({
    mutationFn: deleteDepartment,
    onSuccess: () => {
      void message.success(t('departments.deleted'));
      void queryClient.invalidateQueries({ queryKey: adminKeys.departments });
    },
    onError: (error) => showError(error, message),
  });

  const confirmDelete = (department: Department) =>
    modal.confirm({
      title: t('departments.deleteConfirmTitle', { name: department.name }),
      content: t('departments.deleteConfirmText'),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => remove.mutateAsync(department.id).catch(() => undefined),
    });

  const columns: TableColumnsType<TreeNode<Department>> = [
    { key: 'name', title: t('departments.fields.name'), render: (_, node) => node.item.name },
    {
      key: 'userCount',
      title: t('departments.fields.userCount'),
      width: 110,
      render: (_, node) => node.item.userCount,
    },
    ...(canManage
      ? [
          {
            ...actionsColumnLayout(isMobile, 3, 380),
            title: t('common.actions'),
            render: (_: unknown, node: TreeNode<Department>) => (
              <RowActions>
                <Button
                  size="small"
                  icon={<PlusOutlined aria-hidden />}
                  onClick={() => setEditing({ parentId: node.item.id })}
                  aria-label={t('departments.addChildNamed', { name: node.item.name })}
                >
                  {t('departments.addChild')}
                </Button>
                <Button
                  size="small"
                  icon={<EditOutlined aria-hidden />}
                  onClick={() => setEditing({ department: node.item })}
                  aria-label={t('common.editNamed', { name: node.item.name })}
                >
                  {t('common.edit')}
                </Button>
                <Button
                  size="small"
                  danger
                  icon={<DeleteOutlined aria-hidden />}
                  onClick={() => confirmDelete(node.item)}
                  aria-label={t('common.deleteNamed', { name: node.item.name })}
                >
                  {t('common.delete')}
                </Button>
              </RowActions>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={t('departments.title')}
        extra={
          canManage ? (
            <Button
              type="primary"
              icon={<PlusOutlined aria-hidden />}
              // With one top-level department (the organisation), new ones go under it by default.
              onClick={() => {
                const roots = (departments.data?.items ?? []).filter((item) => item.parentId === null);
                setEditing({ parentId: roots.length === 1 ? roots[0]?.id : null });
              }}
            >
              {t('departments.new')}
            </Button>
          ) : null
        }
      />
      <Card>
        {departments.isError ? (
          <ErrorResult error={departments.error} onRetry={() => void departments.refetch()} />
        ) : (
          <Table<TreeNode<Department>>
            rowKey="key"
            columns={columns}
            dataSource={buildTree(departments.data?.items ?? [])}
            loading={departments.isPending}
            pagination={false}
            expandable={{
              expandedRowKeys: (departments.data?.items ?? [])
                .map((item) => item.id)
                .filter((id) => !collapsed.has(id)),
              onExpand: (expanded, node) =>
                setCollapsed((current) => {
                  const next = new Set(current);
                  if (expanded) next.delete(node.key);
                  else next.add(node.key);
                  return next;
                }),
            }}
            scroll={{ x: canManage ? 640 : undefined }}
            size="middle"
          />
        )}
      </Card>
      {editing ? (
        <DepartmentFormModal
          departments={departments.data?.items ?? []}
          department={editing.department}
          parentId={editing.parentId}
          onClose={() => setEditing(undefined)}
        />
      ) : null}
    </>
  );
};
