import { ArrowLeftOutlined, DeleteOutlined, EditOutlined, UndoOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  type DescriptionsProps,
  Flex,
  Spin,
  Tabs,
  Typography,
} from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useCan } from '../../../app/auth';
import { showError } from '../../../app/forms';
import { customDescriptionItems } from '../../../components/custom-fields/custom-field-display';
import { customFieldsQueryOptions } from '../../../components/custom-fields/custom-fields-query';
import { ErrorResult } from '../../../components/error-result';
import { emptyMark, formatDate, formatDateTime, formatPhone, phoneHref } from '../../../components/format';
import { PageHeader } from '../../../components/page-header';
import { contactKeys, contactQueryOptions, deleteContact, restoreContact } from '../api/contacts-api';
import { ContactFormDrawer } from '../components/contact-form-drawer';
import { ContactHistory } from '../components/contact-history';
import { PrimaryTag } from '../components/contact-table';

const orEmpty = (value: string | null | undefined) => value || emptyMark;

export const ContactDetailPage = () => {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const can = useCan();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const contactQuery = useQuery(contactQueryOptions(id));
  const customFields = useQuery(customFieldsQueryOptions('contact'));

  const remove = useMutation({
    mutationFn: deleteContact,
    onSuccess: async () => {
      void message.success(t('contacts.deleted'));
      await queryClient.invalidateQueries({ queryKey: contactKeys.all });
      await navigate('/contacts');
    },
    onError: (error) => showError(error, message),
  });
  const restore = useMutation({
    mutationFn: restoreContact,
    onSuccess: (contact) => {
      queryClient.setQueryData(contactKeys.detail(contact.id), contact);
      void queryClient.invalidateQueries({ queryKey: contactKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: contactKeys.byCustomer(contact.customerId) });
      void queryClient.invalidateQueries({ queryKey: contactKeys.history(contact.id) });
      void message.success(t('contacts.restored'));
    },
    onError: (error) => showError(error, message),
  });

  if (contactQuery.isPending) return <Spin size="large" style={{ display: 'block', margin: '48px auto' }} />;
  if (contactQuery.isError) {
    return <ErrorResult error={contactQuery.error} onRetry={() => void contactQuery.refetch()} />;
  }
  const contact = contactQuery.data;
  const isDeleted = contact.deletedAt !== null;

  const confirmDelete = () =>
    modal.confirm({
      title: t('contacts.deleteConfirmTitle', { name: contact.name }),
      content: t('contacts.deleteConfirmText'),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => remove.mutateAsync(contact.id).catch(() => undefined),
    });

  const actions: ReactNode[] = [
    <Button
      key="back"
      icon={<ArrowLeftOutlined aria-hidden />}
      onClick={() => void (location.key === 'default' ? navigate('/contacts') : navigate(-1))}
    >
      {t('common.back')}
    </Button>,
  ];
  if (!isDeleted && can('contacts', 'edit')) {
    actions.push(
      <Button key="edit" type="primary" icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)}>
        {t('common.edit')}
      </Button>,
    );
  }
  if (!isDeleted && can('contacts', 'delete')) {
    actions.push(
      <Button
        key="delete"
        danger
        icon={<DeleteOutlined aria-hidden />}
        onClick={confirmDelete}
        loading={remove.isPending}
      >
        {t('common.delete')}
      </Button>,
    );
  }

  const items: DescriptionsProps['items'] = [
    {
      key: 'customer',
      label: t('contacts.fields.customer'),
      children: <Link to={`/customers/${contact.customerId}`}>{contact.customerName}</Link>,
    },
    { key: 'title', label: t('contacts.fields.title'), children: orEmpty(contact.title) },
    {
      key: 'mobile',
      label: t('contacts.fields.mobile'),
      children: contact.mobile ? (
        <a href={phoneHref(contact.mobile)}>{formatPhone(contact.mobile)}</a>
      ) : (
        emptyMark
      ),
    },
    {
      key: 'phone',
      label: t('contacts.fields.phone'),
      children: contact.phone ? (
        <a href={phoneHref(contact.phone)}>{formatPhone(contact.phone)}</a>
      ) : (
        emptyMark
      ),
    },
    {
      key: 'email',
      label: t('contacts.fields.email'),
      children: contact.email ? <a href={`mailto:${contact.email}`}>{contact.email}</a> : emptyMark,
    },
    { key: 'wechat', label: t('contacts.fields.wechat'), children: orEmpty(contact.wechat) },
    {
      key: 'birthday',
      label: t('contacts.fields.birthday'),
      children: orEmpty(formatDate(contact.birthday)),
    },
    {
      key: 'isPrimary',
      label: t('contacts.fields.isPrimary'),
      children: contact.isPrimary ? t('common.yes') : t('common.no'),
    },
    { key: 'createdAt', label: t('contacts.fields.createdAt'), children: formatDateTime(contact.createdAt) },
    { key: 'updatedAt', label: t('contacts.fields.updatedAt'), children: formatDateTime(contact.updatedAt) },
    {
      key: 'notes',
      label: t('contacts.fields.notes'),
      span: 'filled',
      children: contact.notes ? (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
          {contact.notes}
        </Typography.Paragraph>
      ) : (
        emptyMark
      ),
    },
    ...customDescriptionItems(customFields.data ?? [], contact.custom, t),
  ];

  return (
    <>
      <PageHeader
        title={
          <Flex gap={8} align="center" wrap="wrap" component="span">
            <span>{contact.name}</span>
            {contact.isPrimary ? <PrimaryTag /> : null}
          </Flex>
        }
        extra={actions}
      />
      {isDeleted ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('contacts.inRecycleBin', { date: formatDateTime(contact.deletedAt) })}
          action={
            can('contacts', 'delete') ? (
              <Button
                size="small"
                icon={<UndoOutlined aria-hidden />}
                loading={restore.isPending}
                onClick={() => restore.mutate(contact.id)}
              >
                {t('common.restore')}
              </Button>
            ) : null
          }
        />
      ) : null}
      <Card style={{ marginBottom: 16 }}>
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 3, xxl: 3 }}
          items={items}
        />
      </Card>
      <Card>
        <Tabs
          items={[
            {
              key: 'history',
              label: t('contacts.tabs.history'),
              children: <ContactHistory contactId={contact.id} />,
            },
          ]}
        />
      </Card>
      {editing ? <ContactFormDrawer open contact={contact} onClose={() => setEditing(false)} /> : null}
    </>
  );
};
