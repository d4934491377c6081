import { UndoOutlined } from '@ant-design/icons';
import type { Contact } from '@kehu/contracts';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Input, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../app/auth';
import { showError } from '../../../app/forms';
import { ErrorResult } from '../../../components/error-result';
import { emptyMark, formatDateTime, formatPhone } from '../../../components/format';
import { LoadMore } from '../../../components/load-more';
import { actionsColumnLayout, RowActions } from '../../../components/row-actions';
import { useIsMobile } from '../../../components/use-is-mobile';
import { contactKeys, contactListQueryOptions, restoreContact } from '../api/contacts-api';

/** The recycle bin's contacts, each with Restore. */
export const DeletedContacts = () => {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const { message } = App.useApp();
  const can = useCan();
  const queryClient = useQueryClient();
  const [q, setQ] = useState<string | undefined>();
  const list = useInfiniteQuery(contactListQueryOptions({ deleted: 'true', q }));
  const contacts = list.data?.pages.flatMap((page) => page.items) ?? [];

  const restore = useMutation({
    mutationFn: restoreContact,
    onSuccess: (contact) => {
      void message.success(t('contacts.restoredNamed', { name: contact.name }));
      queryClient.setQueryData(contactKeys.detail(contact.id), contact);
      void queryClient.invalidateQueries({ queryKey: contactKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: contactKeys.byCustomer(contact.customerId) });
    },
    onError: (error) => showError(error, message),
  });

  const columns: TableColumnsType<Contact> = [
    { key: 'name', title: t('contacts.fields.name'), dataIndex: 'name', width: 160 },
    { key: 'customer', title: t('contacts.fields.customer'), dataIndex: 'customerName', width: 200 },
    {
      key: 'mobile',
      title: t('contacts.fields.mobile'),
      width: 140,
      render: (_, contact) => formatPhone(contact.mobile ?? contact.phone) || emptyMark,
    },
    {
      key: 'deletedAt',
      title: t('contacts.fields.deletedAt'),
      width: 160,
      render: (_, contact) => formatDateTime(contact.deletedAt),
    },
    {
      ...actionsColumnLayout(isMobile, 1, 120),
      title: t('common.actions'),
      render: (_, contact) =>
        can('contacts', 'delete') ? (
          <RowActions>
            <Button
              size="small"
              icon={<UndoOutlined aria-hidden />}
              loading={restore.isPending && restore.variables === contact.id}
              onClick={() => restore.mutate(contact.id)}
              aria-label={t('recycleBin.restoreNamed', { name: contact.name })}
            >
              {t('common.restore')}
            </Button>
          </RowActions>
        ) : null,
    },
  ];

  if (list.isError) return <ErrorResult error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <>
      <Input.Search
        aria-label={t('contacts.searchLabel')}
        placeholder={t('contacts.searchPlaceholder')}
        allowClear
        onSearch={(value) => setQ(value.trim() || undefined)}
        style={{ maxWidth: 360, marginBottom: 16 }}
      />
      <Table<Contact>
        rowKey="id"
        columns={columns}
        dataSource={contacts}
        loading={list.isPending}
        pagination={false}
        scroll={{ x: 780 }}
        size="middle"
      />
      <LoadMore
        hasMore={list.hasNextPage}
        loading={list.isFetchingNextPage}
        onLoadMore={() => void list.fetchNextPage()}
        shown={contacts.length}
      />
    </>
  );
};
