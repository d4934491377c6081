import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { type CustomerMember, type MemberAccess, memberAccessLevels } from '@kehu/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  DatePicker,
  Empty,
  Flex,
  Form,
  Popconfirm,
  Radio,
  Spin,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showError, showFormError } from '../../../app/forms';
import { ErrorResult } from '../../../components/error-result';
import { FormModal } from '../../../components/form-modal';
import { emptyMark, formatDateTime } from '../../../components/format';
import { RemoteSelect } from '../../../components/remote-select';
import { useIsMobile } from '../../../components/use-is-mobile';
import { ownerLookupKey, searchOwners } from '../api/lookups-api';
import {
  customerMembersQueryOptions,
  invalidateAfterMemberChange,
  putCustomerMember,
  removeCustomerMember,
} from '../api/ownership-api';

interface CustomerTeamPanelProps {
  customerId: string;
  /** The user may add, change and remove members (customers.edit; the server also wants write access). */
  canManage: boolean;
}

interface MemberFormValues {
  userId?: string;
  access: MemberAccess;
  expiresAt?: Dayjs | null;
}

const AccessTag = ({ access }: { access: MemberAccess }) => {
  const { t } = useTranslation();
  return (
    <Tag color={access === 'write' ? 'blue' : 'default'} style={{ marginInlineEnd: 0 }}>
      {t(`ownership.team.access.${access}`)}
    </Tag>
  );
};

const Expiry = ({ member }: { member: CustomerMember }) => {
  const { t } = useTranslation();
  if (!member.expiresAt)
    return <Typography.Text type="secondary">{t('ownership.team.noExpiry')}</Typography.Text>;
  return (
    <Flex gap={4} align="center" wrap="wrap">
      <span>{formatDateTime(member.expiresAt)}</span>
      {member.expired ? (
        <Tag color="red" style={{ marginInlineEnd: 0 }}>
          {t('ownership.team.expired')}
        </Tag>
      ) : null}
    </Flex>
  );
};

/** Adds a member or changes one (then the user is fixed). */
const MemberModal = ({
  customerId,
  member,
  onClose,
}: {
  customerId: string;
  member: CustomerMember | null;
  onClose: () => void;
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<MemberFormValues>();

  const save = useMutation({
    mutationFn: (values: MemberFormValues) =>
      putCustomerMember(customerId, values.userId ?? '', {
        access: values.access,
        expiresAt: values.expiresAt ? values.expiresAt.toISOString() : null,
      }),
    onSuccess: async () => {
      void message.success(t(member ? 'ownership.team.updated' : 'ownership.team.added'));
      await invalidateAfterMemberChange(queryClient, customerId);
      onClose();
    },
    onError: (error) => showFormError(error, form, message, ['userId', 'access', 'expiresAt']),
  });

  return (
    <FormModal
      title={
        member ? t('ownership.team.editTitle', { name: member.userName ?? '' }) : t('ownership.team.addTitle')
      }
      form={form}
      saving={save.isPending}
      onClose={onClose}
    >
      <Form<MemberFormValues>
        form={form}
        layout="vertical"
        initialValues={{
          userId: member?.userId,
          access: member?.access ?? 'read',
          expiresAt: member?.expiresAt ? dayjs(member.expiresAt) : null,
        }}
        onFinish={(values) => save.mutate({ ...values, userId: member?.userId ?? values.userId })}
      >
        <Form.Item
          name="userId"
          label={t('ownership.team.user')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <RemoteSelect
            queryKey={ownerLookupKey}
            search={searchOwners}
            disabled={member !== null}
            knownOptions={
              member ? [{ value: member.userId, label: member.userName ?? member.userId }] : undefined
            }
            placeholder={t('ownership.team.userPlaceholder')}
            aria-label={t('ownership.team.user')}
          />
        </Form.Item>
        <Form.Item name="access" label={t('ownership.team.accessLabel')} required>
          <Radio.Group
            options={memberAccessLevels.map((access) => ({
              value: access,
              label: t(`ownership.team.access.${access}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="expiresAt"
          label={t('ownership.team.expiresAt')}
          extra={t('ownership.team.expiresAtHint')}
          style={{ marginBottom: 0 }}
        >
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            disabledDate={(date) => date.isBefore(dayjs(), 'day')}
            placeholder={t('ownership.team.noExpiry')}
            style={{ width: '100%' }}
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
};

/** 团队成员 (collaborators): who else sees the customer, read-only or with write access, until when. */
export const CustomerTeamPanel = ({ customerId, canManage }: CustomerTeamPanelProps) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const queryClient = useQueryClient();
  const members = useQuery(customerMembersQueryOptions(customerId));
  const [editing, setEditing] = useState<CustomerMember | null | undefined>(undefined);

  const remove = useMutation({
    mutationFn: (userId: string) => removeCustomerMember(customerId, userId),
    onSuccess: async () => {
      void message.success(t('ownership.team.removed'));
      await invalidateAfterMemberChange(queryClient, customerId);
    },
    onError: (error) => showError(error, message),
  });

  if (members.isPending) return <Spin />;
  if (members.isError) return <ErrorResult error={members.error} onRetry={() => void members.refetch()} />;
  const items = members.data.items;

  const actionsOf = (member: CustomerMember) =>
    canManage ? (
      <Flex gap={4}>
        <Button
          size="small"
          type="text"
          icon={<EditOutlined aria-hidden />}
          aria-label={t('common.editNamed', { name: member.userName ?? '' })}
          onClick={() => setEditing(member)}
        />
        <Popconfirm
          title={t('ownership.team.removeConfirm', { name: member.userName ?? '' })}
          okText={t('ownership.team.remove')}
          okButtonProps={{ danger: true }}
          cancelText={t('common.cancel')}
          onConfirm={() => remove.mutateAsync(member.userId).catch(() => undefined)}
        >
          <Button
            size="small"
            type="text"
            danger
            icon={<DeleteOutlined aria-hidden />}
            aria-label={t('ownership.team.removeNamed', { name: member.userName ?? '' })}
          />
        </Popconfirm>
      </Flex>
    ) : null;

  const columns: TableColumnsType<CustomerMember> = [
    {
      key: 'user',
      title: t('ownership.team.user'),
      render: (_, member) => member.userName ?? emptyMark,
    },
    {
      key: 'access',
      title: t('ownership.team.accessLabel'),
      width: 100,
      render: (_, member) => <AccessTag access={member.access} />,
    },
    {
      key: 'expiresAt',
      title: t('ownership.team.expiresAt'),
      width: 220,
      render: (_, member) => <Expiry member={member} />,
    },
    {
      key: 'addedBy',
      title: t('ownership.team.addedBy'),
      width: 220,
      render: (_, member) => (
        <span>
          {member.addedByName ?? emptyMark}
          <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
            {formatDateTime(member.addedAt)}
          </Typography.Text>
        </span>
      ),
    },
    ...(canManage
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            width: 100,
            render: (_: unknown, member: CustomerMember) => actionsOf(member),
          },
        ]
      : []),
  ];

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" gap={8} wrap="wrap">
        <Typography.Text type="secondary">{t('ownership.team.intro')}</Typography.Text>
        {canManage ? (
          <Button icon={<PlusOutlined aria-hidden />} onClick={() => setEditing(null)}>
            {t('ownership.team.add')}
          </Button>
        ) : null}
      </Flex>
      {isMobile ? (
        items.length === 0 ? (
          <Empty description={t('ownership.team.empty')} />
        ) : (
          <Flex vertical gap={8}>
            {items.map((member) => (
              <Card key={member.userId} size="small">
                <Flex justify="space-between" align="center" gap={8}>
                  <Flex gap={8} align="center" wrap="wrap" style={{ minWidth: 0 }}>
                    <Typography.Text strong style={{ overflowWrap: 'anywhere' }}>
                      {member.userName ?? emptyMark}
                    </Typography.Text>
                    <AccessTag access={member.access} />
                  </Flex>
                  {actionsOf(member)}
                </Flex>
                <Flex gap={4} align="center" wrap="wrap" style={{ marginTop: 4, fontSize: 12 }}>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('ownership.team.expiresAt')}:
                  </Typography.Text>
                  <Expiry member={member} />
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('ownership.team.addedByLine', {
                    name: member.addedByName ?? emptyMark,
                    date: formatDateTime(member.addedAt),
                  })}
                </Typography.Text>
              </Card>
            ))}
          </Flex>
        )
      ) : (
        <Table<CustomerMember>
          rowKey="userId"
          columns={columns}
          dataSource={items}
          pagination={false}
          size="small"
          locale={{ emptyText: <Empty description={t('ownership.team.empty')} /> }}
        />
      )}
      {editing !== undefined ? (
        <MemberModal customerId={customerId} member={editing} onClose={() => setEditing(undefined)} />
      ) : null}
    </Flex>
  );
};
