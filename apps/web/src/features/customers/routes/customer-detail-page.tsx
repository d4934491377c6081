import {
  ArrowLeftOutlined,
  DeleteOutlined,
  EditOutlined,
  InboxOutlined,
  LockOutlined,
  SwapOutlined,
  UndoOutlined,
} from '@ant-design/icons';
import type { Customer } from '@kehu/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Spin, Tabs, Tag } from 'antd';
import { lazy, type ReactNode, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router';
import { useCan } from '../../../app/auth';
import { showError } from '../../../app/forms';
import { ErrorResult } from '../../../components/error-result';
import { formatDateTime } from '../../../components/format';
import { PageHeader } from '../../../components/page-header';
import { poolReasonText } from '../../../components/pool-reason';
import { customerKeys, customerQueryOptions, deleteCustomer, restoreCustomer } from '../api/customers-api';
import { setCustomerLocked } from '../api/pool-moves-api';
import { CustomerDescriptions } from '../components/customer-descriptions';
import { CustomerTypeTag } from '../components/customer-display';
import { CustomerFormDrawer } from '../components/customer-form-drawer';
import { CustomerHistory } from '../components/customer-history';
import { CustomerLifecycleTimeline } from '../components/customer-lifecycle-timeline';
import { CustomerTeamPanel } from '../components/customer-team-panel';
import { CustomerTransferModal } from '../components/customer-transfer-modal';

const CustomerReturnModal = lazy(() =>
  import('../components/customer-return-modal').then((m) => ({ default: m.CustomerReturnModal })),
);

interface CustomerDetailPageProps {
  /** The Contacts tab, supplied by the app (features do not import each other). */
  renderContacts?: (customer: Customer) => ReactNode;
}

export const CustomerDetailPage = ({ renderContacts }: CustomerDetailPageProps) => {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const can = useCan();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [transferring, setTransferring] = useState(false);
  const [returning, setReturning] = useState(false);
  const customerQuery = useQuery(customerQueryOptions(id));

  const remove = useMutation({
    mutationFn: deleteCustomer,
    onSuccess: async () => {
      void message.success(t('customers.deleted'));
      await queryClient.invalidateQueries({ queryKey: customerKeys.lists() });
      queryClient.removeQueries({ queryKey: customerKeys.detail(id) });
      await navigate('/customers');
    },
    onError: (error) => showError(error, message),
  });

  const lock = useMutation({
    mutationFn: (locked: boolean) => setCustomerLocked(id, locked),
    onSuccess: async (_ok, locked) => {
      void message.success(locked ? t('pools.lock.locked') : t('pools.lock.unlocked'));
      await queryClient.invalidateQueries({ queryKey: customerKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: customerKeys.history(id) });
    },
    onError: (error) => showError(error, message),
  });

  const restore = useMutation({
    mutationFn: restoreCustomer,
    onSuccess: (customer) => {
      queryClient.setQueryData(customerKeys.detail(customer.id), customer);
      void queryClient.invalidateQueries({ queryKey: customerKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: customerKeys.history(customer.id) });
      void message.success(t('customers.restored'));
    },
    onError: (error) => showError(error, message),
  });

  if (customerQuery.isPending) return <Spin size="large" style={{ display: 'block', margin: '48px auto' }} />;
  if (customerQuery.isError) {
    return <ErrorResult error={customerQuery.error} onRetry={() => void customerQuery.refetch()} />;
  }
  const customer = customerQuery.data;
  const isDeleted = customer.deletedAt !== null;

  const confirmDelete = () =>
    modal.confirm({
      title: t('customers.deleteConfirmTitle', { name: customer.name }),
      content: t('customers.deleteConfirmText'),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => remove.mutateAsync(customer.id).catch(() => undefined),
    });

  const actions: ReactNode[] = [
    <Button
      key="back"
      icon={<ArrowLeftOutlined aria-hidden />}
      onClick={() => void (location.key === 'default' ? navigate('/customers') : navigate(-1))}
    >
      {t('common.back')}
    </Button>,
  ];
  if (!isDeleted && can('customers', 'edit')) {
    actions.push(
      <Button key="edit" type="primary" icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)}>
        {t('common.edit')}
      </Button>,
    );
  }
  if (!isDeleted && can('customers', 'transfer')) {
    actions.push(
      <Button key="transfer" icon={<SwapOutlined aria-hidden />} onClick={() => setTransferring(true)}>
        {t('ownership.transfer.action')}
      </Button>,
    );
  }
  if (!isDeleted && can('customers', 'edit') && customer.ownerId && !customer.poolId) {
    actions.push(
      <Button
        key="lock"
        icon={<LockOutlined aria-hidden />}
        loading={lock.isPending}
        onClick={() => lock.mutate(!customer.locked)}
      >
        {customer.locked ? t('pools.lock.unlock') : t('pools.lock.lock')}
      </Button>,
    );
    if (can('pools', 'view')) {
      actions.push(
        <Button key="return" icon={<InboxOutlined aria-hidden />} onClick={() => setReturning(true)}>
          {t('pools.return.action')}
        </Button>,
      );
    }
  }
  if (!isDeleted && can('customers', 'delete')) {
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

  const tabs = [
    ...(renderContacts && !isDeleted
      ? [{ key: 'contacts', label: t('customers.tabs.contacts'), children: renderContacts(customer) }]
      : []),
    ...(isDeleted
      ? []
      : [
          {
            key: 'team',
            label: t('ownership.team.tab'),
            children: <CustomerTeamPanel customerId={customer.id} canManage={can('customers', 'edit')} />,
          },
        ]),
    {
      key: 'lifecycle',
      label: t('ownership.lifecycle.tab'),
      children: <CustomerLifecycleTimeline customerId={customer.id} typeChangedAt={customer.typeChangedAt} />,
    },
    {
      key: 'history',
      label: t('customers.tabs.history'),
      children: <CustomerHistory customerId={customer.id} />,
    },
  ];

  return (
    <>
      <PageHeader
        title={
          <Flex gap={8} align="center" wrap="wrap" component="span">
            <span>{customer.name}</span>
            <CustomerTypeTag type={customer.type} />
            {customer.locked ? (
              <Tag color="gold" icon={<LockOutlined aria-hidden />}>
                {t('pools.lock.tag')}
              </Tag>
            ) : null}
            {customer.poolId ? <Tag>{t('pools.inPool')}</Tag> : null}
          </Flex>
        }
        extra={actions}
      />
      {customer.poolId && !isDeleted ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="pooled-notice"
          title={t('customers.pooledNotice', {
            pool: customer.poolName ?? t('pools.inPool'),
            date: formatDateTime(customer.pooledAt),
          })}
          description={
            customer.poolReason
              ? t('customers.pooledReason', { reason: poolReasonText(customer.poolReason, t) })
              : undefined
          }
        />
      ) : null}
      {isDeleted ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('customers.inRecycleBin', { date: formatDateTime(customer.deletedAt) })}
          action={
            can('customers', 'delete') ? (
              <Button
                size="small"
                icon={<UndoOutlined aria-hidden />}
                loading={restore.isPending}
                onClick={() => restore.mutate(customer.id)}
              >
                {t('common.restore')}
              </Button>
            ) : null
          }
        />
      ) : null}
      <Card style={{ marginBottom: 16 }}>
        <CustomerDescriptions customer={customer} />
      </Card>
      <Card>
        <Tabs items={tabs} destroyOnHidden />
      </Card>
      {editing ? <CustomerFormDrawer open customer={customer} onClose={() => setEditing(false)} /> : null}
      {returning ? (
        <Suspense fallback={null}>
          <CustomerReturnModal
            customerIds={[customer.id]}
            customerName={customer.name}
            onClose={() => setReturning(false)}
            onReturned={() => void navigate('/customers')}
          />
        </Suspense>
      ) : null}
      {transferring ? (
        <CustomerTransferModal
          open
          customerIds={[customer.id]}
          customerName={customer.name}
          onClose={() => setTransferring(false)}
        />
      ) : null}
    </>
  );
};
