import type { Customer } from '@kehu/contracts';
import { useQuery } from '@tanstack/react-query';
import { Descriptions, type DescriptionsProps, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { customDescriptionItems } from '../../../components/custom-fields/custom-field-display';
import { customFieldsQueryOptions } from '../../../components/custom-fields/custom-fields-query';
import { emptyMark, formatDateTime, formatPhone, phoneHref } from '../../../components/format';
import { CustomerTagList } from '../../../components/tag-colors/customer-tag-list';
import { CustomerTypeTag } from './customer-display';

const orEmpty = (value: string | null | undefined) => value || emptyMark;

export const CustomerDescriptions = ({ customer }: { customer: Customer }) => {
  const { t } = useTranslation();
  const customFields = useQuery(customFieldsQueryOptions('customer'));
  const region = [customer.province, customer.city, customer.district].filter(Boolean).join(' ');
  const items: DescriptionsProps['items'] = [
    { key: 'kind', label: t('customers.fields.kind'), children: t(`customers.kinds.${customer.kind}`) },
    { key: 'type', label: t('customers.fields.type'), children: <CustomerTypeTag type={customer.type} /> },
    { key: 'level', label: t('customers.fields.level'), children: orEmpty(customer.level) },
    { key: 'industry', label: t('customers.fields.industry'), children: orEmpty(customer.industry) },
    { key: 'source', label: t('customers.fields.source'), children: orEmpty(customer.source) },
    { key: 'region', label: t('customers.fields.region'), children: orEmpty(region) },
    { key: 'address', label: t('customers.fields.address'), children: orEmpty(customer.address) },
    {
      key: 'phones',
      label: t('customers.fields.phones'),
      children:
        customer.phones.length > 0 ? (
          <Flex vertical>
            {customer.phones.map((phone) => (
              <a key={phone} href={phoneHref(phone)}>
                {formatPhone(phone)}
              </a>
            ))}
          </Flex>
        ) : (
          emptyMark
        ),
    },
    {
      key: 'email',
      label: t('customers.fields.email'),
      children: customer.email ? <a href={`mailto:${customer.email}`}>{customer.email}</a> : emptyMark,
    },
    {
      key: 'website',
      label: t('customers.fields.website'),
      children:
        customer.website && /^https?:\/\//i.test(customer.website) ? (
          <a href={customer.website} target="_blank" rel="noopener noreferrer">
            {customer.website}
          </a>
        ) : (
          orEmpty(customer.website)
        ),
    },
    {
      key: 'tags',
      label: t('customers.fields.tags'),
      children: <CustomerTagList tags={customer.tags} empty={emptyMark} />,
    },
    { key: 'owner', label: t('customers.fields.owner'), children: orEmpty(customer.ownerName) },
    {
      key: 'department',
      label: t('customers.fields.department'),
      children: orEmpty(customer.departmentName),
    },
    {
      key: 'lastFollowUpAt',
      label: t('customers.fields.lastFollowUpAt'),
      children: formatDateTime(customer.lastFollowUpAt) || emptyMark,
    },
    {
      key: 'created',
      label: t('customers.fields.createdAt'),
      children: [formatDateTime(customer.createdAt), customer.createdByName].filter(Boolean).join(' · '),
    },
    {
      key: 'updated',
      label: t('customers.fields.updatedAt'),
      children: [formatDateTime(customer.updatedAt), customer.updatedByName].filter(Boolean).join(' · '),
    },
    {
      key: 'notes',
      label: t('customers.fields.notes'),
      span: 'filled',
      children: customer.notes ? (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
          {customer.notes}
        </Typography.Paragraph>
      ) : (
        emptyMark
      ),
    },
    ...customDescriptionItems(customFields.data ?? [], customer.custom, t),
  ];
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 3, xxl: 3 }}
      items={items}
    />
  );
};
