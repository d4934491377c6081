import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header';
import { StatusView } from '../../components/status-view';
import { DeletedContacts } from '../../features/contacts/components/deleted-contacts';
import { DeletedCustomers } from '../../features/customers/components/deleted-customers';
import { useCan } from '../auth';

/** Deleted customers and contacts, each restorable. */
export const RecycleBinRoute = () => {
  const { t } = useTranslation();
  const can = useCan();
  const tabs = [
    ...(can('customers', 'view')
      ? [{ key: 'customers', label: t('recycleBin.customers'), children: <DeletedCustomers /> }]
      : []),
    ...(can('contacts', 'view')
      ? [{ key: 'contacts', label: t('recycleBin.contacts'), children: <DeletedContacts /> }]
      : []),
  ];
  return (
    <>
      <PageHeader title={t('recycleBin.title')} />
      <Card>
        {tabs.length > 0 ? (
          <Tabs items={tabs} destroyOnHidden />
        ) : (
          <StatusView
            status="forbidden"
            title={t('errors.forbiddenTitle')}
            description={t('errors.forbiddenPage')}
          />
        )}
      </Card>
    </>
  );
};
