import { type LoginRequest, loginRequestSchema } from '@kehu/contracts';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../../../app/api-client';
import { useApplySession } from '../../../app/auth';
import { parseWithSchema, zodRule } from '../../../app/forms';
import { LanguageSwitch } from '../../../app/language-switch';
import { CenteredCard } from '../../../components/centered-card';
import { login } from '../api/auth-api';

/** Only same-site paths: never send a user to another origin after signing in. */
const safeRedirect = (value: string | null): string =>
  value?.startsWith('/') && !value.startsWith('//') && !value.startsWith('/login') ? value : '/';

export const LoginPage = () => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<LoginRequest>();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const applySession = useApplySession();

  const mutation = useMutation({
    mutationFn: login,
    onSuccess: async (me) => {
      applySession(me);
      await navigate(safeRedirect(searchParams.get('redirect')), { replace: true });
    },
  });

  const onFinish = (values: LoginRequest) => {
    const body = parseWithSchema(loginRequestSchema, values, form, message);
    if (body) mutation.mutate(body);
  };

  const error = mutation.error;
  return (
    <CenteredCard
      title={t('auth.signInTitle')}
      subtitle={t('auth.signInSubtitle')}
      corner={<LanguageSwitch />}
    >
      {error ? (
        <Alert
          type={isApiError(error) && error.code === 'ACCOUNT_LOCKED' ? 'warning' : 'error'}
          title={error.message || t('errors.unexpected')}
          showIcon
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Form<LoginRequest> form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
        <Form.Item name="email" label={t('auth.email')} rules={[zodRule(loginRequestSchema.shape.email)]}>
          <Input autoComplete="username" inputMode="email" autoFocus />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('auth.password')}
          rules={[zodRule(loginRequestSchema.shape.password)]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={mutation.isPending}>
          {t('auth.signIn')}
        </Button>
      </Form>
    </CenteredCard>
  );
};
