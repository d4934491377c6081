import { createUserSchema, type Locale, type User, updateUserSchema, userStatuses } from '@kehu/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Select, TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import { parseWithSchema, showFormError, zodRule } from '../../../app/forms';
import { FormModal } from '../../../components/form-modal';
import { RemoteSelect } from '../../../components/remote-select';
import { buildTree } from '../../../components/tree';
import {
  adminKeys,
  createUser,
  departmentsQueryOptions,
  rolesQueryOptions,
  searchUsers,
  updateUser,
} from '../api/admin-api';

interface UserFormValues {
  email?: string;
  name?: string;
  password?: string;
  roleId?: string;
  departmentId?: string | null;
  managerId?: string | null;
  locale?: Locale | 'default';
  status?: User['status'];
}

const fieldNames = ['email', 'name', 'password', 'roleId', 'departmentId', 'managerId', 'locale', 'status'];

interface UserFormModalProps {
  open: boolean;
  /** Set: edit; unset: create. */
  user?: User;
  onClose: () => void;
}

export const UserFormModal = ({ open, user, onClose }: UserFormModalProps) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<UserFormValues>();
  const roles = useQuery(rolesQueryOptions);
  const departments = useQuery(departmentsQueryOptions);
  const createShape = createUserSchema.shape;
  const updateShape = updateUserSchema.shape;

  const onSuccess = () => {
    void queryClient.invalidateQueries({ queryKey: adminKeys.users });
    void queryClient.invalidateQueries({ queryKey: adminKeys.departments });
    void queryClient.invalidateQueries({ queryKey: adminKeys.roles });
    void message.success(user ? t('users.updated') : t('users.created'));
    onClose();
  };
  const onError = (error: unknown) => showFormError(error, form, message, fieldNames);
  const create = useMutation({ mutationFn: createUser, onSuccess, onError });
  const update = useMutation({
    mutationFn: (body: Parameters<typeof updateUser>[1]) => {
      if (!user) throw new Error('update without a user');
      return updateUser(user.id, body);
    },
    onSuccess,
    onError,
  });

  const onFinish = (values: UserFormValues) => {
    if (user) {
      const body = parseWithSchema(
        updateUserSchema,
        {
          name: values.name?.trim(),
          roleId: values.roleId,
          departmentId: values.departmentId ?? null,
          managerId: values.managerId ?? null,
          status: values.status,
        },
        form,
        message,
      );
      if (body) update.mutate(body);
      return;
    }
    const body = parseWithSchema(
      createUserSchema,
      {
        email: values.email?.trim() ?? '',
        name: values.name?.trim() ?? '',
        password: values.password ?? '',
        roleId: values.roleId ?? '',
        departmentId: values.departmentId ?? null,
        managerId: values.managerId ?? null,
        locale: values.locale === 'default' || !values.locale ? null : values.locale,
      },
      form,
      message,
    );
    if (body) create.mutate(body);
  };

  const initialValues: UserFormValues = user
    ? {
        name: user.name,
        roleId: user.roleId,
        departmentId: user.departmentId,
        managerId: user.managerId,
        status: user.status,
      }
    : { locale: 'default' };

  return (
    <FormModal
      open={open}
      title={user ? t('users.editTitle', { name: user.name }) : t('users.newTitle')}
      okText={user ? t('common.save') : t('common.create')}
      form={form}
      saving={create.isPending || update.isPending}
      onClose={onClose}
    >
      <Form<UserFormValues> form={form} layout="vertical" initialValues={initialValues} onFinish={onFinish}>
        {user ? (
          <Form.Item label={t('users.fields.email')}>
            <Input value={user.email} disabled />
          </Form.Item>
        ) : (
          <Form.Item
            name="email"
            label={t('users.fields.email')}
            required
            rules={[zodRule(createShape.email)]}
          >
            <Input inputMode="email" autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('users.fields.name')} required rules={[zodRule(createShape.name)]}>
          <Input autoComplete="off" />
        </Form.Item>
        {user ? null : (
          <Form.Item
            name="password"
            label={t('users.fields.password')}
            required
            extra={t('auth.passwordHint')}
            rules={[zodRule(createShape.password)]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
        <Form.Item
          name="roleId"
          label={t('users.fields.role')}
          required
          rules={[zodRule(createShape.roleId)]}
        >
          <Select
            loading={roles.isPending}
            options={(roles.data?.items ?? []).map((role) => ({ value: role.id, label: role.name }))}
          />
        </Form.Item>
        <Form.Item name="departmentId" label={t('users.fields.department')}>
          <TreeSelect
            allowClear
            treeDefaultExpandAll
            loading={departments.isPending}
            treeData={buildTree(departments.data?.items ?? [])}
            placeholder={t('common.none')}
          />
        </Form.Item>
        <Form.Item name="managerId" label={t('users.fields.manager')}>
          <RemoteSelect
            queryKey={adminKeys.userLookup}
            search={searchUsers}
            allowClear
            placeholder={t('common.none')}
            knownOptions={
              user?.managerId && user.managerName ? [{ value: user.managerId, label: user.managerName }] : []
            }
          />
        </Form.Item>
        {user ? (
          <Form.Item
            name="status"
            label={t('users.fields.status')}
            required
            rules={[zodRule(updateShape.status)]}
          >
            <Select
              options={userStatuses.map((status) => ({
                value: status,
                label: t(`users.statuses.${status}`),
              }))}
            />
          </Form.Item>
        ) : (
          <Form.Item name="locale" label={t('users.fields.locale')}>
            <Select<Locale | 'default'>
              options={[
                { value: 'default', label: t('users.localeDefault') },
                { value: 'zh-CN', label: '中文' },
                { value: 'en', label: 'English' },
              ]}
            />
          </Form.Item>
        )}
      </Form>
    </FormModal>
  );
};
