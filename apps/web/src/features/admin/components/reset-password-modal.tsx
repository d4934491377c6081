import { resetPasswordSchema, type User } from '@kehu/contracts';
import { useMutation } from '@tanstack/react-query';
import { App, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { parseWithSchema, showFormError, zodRule } from '../../../app/forms';
import { FormModal } from '../../../components/form-modal';
import { resetUserPassword } from '../api/admin-api';

interface ResetPasswordModalProps {
  user: User | undefined;
  onClose: () => void;
}

/** An administrator sets a new password for a user. */
export const ResetPasswordModal = ({ user, onClose }: ResetPasswordModalProps) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const mutation = useMutation({
    mutationFn: (password: string) => {
      if (!user) throw new Error('no user');
      return resetUserPassword(user.id, { password });
    },
    onSuccess: () => {
      void message.success(t('users.passwordReset', { name: user?.name ?? '' }));
      onClose();
    },
    onError: (error) => showFormError(error, form, message, ['password']),
  });

  return (
    <FormModal
      open={Boolean(user)}
      title={t('users.resetPasswordTitle', { name: user?.name ?? '' })}
      okText={t('users.resetPassword')}
      form={form}
      saving={mutation.isPending}
      onClose={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(values: { password: string }) => {
          const body = parseWithSchema(resetPasswordSchema, values, form, message);
          if (body) mutation.mutate(body.password);
        }}
      >
        <Form.Item
          name="password"
          label={t('users.fields.newPassword')}
          required
          extra={t('auth.passwordHint')}
          rules={[zodRule(resetPasswordSchema.shape.password)]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </FormModal>
  );
};
