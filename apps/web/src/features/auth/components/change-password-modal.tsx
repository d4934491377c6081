import { changePasswordRequestSchema } from '@kehu/contracts';
import { useMutation } from '@tanstack/react-query';
import { App, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { parseWithSchema, showFormError, zodRule } from '../../../app/forms';
import { FormModal } from '../../../components/form-modal';
import { changePassword } from '../api/auth-api';

interface ChangePasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

interface ChangePasswordModalProps {
  open: boolean;
  onClose: () => void;
}

export const ChangePasswordModal = ({ open, onClose }: ChangePasswordModalProps) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ChangePasswordValues>();
  const mutation = useMutation({
    mutationFn: changePassword,
    onSuccess: () => {
      void message.success(t('auth.passwordChanged'));
      onClose();
    },
    onError: (error) => showFormError(error, form, message, ['currentPassword', 'newPassword']),
  });

  const onFinish = ({ currentPassword, newPassword }: ChangePasswordValues) => {
    const body = parseWithSchema(
      changePasswordRequestSchema,
      { currentPassword, newPassword },
      form,
      message,
    );
    if (body) mutation.mutate(body);
  };

  return (
    <FormModal
      open={open}
      title={t('auth.changePassword')}
      form={form}
      saving={mutation.isPending}
      onClose={onClose}
    >
      <Form<ChangePasswordValues> form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item
          name="currentPassword"
          label={t('auth.currentPassword')}
          required
          rules={[zodRule(changePasswordRequestSchema.shape.currentPassword)]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('auth.newPassword')}
          required
          extra={t('auth.passwordHint')}
          rules={[zodRule(changePasswordRequestSchema.shape.newPassword)]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('auth.confirmPassword')}
          required
          dependencies={['newPassword']}
          rules={[
            ({ getFieldValue }) => ({
              validator: async (_rule, value: unknown) => {
                if (!value) throw new Error(t('validation.required'));
                if (value !== getFieldValue('newPassword')) throw new Error(t('validation.passwordMismatch'));
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </FormModal>
  );
};
