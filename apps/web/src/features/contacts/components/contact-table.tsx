import type { Contact } from '@kehu/contracts';
import { Card, Empty, Flex, Table, type TableColumnsType, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { emptyMark, formatDateTime, formatPhone } from '../../../components/format';
import { actionsColumnLayout } from '../../../components/row-actions';
import { useIsMobile } from '../../../components/use-is-mobile';

interface ContactTableProps {
  contacts: readonly Contact[];
  loading: boolean;
  /** false inside a customer's page (the customer is known). */
  showCustomer?: boolean;
  /** Extra actions per row (e.g. "Set as primary"). */
  actions?: (contact: Contact) => ReactNode;
}

export const PrimaryTag = () => {
  const { t } = useTranslation();
  return (
    <Tag color="blue" style={{ marginInlineEnd: 0 }}>
      {t('contacts.primary')}
    </Tag>
  );
};

/** A table on wide screens, compact cards on phones. */
export const ContactTable = ({ contacts, loading, showCustomer = true, actions }: ContactTableProps) => {
  const { t } = useTranslation();
  const isMobile = useIsMobile();

  if (isMobile) {
    if (!loading && contacts.length === 0) return <Empty />;
    return (
      <Flex vertical gap={8} aria-busy={loading}>
        {contacts.map((contact) => (
          <Card key={contact.id} size="small">
            <Flex justify="space-between" gap={8} align="flex-start">
              <Link to={`/contacts/${contact.id}`} style={{ fontWeight: 600, overflowWrap: 'anywhere' }}>
                {contact.name}
              </Link>
              {contact.isPrimary ? <PrimaryTag /> : null}
            </Flex>
            <Typography.Text type="secondary" style={{ display: 'block', overflowWrap: 'anywhere' }}>
              {[
                contact.title,
                showCustomer ? contact.customerName : null,
                formatPhone(contact.mobile ?? contact.phone),
                contact.email,
              ]
                .filter(Boolean)
                .join(' · ') || emptyMark}
            </Typography.Text>
            {actions ? <div style={{ marginTop: 8 }}>{actions(contact)}</div> : null}
          </Card>
        ))}
      </Flex>
    );
  }

  const columns: TableColumnsType<Contact> = [
    {
      key: 'name',
      title: t('contacts.fields.name'),
      width: 160,
      fixed: 'left',
      render: (_, contact) => (
        <Flex gap={6} align="center" wrap="wrap">
          <Link to={`/contacts/${contact.id}`}>{contact.name}</Link>
          {contact.isPrimary ? <PrimaryTag /> : null}
        </Flex>
      ),
    },
    ...(showCustomer
      ? [
          {
            key: 'customer',
            title: t('contacts.fields.customer'),
            width: 200,
            render: (_: unknown, contact: Contact) => (
              <Link to={`/customers/${contact.customerId}`}>{contact.customerName}</Link>
            ),
          },
        ]
      : []),
    { key: 'title', title: t('contacts.fields.title'), width: 110, render: (_, c) => c.title ?? emptyMark },
    {
      key: 'mobile',
      title: t('contacts.fields.mobile'),
      width: 120,
      render: (_, c) => (c.mobile ? formatPhone(c.mobile) : emptyMark),
    },
    {
      key: 'phone',
      title: t('contacts.fields.phone'),
      width: 120,
      render: (_, c) => (c.phone ? formatPhone(c.phone) : emptyMark),
    },
    {
      key: 'email',
      title: t('contacts.fields.email'),
      width: 170,
      ellipsis: true,
      render: (_, c) => c.email ?? emptyMark,
    },
    {
      key: 'updatedAt',
      title: t('contacts.fields.updatedAt'),
      width: 140,
      render: (_, c) => formatDateTime(c.updatedAt),
    },
    ...(actions
      ? [
          {
            ...actionsColumnLayout(isMobile, 2, 200),
            title: t('common.actions'),
            render: (_: unknown, c: Contact) => actions(c),
          },
        ]
      : []),
  ];

  return (
    <Table<Contact>
      rowKey="id"
      columns={columns}
      dataSource={[...contacts]}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      size="middle"
    />
  );
};
