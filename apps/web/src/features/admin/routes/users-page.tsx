import { EditOutlined, KeyOutlined, PlusOutlined } from '@ant-design/icons';
import { type User, userStatuses } from '@kehu/contracts';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Button, Flex, Input, Select, Table, type TableColumnsType, Tag, TreeSelect } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../app/auth';
import { ErrorResult } from '../../../components/error-result';
import { emptyMark, formatDateTime } from '../../../components/format';
import { LoadMore } from '../../../components/load-more';
import { PageHeader } from '../../../components/page-header';
import { actionsColumnLayout, RowActions } from '../../../components/row-actions';
import { buildTree } from '../../../components/tree';
import { useIsMobile } from '../../../components/use-is-mobile';
import { departmentsQueryOptions, type UserFilters, userListQueryOptions } from '../api/admin-api';
import { ResetPasswordModal } from '../components/reset-password-modal';
import { UserFormModal } from '../components/user-form-modal';

export const UsersPage = () => {
  const { t } = useTranslation();
  const can = useCan();
  const isMobile = useIsMobile();
  const [filters, setFilters] = useState<UserFilters>({});
  const [editing, setEditing] = useState<User | 'new' | undefined>();
  const [resetting, setResetting] = useState<User | undefined>();
  const list = useInfiniteQuery({ ...userListQueryOptions(filters), placeholderData: keepPreviousData });
  const departments = useQuery(departmentsQueryOptions);
  const users = list.data?.pages.flatMap((page) => page.items) ?? [];
  const canManage = can('users', 'manage');

  const columns: TableColumnsType<User> = [
    { key: 'name', title: t('users.fields.name'), dataIndex: 'name', width: 140, fixed: 'left' },
    { key: 'email', title: t('users.fields.email'), dataIndex: 'email', width: 220, ellipsis: true },
    { key: 'role', title: t('users.fields.role'), dataIndex: 'roleName', width: 130 },
    {
      key: 'department',
      title: t('users.fields.department'),
      width: 140,
      render: (_, user) => user.departmentName ?? emptyMark,
    },
    {
      key: 'manager',
      title: t('users.fields.manager'),
      width: 120,
      render: (_, user) => user.managerName ?? emptyMark,
    },
    {
      key: 'status',
      title: t('users.fields.status'),
      width: 90,
      render: (_, user) => (
        <Tag color={user.status === 'active' ? 'green' : 'default'}>{t(`users.statuses.${user.status}`)}</Tag>
      ),
    },
    {
      key: 'lastLoginAt',
      title: t('users.fields.lastLoginAt'),
      width: 150,
      render: (_, user) => formatDateTime(user.lastLoginAt) || emptyMark,
    },
    ...(canManage
      ? [
          {
            ...actionsColumnLayout(isMobile, 2, 230),
            title: t('common.actions'),
            render: (_: unknown, user: User) => (
              <RowActions>
                <Button
                  size="small"
                  icon={<EditOutlined aria-hidden />}
                  onClick={() => setEditing(user)}
                  aria-label={t('common.editNamed', { name: user.name })}
                >
                  {t('common.edit')}
                </Button>
                <Button
                  size="small"
                  icon={<KeyOutlined aria-hidden />}
                  onClick={() => setResetting(user)}
                  aria-label={t('users.resetPasswordNamed', { name: user.name })}
                >
                  {t('users.resetPassword')}
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
        title={t('users.title')}
        extra={
          canManage ? (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')}>
              {t('users.new')}
            </Button>
          ) : null
        }
      />
      <Flex wrap="wrap" gap={8} vertical={isMobile} style={{ marginBottom: 16 }}>
        <Input.Search
          aria-label={t('users.searchLabel')}
          placeholder={t('users.searchPlaceholder')}
          allowClear
          enterButton
          onSearch={(value) => setFilters((current) => ({ ...current, q: value.trim() || undefined }))}
          style={{ width: isMobile ? '100%' : 300 }}
        />
        <TreeSelect
          aria-label={t('users.fields.department')}
          placeholder={t('users.fields.department')}
          allowClear
          treeDefaultExpandAll
          treeData={buildTree(departments.data?.items ?? [])}
          value={filters.departmentId}
          onChange={(departmentId: string | undefined) =>
            setFilters((current) => ({ ...current, departmentId }))
          }
          style={{ width: isMobile ? '100%' : 200 }}
        />
        <Select
          aria-label={t('users.fields.status')}
          placeholder={t('users.fields.status')}
          allowClear
          value={filters.status}
          onChange={(status) => setFilters((current) => ({ ...current, status }))}
          options={userStatuses.map((status) => ({ value: status, label: t(`users.statuses.${status}`) }))}
          style={{ width: isMobile ? '100%' : 140 }}
        />
      </Flex>
      {list.isError ? (
        <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<User>
          rowKey="id"
          columns={columns}
          dataSource={users}
          loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)}
          pagination={false}
          scroll={{ x: 'max-content' }}
          size="middle"
        />
      )}
      <LoadMore
        hasMore={list.hasNextPage}
        loading={list.isFetchingNextPage}
        onLoadMore={() => void list.fetchNextPage()}
        shown={users.length}
      />
      {editing ? (
        <UserFormModal
          open
          user={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(undefined)}
        />
      ) : null}
      {resetting ? <ResetPasswordModal user={resetting} onClose={() => setResetting(undefined)} /> : null}
    </>
  );
};
