import { CustomerContactsPanel } from '../../features/contacts/components/customer-contacts-panel';
import { CustomerDetailPage } from '../../features/customers/routes/customer-detail-page';
import { useCan } from '../auth';

/** A customer's page with the contacts feature's panel as its Contacts tab (composed here, not imported). */
export const CustomerDetailRoute = () => {
  const can = useCan();
  return (
    <CustomerDetailPage
      renderContacts={
        can('contacts', 'view')
          ? (customer) => <CustomerContactsPanel customerId={customer.id} customerName={customer.name} />
          : undefined
      }
    />
  );
};
