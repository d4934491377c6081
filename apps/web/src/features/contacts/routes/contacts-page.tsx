import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { Button, Input } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCan } from '../../../app/auth';
import { ErrorResult } from '../../../components/error-result';
import { LoadMore } from '../../../components/load-more';
import { PageHeader } from '../../../components/page-header';
import { useDebouncedCommit } from '../../../components/use-debounced-commit';
import { contactListQueryOptions } from '../api/contacts-api';
import { ContactFormDrawer } from '../components/contact-form-drawer';
import { ContactTable } from '../components/contact-table';

export const ContactsPage = () => {
  const { t } = useTranslation();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() || undefined;
  const [search, setSearch] = useState(q ?? '');
  const commitSearch = useCallback(
    (value: string | undefined) => setParams(value ? { q: value } : {}, { replace: true }),
    [setParams],
  );
  useDebouncedCommit(search, q, commitSearch);
  const [creating, setCreating] = useState(false);
  const list = useInfiniteQuery({ ...contactListQueryOptions({ q }), placeholderData: keepPreviousData });
  const contacts = list.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <>
      <PageHeader
        title={t('contacts.title')}
        extra={
          can('contacts', 'create') ? (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
              {t('contacts.new')}
            </Button>
          ) : null
        }
      />
      <Input.Search
        aria-label={t('contacts.searchLabel')}
        placeholder={t('contacts.searchPlaceholder')}
        allowClear
        enterButton
        value={search}
        onChange={(event) => setSearch(event.target.value)}
        onSearch={(value) => setParams(value.trim() ? { q: value.trim() } : {}, { replace: true })}
        style={{ maxWidth: 360, marginBottom: 16 }}
      />
      {list.isError ? (
        <ErrorResult error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <ContactTable
          contacts={contacts}
          loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)}
        />
      )}
      <LoadMore
        hasMore={list.hasNextPage}
        loading={list.isFetchingNextPage}
        onLoadMore={() => void list.fetchNextPage()}
        shown={contacts.length}
      />
      {creating ? <ContactFormDrawer open onClose={() => setCreating(false)} /> : null}
    </>
  );
};
