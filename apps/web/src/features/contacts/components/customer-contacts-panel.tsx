import { EditOutlined, PlusOutlined, StarOutlined } from '@ant-design/icons';
import type { Contact } from '@kehu/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../app/api-client';
import { useCan } from '../../../app/auth';
import { showError } from '../../../app/forms';
import { ErrorResult } from '../../../components/error-result';
import { RowActions } from '../../../components/row-actions';
import { contactKeys, customerContactsQueryOptions, updateContact } from '../api/contacts-api';
import { ContactFormDrawer } from './contact-form-drawer';
import { ContactTable } from './contact-table';

interface CustomerContactsPanelProps {
  customerId: string;
  customerName: string;
}

/** The Contacts tab of a customer's page: its contacts, add one, choose the primary one. */
export const CustomerContactsPanel = ({ customerId, customerName }: CustomerContactsPanelProps) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Contact>();
  const contacts = useQuery(customerContactsQueryOptions(customerId));

  const makePrimary = useMutation({
    mutationFn: (contact: { id: string; version: number }) =>
      updateContact(contact.id, { isPrimary: true, version: contact.version }),
    onSuccess: (contact) => {
      void message.success(t('contacts.primarySet', { name: contact.name }));
      queryClient.setQueryData(contactKeys.detail(contact.id), contact);
      void queryClient.invalidateQueries({ queryKey: contactKeys.byCustomer(customerId) });
      void queryClient.invalidateQueries({ queryKey: contactKeys.lists() });
    },
    onError: (error) => {
      if (isApiError(error) && error.code === 'STALE_RECORD') {
        void message.warning(t('common.staleRecord'), 6);
        void queryClient.invalidateQueries({ queryKey: contactKeys.byCustomer(customerId) });
        return;
      }
      showError(error, message);
    },
  });

  if (contacts.isError) return <ErrorResult error={contacts.error} onRetry={() => void contacts.refetch()} />;
  const canEdit = can('contacts', 'edit');

  return (
    <>
      {can('contacts', 'create') ? (
        <Flex justify="flex-end" style={{ marginBottom: 12 }}>
          <Button icon={<PlusOutlined aria-hidden />} onClick={() => setAdding(true)}>
            {t('contacts.add')}
          </Button>
        </Flex>
      ) : null}
      <ContactTable
        contacts={contacts.data?.items ?? []}
        loading={contacts.isPending}
        showCustomer={false}
        actions={
          canEdit
            ? (contact) => (
                <RowActions>
                  <Button
                    size="small"
                    icon={<EditOutlined aria-hidden />}
                    onClick={() => setEditing(contact)}
                    aria-label={t('common.editNamed', { name: contact.name })}
                  >
                    {t('common.edit')}
                  </Button>
                  {contact.isPrimary ? null : (
                    <Button
                      size="small"
                      icon={<StarOutlined aria-hidden />}
                      loading={makePrimary.isPending && makePrimary.variables?.id === contact.id}
                      onClick={() => makePrimary.mutate(contact)}
                      aria-label={t('contacts.setPrimaryNamed', { name: contact.name })}
                    >
                      {t('contacts.setPrimary')}
                    </Button>
                  )}
                </RowActions>
              )
            : undefined
        }
      />
      {editing ? <ContactFormDrawer open contact={editing} onClose={() => setEditing(undefined)} /> : null}
      {adding ? (
        <ContactFormDrawer
          open
          customer={{ id: customerId, name: customerName }}
          onClose={() => setAdding(false)}
        />
      ) : null}
    </>
  );
};
