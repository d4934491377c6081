import {
  allPermissions,
  createRoleSchema,
  type DataScope,
  dataScopes,
  type Permissions,
  type Role,
  updateRoleSchema,
} from '@kehu/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Flex, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { parseWithSchema, showFormError, zodRule } from '../../../app/forms';
import { useIsMobile } from '../../../components/use-is-mobile';
import { adminKeys, createRole, updateRole } from '../api/admin-api';
import { PermissionMatrix } from './permission-matrix';

interface RoleFormValues {
  name?: string;
  description?: string | null;
  dataScope?: DataScope;
  permissions?: Permissions;
}

interface RoleFormDrawerProps {
  /** Set: edit; unset: create. */
  role?: Role;
  onClose: () => void;
}

export const RoleFormDrawer = ({ role, onClose }: RoleFormDrawerProps) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<RoleFormValues>();
  const shape = createRoleSchema.shape;

  const save = useMutation({
    mutationFn: (values: RoleFormValues) => {
      const payload = {
        name: values.name?.trim() ?? '',
        description: values.description?.trim() || null,
        dataScope: values.dataScope,
        // The administrator role always holds everything; its permissions are not edited.
        ...(role?.isAdmin ? {} : { permissions: values.permissions ?? {} }),
      };
      const body = role
        ? parseWithSchema(updateRoleSchema, payload, form, message)
        : parseWithSchema(createRoleSchema, payload, form, message);
      if (!body) return Promise.resolve(undefined);
      return role ? updateRole(role.id, body) : createRole(body as Parameters<typeof createRole>[0]);
    },
    onSuccess: (result) => {
      if (!result) return;
      void queryClient.invalidateQueries({ queryKey: adminKeys.roles });
      void message.success(role ? t('roles.updated') : t('roles.created'));
      onClose();
    },
    onError: (error) =>
      showFormError(error, form, message, ['name', 'description', 'dataScope', 'permissions']),
  });

  return (
    <Drawer
      open
      onClose={onClose}
      title={role ? t('roles.editTitle', { name: role.name }) : t('roles.newTitle')}
      size={isMobile ? '100%' : 720}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {role ? t('common.save') : t('common.create')}
          </Button>
        </Flex>
      }
    >
      <Form<RoleFormValues>
        form={form}
        layout="vertical"
        initialValues={
          role
            ? {
                name: role.name,
                description: role.description,
                dataScope: role.dataScope,
                permissions: role.isAdmin ? allPermissions() : role.permissions,
              }
            : {
                dataScope: 'own',
                permissions: { customers: ['view', 'create', 'edit'], contacts: ['view', 'create', 'edit'] },
              }
        }
        onFinish={(values) => save.mutate(values)}
      >
        <Form.Item name="name" label={t('roles.fields.name')} required rules={[zodRule(shape.name)]}>
          <Input autoFocus />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('roles.fields.description')}
          rules={[zodRule(shape.description)]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
        <Form.Item
          name="dataScope"
          label={t('roles.fields.dataScope')}
          required
          extra={t('roles.dataScopeHint')}
          rules={[zodRule(shape.dataScope)]}
        >
          <Select
            options={dataScopes.map((scope) => ({ value: scope, label: t(`roles.dataScopes.${scope}`) }))}
          />
        </Form.Item>
        {role?.isAdmin ? (
          <Alert type="info" showIcon title={t('roles.adminHasAll')} style={{ marginBottom: 16 }} />
        ) : null}
        <Form.Item name="permissions" label={t('roles.fields.permissions')}>
          <PermissionMatrix disabled={role?.isAdmin} />
        </Form.Item>
      </Form>
    </Drawer>
  );
};
